import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { exportRegistry } from '../../../../lambda/migration/export/export-registry';
import { createExportStore } from '../../../../lambda/migration/store';
import { HttpSchemaRegistryClient } from '../../../../lambda/registry-client/client';
import { populateCorpus } from '../../migration/fixtures/corpus';
import { startRegistryDouble, type RegistryDouble } from '../../../support/registry-double';

/** An export file made by the real exporter from a registry double. */
export interface ExportFile {
  readonly bytes: Buffer;
  /** The trailer sha256 (what ExportSha256 means). */
  readonly sha256: string;
  readonly subjectVersions: number;
  readonly contexts: number;
}

/** A source registry holding the round-trip corpus, and exports of it. */
export class CorpusSource {
  private constructor(
    readonly registry: RegistryDouble,
    private readonly dir: string,
  ) {}

  static async start(): Promise<CorpusSource> {
    const registry = await startRegistryDouble();
    await populateCorpus(registry.url);
    return new CorpusSource(registry, mkdtempSync(join(tmpdir(), 'seed-test-')));
  }

  /** Exports the source's current state (gzip when `name` ends in .gz). */
  async export(name: string): Promise<ExportFile> {
    const client = new HttpSchemaRegistryClient({ url: this.registry.url });
    try {
      const path = join(this.dir, name);
      const result = await exportRegistry(client, path, { store: createExportStore(), exportedAt: '2026-11-26T12:00:00.000Z' });
      return { bytes: readFileSync(path), sha256: result.sha256, subjectVersions: result.counts.schema, contexts: result.counts.context };
    } finally {
      client.close();
    }
  }

  /** Registers one new subject-version on the source (the "newer export" case). */
  async registerNewVersion(subject: string, schema: string): Promise<void> {
    const response = await fetch(`${this.registry.url}/subjects/${encodeURIComponent(subject)}/versions`, {
      method: 'POST',
      headers: { 'content-type': 'application/vnd.schemaregistry.v1+json' },
      body: JSON.stringify({ schema }),
    });
    if (!response.ok) throw new Error(`registering ${subject} on the source failed: HTTP ${response.status} ${await response.text()}`);
  }

  async close(): Promise<void> {
    await this.registry.close();
  }
}
