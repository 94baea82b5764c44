import {
  canonicalSubject,
  contextOf,
  contextScope,
  isContextScope,
  qualifySubject,
  resolveReferenceSubject,
  unqualifiedName,
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

test('context scopes', () => {
  expect(contextScope('.')).toBeUndefined();
  expect(contextScope('.prod')).toBe(':.prod:');
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
