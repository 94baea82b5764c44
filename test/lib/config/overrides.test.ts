import { applyOverrides, ConfigOverrideError, ENVIRONMENTS, isOverrideKey, overridesFromContext } from '../../../lib/config';

describe('overridesFromContext', () => {
  test('picks the keys of one environment and strips the prefix', () => {
    const context = { 'dev.service.maxTasks': '2', 'prod.service.maxTasks': '4', env: 'dev', '@aws-cdk/x': true };
    expect(overridesFromContext('dev', context)).toEqual({ 'service.maxTasks': '2' });
    expect(overridesFromContext('prod', context)).toEqual({ 'service.maxTasks': '4' });
  });

  test('recognizes override keys', () => {
    expect(isOverrideKey('staging.service.cpu')).toBe(true);
    expect(isOverrideKey('@aws-cdk/core:newStyleStackSynthesis')).toBe(false);
  });
});

describe('applyOverrides', () => {
  test('converts strings to the type of the field they replace', () => {
    const config = applyOverrides(ENVIRONMENTS.dev, {
      'service.maxTasks': '3',
      'service.useSpot': 'false',
      'endpoint.allowedClientCidrs': '["10.0.0.0/8"]',
      'registry.confluentVersion': '7.8.0',
    });
    expect(config.service.maxTasks).toBe(3);
    expect(config.service.useSpot).toBe(false);
    expect(config.endpoint.allowedClientCidrs).toEqual(['10.0.0.0/8']);
    expect(config.registry.confluentVersion).toBe('7.8.0');
  });

  test('does not modify the committed environment', () => {
    applyOverrides(ENVIRONMENTS.dev, { 'service.maxTasks': '3' });
    expect(ENVIRONMENTS.dev.service.maxTasks).toBe(2);
  });

  test('sets optional fields and free-form extra properties', () => {
    const arn = 'arn:aws:acm:eu-west-1:123456789012:certificate/12345678-1234-1234-1234-123456789012';
    const config = applyOverrides(ENVIRONMENTS.dev, {
      'endpoint.certificateArn': arn,
      account: '123456789012',
      'registry.extraProperties.schema.compatibility.level': 'full',
    });
    expect(config.endpoint.certificateArn).toBe(arn);
    expect(config.account).toBe('123456789012');
    expect(config.registry.extraProperties).toEqual({ 'schema.compatibility.level': 'full' });
  });

  test('rejects a misspelled field', () => {
    expect(() => applyOverrides(ENVIRONMENTS.dev, { 'service.desiredTask': '2' })).toThrow(
      new ConfigOverrideError(
        "Unknown config override 'dev.service.desiredTask': no such field. Check the spelling against the configuration table in the README.",
      ),
    );
  });

  test('rejects an unknown section', () => {
    expect(() => applyOverrides(ENVIRONMENTS.dev, { 'servce.cpu': '512' })).toThrow("'servce' is not a config section");
  });

  test('rejects values of the wrong type', () => {
    expect(() => applyOverrides(ENVIRONMENTS.dev, { 'service.cpu': 'lots' })).toThrow("dev.service.cpu='lots' must be a number");
    expect(() => applyOverrides(ENVIRONMENTS.dev, { 'service.useSpot': 'yes' })).toThrow('must be true or false');
    expect(() => applyOverrides(ENVIRONMENTS.dev, { 'endpoint.allowedClientCidrs': '10.0.0.0/8' })).toThrow('must be JSON');
  });
});
