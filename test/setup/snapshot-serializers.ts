/**
 * Keeps CloudFormation snapshots stable: asset hashes change with every code edit
 * and the Node runtime mapping of CDK-internal Lambdas changes with the CDK release.
 */
const ASSET_HASH = /[a-f0-9]{64}/g;

expect.addSnapshotSerializer({
  test: (value: unknown) => typeof value === 'string' && /[a-f0-9]{64}/.test(value),
  print: (value: unknown) => JSON.stringify((value as string).replace(ASSET_HASH, '[ASSET_HASH]')),
});

expect.addSnapshotSerializer({
  test: (value: unknown) =>
    typeof value === 'object' && value !== null && Object.prototype.hasOwnProperty.call(value, 'LatestNodeRuntimeMap'),
  print: () => '"[LATEST_NODE_RUNTIME_MAP]"',
});
