import { MultiBar, type SingleBar } from 'cli-progress';
import type { CliIo } from './io';

/**
 * Progress of a long-running command: one bar per phase on a terminal (phases may run at
 * the same time), plain throttled lines otherwise. Always on stderr.
 */
export interface ProgressReporter {
  /** Where a phase is; `total` undefined while unknown. */
  update(phase: string, done: number, total?: number): void;
  /** A log line that must not be garbled by the bars. */
  log(line: string): void;
  stop(): void;
}

/** Plain-line mode prints each phase at most this often (plus its first and last update). */
const LINE_INTERVAL_MS = 1000;

export function createProgress(io: CliIo, quiet: boolean | undefined): ProgressReporter {
  if (quiet) return { update: () => undefined, log: () => undefined, stop: () => undefined };
  return io.stderr.isTTY ? barProgress(io) : lineProgress(io);
}

function lineProgress(io: CliIo): ProgressReporter {
  const last = new Map<string, { at: number; text: string }>();
  return {
    update(phase, done, total) {
      const now = Date.now();
      const finished = total !== undefined && done >= total;
      const previous = last.get(phase);
      if (previous && !finished && now - previous.at < LINE_INTERVAL_MS) return;
      const text = `${phase}: ${done}${total !== undefined ? `/${total}` : ''}`;
      if (previous?.text === text) return;
      last.set(phase, { at: now, text });
      io.stderr.write(`${text}\n`);
    },
    log: (line) => io.stderr.write(`${line}\n`),
    stop: () => undefined,
  };
}

function barProgress(io: CliIo): ProgressReporter {
  let multi: MultiBar | undefined;
  const bars = new Map<string, SingleBar>();
  const ensure = (): MultiBar =>
    (multi ??= new MultiBar({
      stream: io.stderr as unknown as NodeJS.WritableStream,
      format: '{phase} [{bar}] {value}/{total}',
      hideCursor: true,
      clearOnComplete: false,
    }));
  return {
    update(phase, done, total) {
      let bar = bars.get(phase);
      if (!bar) {
        bar = ensure().create(total ?? done, done, { phase: phase.padEnd(16) });
        bars.set(phase, bar);
      }
      bar.setTotal(total ?? Math.max(done, 1));
      bar.update(done);
    },
    log(line) {
      if (multi) multi.log(`${line}\n`);
      else io.stderr.write(`${line}\n`);
    },
    stop() {
      multi?.stop();
      multi = undefined;
      bars.clear();
    },
  };
}
