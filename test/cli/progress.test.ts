import { createProgress } from '../../cli/progress';

function io() {
  const out = { text: '' };
  return { out, io: { stdout: { write: () => true }, stderr: { write: (t: string) => (out.text += t) }, env: {} } };
}

describe('createProgress without a terminal', () => {
  it('prints plain lines: first and last update of each phase, throttled in between, phases interleaved', () => {
    const { out, io: cliIo } = io();
    const progress = createProgress(cliIo, false);
    progress.update('schemas', 1000);
    progress.update('settings', 1, 100);
    progress.update('schemas', 2000); // within the interval: skipped
    progress.update('settings', 50, 100); // within the interval: skipped
    progress.update('settings', 100, 100); // finished: printed
    progress.log('a note');
    expect(out.text).toBe('schemas: 1000\nsettings: 1/100\nsettings: 100/100\na note\n');
  });

  it('prints nothing with --quiet', () => {
    const { out, io: cliIo } = io();
    const progress = createProgress(cliIo, true);
    progress.update('schemas', 1, 1);
    progress.log('note');
    progress.stop();
    expect(out.text).toBe('');
  });
});
