import { SingleBar } from 'cli-progress';
import type { CliIo } from './io';

/** Progress of a long-running command: a bar on a terminal, plain throttled lines otherwise. */
export interface ProgressReporter {
  /** Where a phase is; `total` undefined while unknown. */
  update(phase: string, done: number, total?: number): void;
  /** A log line that must not be garbled by the bar. */
  log(line: string): void;
  stop(): void;
}

/** Plain-line mode prints a phase at most this often (plus its first and last update). */
const LINE_INTERVAL_MS = 1000;

export function createProgress(io: CliIo, quiet: boolean | undefined): ProgressReporter {
  if (quiet) return { update: () => undefined, log: () => undefined, stop: () => undefined };
  return io.stderr.isTTY ? barProgress(io) : lineProgress(io);
}

function lineProgress(io: CliIo): ProgressReporter {
  let phase = '';
  let lastPrinted = 0;
  let lastText = '';
  return {
    update(next, done, total) {
      const now = Date.now();
      const finished = total !== undefined && done >= total;
      if (next === phase && !finished && now - lastPrinted < LINE_INTERVAL_MS) return;
      const text = `${next}: ${done}${total !== undefined ? `/${total}` : ''}`;
      if (text === lastText) return;
      phase = next;
      lastPrinted = now;
      lastText = text;
      io.stderr.write(`${text}\n`);
    },
    log: (line) => io.stderr.write(`${line}\n`),
    stop: () => undefined,
  };
}

function barProgress(io: CliIo): ProgressReporter {
  let bar: SingleBar | undefined;
  let phase = '';
  const stop = () => {
    bar?.stop();
    bar = undefined;
  };
  return {
    update(next, done, total) {
      if (next !== phase || !bar) {
        stop();
        phase = next;
        bar = new SingleBar({
          stream: io.stderr as unknown as NodeJS.WritableStream,
          format: `${next.padEnd(10)} [{bar}] {value}/{total}`,
          hideCursor: true,
          clearOnComplete: false,
        });
        bar.start(total ?? done, done);
      }
      bar.setTotal(total ?? Math.max(done, 1));
      bar.update(done);
    },
    log(line) {
      stop();
      io.stderr.write(`${line}\n`);
    },
    stop,
  };
}
