import { checksCompatibilityInImport } from '../../../lambda/registry-client/features';
import { narrowestFirst, scopeKind } from '../../../lambda/registry-client/names';
import { effectiveMode } from '../../../lambda/migration/mode-resolution';
import type { RegistryMode } from '../../../lambda/registry-client/types';

describe('scopes', () => {
  it('classifies scopes in the export spelling', () => {
    expect(['', ':.__GLOBAL:', ':.ctx:', ':.ctx:orders', 'orders', 'a:b'].map(scopeKind)).toEqual([
      'top',
      'global',
      'context',
      'subject',
      'subject',
      'subject',
    ]);
  });

  it('resolves a mode like the server: own scope, then context (top level for "."), then :.__GLOBAL:, then READWRITE (docs/registry-semantics.md §3.2)', () => {
    const modes = new Map<string, RegistryMode>([
      ['', 'IMPORT'],
      [':.__GLOBAL:', 'READONLY'],
      ['pinned', 'READWRITE'],
    ]);
    expect(effectiveMode('orders', modes)).toBe('IMPORT');
    expect(effectiveMode('pinned', modes)).toBe('READWRITE');
    // The top-level IMPORT does not cover named contexts (docs/registry-semantics.md §12.1).
    expect(effectiveMode(':.ctx:orders', modes)).toBe('READONLY');
    expect(effectiveMode(':.ctx:', modes)).toBe('READONLY');
    expect(effectiveMode(':.ctx:orders', new Map())).toBe('READWRITE');
  });

  it('orders scopes narrowest first: subjects, contexts, :.__GLOBAL:, top level (docs/registry-semantics.md §12.3)', () => {
    expect(['', ':.__GLOBAL:', ':.b:', 'z', ':.a:', 'a'].sort(narrowestFirst)).toEqual(['a', 'z', ':.a:', ':.b:', ':.__GLOBAL:', '']);
  });

  it('knows which servers check compatibility even in IMPORT (before 7.5, docs/registry-semantics.md §4.2 step 7)', () => {
    expect(checksCompatibilityInImport(undefined)).toBe(true);
    expect(checksCompatibilityInImport('7.4.1')).toBe(true);
    expect(checksCompatibilityInImport('6.2.0')).toBe(true);
    expect(checksCompatibilityInImport('7.5.0')).toBe(false);
    expect(checksCompatibilityInImport('8.1.0')).toBe(false);
  });
});
