import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { SchemaRegistryApi } from '../../../../lambda/registry-client/api';
import { heldTargetModes } from '../../../../lambda/migration/import';
import { readRegistrySnapshot } from '../../../../lambda/migration/snapshot';
import { carriedSource, syncPass, type SyncPassOptions, type SyncPassResult } from '../../../../lambda/migration/sync';
import { verifyTarget, type VerifyReport } from '../../../../lambda/migration/verify';
import { startTestRegistry, type TestRegistry } from '../fixtures/corpus-registry';

/** A corpus source, an empty target, and a ledger in a temporary folder. */
export interface SyncFixture {
  readonly source: TestRegistry;
  readonly target: TestRegistry;
  readonly ledgerLocation: string;
  pass(options?: SyncPassOptions): Promise<SyncPassResult>;
  /** verify --source as the CLI runs it during a sync: the IMPORT hold is a note, not a difference. */
  verify(): Promise<VerifyReport>;
  close(): Promise<void>;
}

export async function startSyncFixture(): Promise<SyncFixture> {
  const [source, target, dir] = await Promise.all([
    startTestRegistry({ corpus: true }),
    startTestRegistry(),
    mkdtemp(join(tmpdir(), 'sr-sync-test-')),
  ]);
  const ledgerLocation = join(dir, 'ledger.json');
  return {
    source,
    target,
    ledgerLocation,
    pass: (options = {}) => syncPass(source.api, target.api, { ledgerLocation, ...options }),
    verify: () => verifySynced(source.api, target.api),
    async close() {
      await Promise.all([source.close(), target.close(), rm(dir, { recursive: true, force: true })]);
    },
  };
}

export async function verifySynced(source: SchemaRegistryApi, target: SchemaRegistryApi): Promise<VerifyReport> {
  const expected = carriedSource(await readRegistrySnapshot(source), undefined);
  return verifyTarget(expected, await readRegistrySnapshot(target), { heldModes: heldTargetModes(expected) });
}

/** An Avro record schema with one string field, distinct per name. */
export const avro = (name: string, fields: string[] = ['id']): string =>
  JSON.stringify({ type: 'record', name, namespace: 'com.acme.sync', fields: fields.map((field) => ({ name: field, type: 'string' })) });
