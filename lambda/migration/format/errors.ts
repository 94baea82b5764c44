/**
 * An export file that must not be imported. The message names what is wrong and what to
 * do; `problems` lists every finding (the message shows the first few).
 */
export class ExportFormatError extends Error {
  constructor(
    message: string,
    /** Where the export was read from. */
    readonly location: string,
    readonly problems: readonly string[] = [message],
  ) {
    super(message);
    this.name = 'ExportFormatError';
  }
}
