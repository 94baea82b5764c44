import type { ModeRecord } from '../../../../lambda/migration/format/records';
import { unfreezeSnapshot } from '../../../../lambda/migration/freeze/unfreeze-snapshot';
import type { FreezeState } from '../../../../lambda/migration/freeze/state';
import { expectedCorpusSnapshot } from '../fixtures/corpus';

const mode = (scope: string, m: ModeRecord['mode']): ModeRecord => ({ type: 'mode', scope, mode: m });

describe('unfreezeSnapshot', () => {
  const state: FreezeState = {
    format: 'sr-migrate-freeze-state',
    formatVersion: 1,
    registry: 'http://source:8081',
    frozenAt: '2026-01-01T00:00:00.000Z',
    changes: [
      { scope: '', previous: 'READWRITE' },
      { scope: ':.__GLOBAL:', previous: 'READWRITE' },
      { scope: ':.ctx-a:', previous: null },
      { scope: ':.ctx-b:', previous: 'READWRITE' },
      { scope: 'name with spaces', previous: 'READWRITE' },
    ],
  };

  it('gives frozen scopes their pre-freeze mode back (unset ones lose their record) and names them', () => {
    const frozen = {
      ...expectedCorpusSnapshot(),
      modes: [
        mode('', 'READONLY'),
        mode(':.__GLOBAL:', 'READONLY'),
        mode(':.ctx-a:', 'READONLY'),
        mode(':.ctx-b:', 'READONLY'),
        mode('contracts-value', 'READONLY'),
        mode('name with spaces', 'READONLY'),
      ],
    };
    const result = unfreezeSnapshot(frozen, state);
    expect(result.snapshot.modes).toEqual(expectedCorpusSnapshot().modes);
    expect(result.frozenScopes).toEqual(['', ':.__GLOBAL:', ':.ctx-a:', ':.ctx-b:', 'name with spaces']);
    expect(result.drifted).toEqual([]);
  });

  it('leaves a recorded scope that is no longer READONLY as read, and reports it', () => {
    const partly = {
      ...expectedCorpusSnapshot(),
      modes: [mode('', 'READONLY'), mode(':.ctx-b:', 'IMPORT'), mode('contracts-value', 'READONLY')],
    };
    const result = unfreezeSnapshot(partly, state);
    expect(result.snapshot.modes).toEqual([mode('', 'READWRITE'), mode(':.ctx-b:', 'IMPORT'), mode('contracts-value', 'READONLY')]);
    expect(result.frozenScopes).toEqual(['']);
    expect(result.drifted).toEqual([':.__GLOBAL:', ':.ctx-a:', ':.ctx-b:', 'name with spaces']);
  });
});
