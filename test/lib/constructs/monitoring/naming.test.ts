import { monitoringNamePrefix } from '../../../../lib/constructs/monitoring/naming';

describe('monitoringNamePrefix', () => {
  test.each([
    ['dev', 'Dev-SchemaRegistry'],
    ['staging', 'Staging-SchemaRegistry'],
    ['prod', 'Prod-SchemaRegistry'],
  ])('%s -> %s', (env, prefix) => {
    expect(monitoringNamePrefix(env)).toBe(prefix);
  });

  test.each(['', 'prod env', '1prod', 'prod/eu'])('rejects %j with a message naming the value', (env) => {
    expect(() => monitoringNamePrefix(env)).toThrow(`environment name '${env}' must start with a letter`);
  });
});
