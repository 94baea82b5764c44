import { RegistryHttpError, errors } from './errors';
import { ServerVersion } from './options';

describe('registry double errors', () => {
  test('factory answers carry status, error_code and message, without a captured stack', () => {
    const e = errors.subjectConfigNotSet('orders-value');
    expect(e).toBeInstanceOf(RegistryHttpError);
    expect(e).toBeInstanceOf(Error);
    expect([e.status, e.errorCode, e.message]).toEqual([
      404,
      40408,
      "Subject 'orders-value' does not have subject-level compatibility configured",
    ]);
    // No "    at ..." frames: capturing them cost more than the rest of a 404.
    expect(e.stack).not.toMatch(/\n\s+at /);
  });

  test('the stack trace limit is restored for every other error', () => {
    const before = Error.stackTraceLimit;
    errors.httpNotFound();
    errors.invalidSchema('x');
    expect(Error.stackTraceLimit).toBe(before);
    expect(new Error('bug').stack).toMatch(/\n\s+at /);
  });
});

describe('ServerVersion.atLeast', () => {
  test('compares major, minor and patch, also when asked again (cached)', () => {
    const v = new ServerVersion('7.4.1');
    for (let round = 0; round < 2; round++) {
      expect(v.atLeast('7.4.1')).toBe(true);
      expect(v.atLeast('7.4.0')).toBe(true);
      expect(v.atLeast('7.4.2')).toBe(false);
      expect(v.atLeast('7.5.0')).toBe(false);
      expect(v.atLeast('6.9.9')).toBe(true);
      expect(v.atLeast('8.0.0')).toBe(false);
    }
  });
});
