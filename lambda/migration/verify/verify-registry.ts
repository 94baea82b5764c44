import type { SchemaRegistryApi } from '../../registry-client/api';
import { readRegistrySnapshot, type ReadSnapshotOptions } from '../snapshot';
import type { VerifyReport } from './report';
import { verifyTarget, type ExpectedState, type VerifyOptions } from './verify-target';

/**
 * Reads the live target (same reader as export, so both sides are read the same way) and
 * compares it with `expected` (a loaded export, or a snapshot of the live source).
 */
export async function verifyRegistry(
  target: SchemaRegistryApi,
  expected: ExpectedState,
  options: ReadSnapshotOptions & VerifyOptions = {},
): Promise<VerifyReport> {
  const actual = await readRegistrySnapshot(target, options);
  return verifyTarget(expected, actual, options);
}
