import { envNameToProperty, propertyToEnvName } from '../../../lib/config';

describe('property names <-> cp image environment names', () => {
  test.each([
    ['schema.compatibility.level', 'SCHEMA_REGISTRY_SCHEMA_COMPATIBILITY_LEVEL'],
    ['kafkastore.sasl.client.callback.handler.class', 'SCHEMA_REGISTRY_KAFKASTORE_SASL_CLIENT_CALLBACK_HANDLER_CLASS'],
    ['schema.registry.group.id', 'SCHEMA_REGISTRY_SCHEMA_REGISTRY_GROUP_ID'],
    ['resource.extension_class', 'SCHEMA_REGISTRY_RESOURCE_EXTENSION__CLASS'],
    ['access-control.allow-origin', 'SCHEMA_REGISTRY_ACCESS___CONTROL_ALLOW___ORIGIN'],
  ])('%s <-> %s', (property, env) => {
    expect(propertyToEnvName(property)).toBe(env);
    expect(envNameToProperty(env)).toBe(property);
  });
});

test('one-character segments do not survive the image mapping, so validation rejects them', () => {
  // ConvertKey's non-overlapping match turns A_B_C into a.b_c.
  expect(envNameToProperty(propertyToEnvName('a.b.c'))).toBe('a.b_c');
});
