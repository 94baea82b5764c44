import { featuresFor, isAtLeast, parseServerVersion } from '../../../lambda/registry-client/features';

test('parses release, vendor-suffixed and short versions', () => {
  expect(parseServerVersion('7.9.1')).toEqual({ major: 7, minor: 9, patch: 1, raw: '7.9.1' });
  expect(parseServerVersion('8.0.0-ce')).toMatchObject({ major: 8, minor: 0, patch: 0 });
  expect(parseServerVersion('7.4')).toMatchObject({ major: 7, minor: 4, patch: 0 });
  expect(parseServerVersion('unknown')).toBeUndefined();
  expect(parseServerVersion(undefined)).toBeUndefined();
});

test('version comparison', () => {
  const v = parseServerVersion('7.4.1');
  expect(isAtLeast(v, 7, 4, 1)).toBe(true);
  expect(isAtLeast(v, 7, 4, 2)).toBe(false);
  expect(isAtLeast(v, 6, 9)).toBe(true);
  expect(isAtLeast(v, 8, 0)).toBe(false);
  expect(isAtLeast(undefined, 5, 0)).toBe(false);
});

test.each([
  // version, deleted flag, deletedOnly, bulk paging, metadata/ruleSet, IMPORT skips compatibility
  [undefined, false, false, false, false, false],
  ['7.3.0', false, false, false, false, false],
  ['7.4.0', false, true, false, true, false],
  ['7.4.1', false, true, true, true, false],
  ['7.5.0', false, true, true, true, true],
  ['7.9.1', false, true, true, true, true],
  ['8.0.0', true, true, true, true, true],
])('features of %s', (version, deletedFlag, deletedOnly, bulk, metadata, importSkips) => {
  const features = featuresFor(version);
  expect([
    features.deletedFlagInListings,
    features.deletedOnly,
    features.bulkSchemaPaging,
    features.metadataAndRuleSet,
    features.importSkipsCompatibility,
  ]).toEqual([deletedFlag, deletedOnly, bulk, metadata, importSkips]);
  expect(features.schemasPageLimit).toBe(1000);
});

test('8.2 adds deletedAsNegative; 8.0 prints schemaType AVRO', () => {
  expect(featuresFor('8.1.0')).toMatchObject({ deletedAsNegative: false, avroTypeExplicit: true });
  expect(featuresFor('8.2.0')).toMatchObject({ deletedAsNegative: true });
  expect(featuresFor('7.9.1')).toMatchObject({ avroTypeExplicit: false });
});
