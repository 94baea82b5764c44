import {
  ENVIRONMENTS,
  EXAMPLE_ENDPOINT,
  exampleEndpointFields,
  exampleTlsEndpoint,
  validateEndpointConfig,
  type EndpointConfig,
} from '../../../lib/config';

const REAL_CERTIFICATE = 'arn:aws:acm:eu-west-1:123456789012:certificate/12345678-1234-1234-1234-123456789012';
const REAL_DNS = { hostedZoneId: 'Z0123456789ABCDEFGHIJ', zoneName: 'internal.acme.io', recordName: 'schema-registry' };
const base: EndpointConfig = { allowedClientCidrs: [], allowedClientSecurityGroupIds: [], deletionProtection: true };

describe('TLS is required outside dev, and a certificate always needs a DNS name', () => {
  test.each(['staging', 'prod'] as const)('%s without a certificate or DNS name: each problem names the fix', (name) => {
    const problems = validateEndpointConfig(base, 'eu-west-1', name);
    expect(problems).toEqual([
      expect.stringContaining(`endpoint.certificateArn: required in ${name}`),
      expect.stringContaining(`endpoint.dns: required in ${name}`),
    ]);
    expect(problems[0]).toContain('README "Before the first deploy"');
  });

  test('a certificate without endpoint.dns is rejected in any environment (TLS would fail on the load balancer name)', () => {
    const problems = validateEndpointConfig({ ...base, certificateArn: REAL_CERTIFICATE }, 'eu-west-1', 'dev');
    expect(problems).toEqual([expect.stringContaining('endpoint.dns: required with endpoint.certificateArn')]);
    expect(problems[0]).toContain('https://<record>');
  });

  test('dev may serve plain HTTP', () => {
    expect(validateEndpointConfig({ ...base, deletionProtection: false }, 'eu-west-1', 'dev')).toEqual([]);
  });

  test('a real certificate and zone pass', () => {
    expect(validateEndpointConfig({ ...base, certificateArn: REAL_CERTIFICATE, dns: REAL_DNS }, 'eu-west-1', 'prod')).toEqual([]);
  });

  test('prod needs load balancer deletion protection', () => {
    const problems = validateEndpointConfig(
      { ...base, certificateArn: REAL_CERTIFICATE, dns: REAL_DNS, deletionProtection: false },
      'eu-west-1',
      'prod',
    );
    expect(problems).toEqual([expect.stringContaining('endpoint.deletionProtection: prod must protect its load balancer')]);
  });
});

describe('committed example endpoint values', () => {
  test.each(['staging', 'prod'] as const)('%s commits the marked example certificate and zone (valid, so synth works)', (name) => {
    expect(ENVIRONMENTS[name].endpoint).toMatchObject(exampleTlsEndpoint(name));
    expect(exampleEndpointFields(ENVIRONMENTS[name].endpoint)).toEqual([
      'endpoint.certificateArn',
      'endpoint.dns.hostedZoneId',
      'endpoint.dns.zoneName',
    ]);
  });

  test('dev has none, and real values are not mistaken for examples', () => {
    expect(exampleEndpointFields(ENVIRONMENTS.dev.endpoint)).toEqual([]);
    expect(exampleEndpointFields({ ...base, certificateArn: REAL_CERTIFICATE, dns: REAL_DNS })).toEqual([]);
  });

  test('replacing only the certificate still reports the example zone', () => {
    const endpoint = { ...base, ...exampleTlsEndpoint('prod'), certificateArn: REAL_CERTIFICATE };
    expect(exampleEndpointFields(endpoint)).toEqual(['endpoint.dns.hostedZoneId', 'endpoint.dns.zoneName']);
    expect(EXAMPLE_ENDPOINT.zoneName).toBe('example.com');
  });
});
