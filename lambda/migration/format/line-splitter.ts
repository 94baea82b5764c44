/** One line of an export: its raw bytes (without "\n") and 1-based number. */
export interface RawLine {
  readonly bytes: Buffer;
  readonly number: number;
}

/**
 * Splits a byte stream into lines on "\n", keeping the exact bytes so hashes match what
 * the writer hashed. A last line without "\n" is still yielded. Lines longer than
 * `maxLineBytes` throw: a file without newlines is not an export, and buffering it all
 * would exhaust memory.
 */
export async function* splitLines(source: AsyncIterable<Buffer | string>, maxLineBytes = 64 * 1024 * 1024): AsyncGenerator<RawLine> {
  let carry: Buffer[] = [];
  let carryLength = 0;
  let number = 0;
  for await (const chunk of source) {
    const buffer = typeof chunk === 'string' ? Buffer.from(chunk, 'utf8') : chunk;
    let start = 0;
    for (let newline = buffer.indexOf(10, start); newline !== -1; newline = buffer.indexOf(10, start)) {
      const piece = buffer.subarray(start, newline);
      const bytes = carryLength === 0 ? piece : Buffer.concat([...carry, piece], carryLength + piece.length);
      carry = [];
      carryLength = 0;
      start = newline + 1;
      yield { bytes, number: ++number };
    }
    if (start < buffer.length) {
      const rest = buffer.subarray(start);
      carry.push(rest);
      carryLength += rest.length;
      if (carryLength > maxLineBytes) {
        throw new LineTooLongError(number + 1, maxLineBytes);
      }
    }
  }
  if (carryLength > 0) yield { bytes: Buffer.concat(carry, carryLength), number: ++number };
}

export class LineTooLongError extends Error {
  constructor(
    readonly lineNumber: number,
    maxLineBytes: number,
  ) {
    super(`line ${lineNumber} is longer than ${Math.round(maxLineBytes / 1024 / 1024)} MiB`);
  }
}
