import {
  canonicalSubject,
  compareContexts,
  contextOf,
  contextScope,
  isContextScope,
  qualifySubject,
  describeScope,
  describeSubject,
  narrowestFirst,
  resolveReferenceSubject,
  scopeKind,
  sortContexts,
  toApiScope,
  unqualifiedName,
  widestFirst,
} from '../../../lambda/registry-client/names';

test('context and name of qualified and plain subjects', () => {
  expect(contextOf('orders-value')).toBe('.');
  expect(contextOf(':.prod:orders-value')).toBe('.prod');
  expect(contextOf(':.:orders-value')).toBe('.');
  expect(unqualifiedName(':.prod:a:b')).toBe('a:b');
  expect(unqualifiedName('plain/with slash')).toBe('plain/with slash');
});

test('qualifying keeps the default context unqualified', () => {
  expect(qualifySubject('.', 'x')).toBe('x');
  expect(qualifySubject('.prod', 'x')).toBe(':.prod:x');
  expect(canonicalSubject(':.:x')).toBe('x');
  expect(canonicalSubject(':.prod:x')).toBe(':.prod:x');
});

test('context scopes, in export spelling and in the API spelling', () => {
  expect(contextScope('.')).toBe('');
  expect(contextScope('.prod')).toBe(':.prod:');
  expect(toApiScope(contextScope('.'))).toBeUndefined();
  expect(toApiScope(':.prod:')).toBe(':.prod:');
  expect(['', ':.__GLOBAL:', ':.prod:', ':.prod:orders', 'orders'].map(scopeKind)).toEqual([
    'top',
    'global',
    'context',
    'subject',
    'subject',
  ]);
  expect(isContextScope(':.prod:')).toBe(true);
  expect(isContextScope(':.__GLOBAL:')).toBe(true);
  expect(isContextScope(':.prod:orders')).toBe(false);
  expect(isContextScope('orders')).toBe(false);
});

test('references resolve against the referring subject context unless qualified', () => {
  expect(resolveReferenceSubject(':.prod:orders', 'common')).toBe(':.prod:common');
  expect(resolveReferenceSubject('orders', 'common')).toBe('common');
  expect(resolveReferenceSubject(':.prod:orders', ':.shared:common')).toBe(':.shared:common');
  expect(resolveReferenceSubject(':.prod:orders', ':.:common')).toBe('common');
});

test('order: "." first, then contexts by code unit; scopes narrowest or widest first', () => {
  expect(sortContexts(['.b', '.', '.a', '.b'])).toEqual(['.', '.a', '.b']);
  expect(compareContexts('.Z', '.a')).toBeLessThan(0);
  const scopes = ['', 'orders', ':.ctx:', ':.__GLOBAL:', ':.ctx:a'];
  expect([...scopes].sort(narrowestFirst)).toEqual([':.ctx:a', 'orders', ':.ctx:', ':.__GLOBAL:', '']);
  expect([...scopes].sort(widestFirst)).toEqual(['', ':.__GLOBAL:', ':.ctx:', ':.ctx:a', 'orders']);
});

test('messages name subjects and scopes one way', () => {
  expect(describeSubject('a b')).toBe('subject "a b"');
  expect(describeSubject(':.ctx:x', 3)).toBe('subject ":.ctx:x" version 3');
  expect(['', ':.__GLOBAL:', ':.ctx:', 'orders'].map(describeScope)).toEqual([
    'the top level',
    'all contexts (:.__GLOBAL:)',
    'context :.ctx:',
    'subject "orders"',
  ]);
});
