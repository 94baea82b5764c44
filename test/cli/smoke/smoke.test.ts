import { HttpSchemaRegistryClient } from '../../../lambda/registry-client/client';
import { runSmokeTest, renderSmokeReport, type SmokeReport } from '../../../cli/smoke';
import { startRegistryDouble, type RegistryDouble } from '../../support/registry-double';
import { httpCaller, type Caller } from '../../support/registry-double/testing';
import { startCompatibilityProxy } from './compatibility-proxy';

const RUN_ID = '20261126T150000Z-abcd1234';
const SUBJECT = `:.sr-migrate-smoke:smoke-${RUN_ID}`;

let registry: RegistryDouble;
let call: Caller;
let client: HttpSchemaRegistryClient;

beforeEach(async () => {
  registry = await startRegistryDouble({ version: '8.1.0' });
  call = httpCaller(registry.url);
  client = new HttpSchemaRegistryClient({ url: registry.url, retry: { maxAttempts: 1 } });
});
afterEach(async () => {
  client.close();
  await registry.close();
});

const statuses = (report: SmokeReport) => report.steps.map((s) => `${s.status} ${s.name}`);

describe('runSmokeTest against the registry double', () => {
  it('registers, reads back by version and id, deletes soft then permanent, removes the context, and leaves nothing behind', async () => {
    await call('POST', '/subjects/orders-value/versions', { schema: '"string"' });
    const before = (await call('GET', '/contexts')).body;

    const report = await runSmokeTest(client, { runId: RUN_ID });

    expect(statuses(report)).toEqual([
      'passed reach the registry',
      'passed check modes',
      'passed register',
      'passed read by subject and version',
      'passed read by id',
      // The double has no POST /compatibility: the step says so instead of pretending.
      'skipped compatibility check',
      'passed soft delete',
      'passed permanent delete',
      'passed remove the smoke context',
    ]);
    expect(report).toMatchObject({ ok: true, subject: SUBJECT, context: '.sr-migrate-smoke', target: registry.url });
    expect(report.steps[0].detail).toBe(`Schema Registry 8.1.0 at ${registry.url}`);
    expect(report.steps[2].detail).toMatch(new RegExp(`^${SUBJECT.replace(/\./g, '\\.')} version 1 has id \\d+$`));
    expect(report.steps[5].detail).toContain('not supported by this server (HTTP 404');
    for (const step of report.steps) expect(step.ms).toBeGreaterThanOrEqual(0);
    // Nothing left: only the pre-existing subject, the same contexts as before.
    expect(registry.inspect.versionCount()).toBe(1);
    expect((await call('GET', '/subjects?subjectPrefix=:*:&deleted=true')).body).toEqual(['orders-value']);
    expect((await call('GET', '/contexts')).body).toEqual(before);
  });

  it('runs the compatibility check when the server has the endpoint, with the subject, latest and verbose', async () => {
    const proxy = await startCompatibilityProxy(registry.url, { is_compatible: true });
    const proxied = new HttpSchemaRegistryClient({ url: proxy.url, retry: { maxAttempts: 1 } });
    try {
      const report = await runSmokeTest(proxied, { runId: RUN_ID });
      expect(report.ok).toBe(true);
      expect(report.steps.find((s) => s.name === 'compatibility check')).toMatchObject({
        status: 'passed',
        detail: 'adding an optional field with a default is compatible with the latest version',
      });
      expect(proxy.requests).toHaveLength(1);
      expect(proxy.requests[0].path).toBe(`/compatibility/subjects/${encodeURIComponent(SUBJECT)}/versions/latest?verbose=true`);
      const candidate = JSON.parse(proxy.requests[0].body.schema);
      expect(candidate.fields.at(-1)).toEqual({ name: 'note', type: ['null', 'string'], default: null });
    } finally {
      proxied.close();
      await proxy.close();
    }
  });

  it('fails the run when the server judges a compatible evolution incompatible, and still removes the subject', async () => {
    const proxy = await startCompatibilityProxy(registry.url, { is_compatible: false, messages: ['READER_FIELD_MISSING_DEFAULT_VALUE'] });
    const proxied = new HttpSchemaRegistryClient({ url: proxy.url, retry: { maxAttempts: 1 } });
    try {
      const report = await runSmokeTest(proxied, { runId: RUN_ID });
      expect(report.ok).toBe(false);
      expect(report.steps.at(-1)).toMatchObject({
        name: 'compatibility check',
        status: 'failed',
        detail: 'adding an optional field with a default was judged incompatible: READER_FIELD_MISSING_DEFAULT_VALUE',
      });
      expect(report.cleanup).toBe(`removed ${SUBJECT} (soft, then permanent delete)`);
      expect(registry.inspect.versionCount()).toBe(0);
    } finally {
      proxied.close();
      await proxy.close();
    }
  });

  it('reports a failing step with the registry error, skips the rest, and cleans up', async () => {
    registry.faults.failNext({ method: 'GET', path: /^\/schemas\/ids\//, status: 500, errorCode: 50001 });

    const report = await runSmokeTest(client, { runId: RUN_ID });

    expect(report.ok).toBe(false);
    expect(statuses(report)).toEqual([
      'passed reach the registry',
      'passed check modes',
      'passed register',
      'passed read by subject and version',
      'failed read by id',
    ]);
    expect(report.steps[4].detail).toMatch(/^HTTP 500 \(error_code 50001\) on GET \/schemas\/ids\/\d+/);
    expect(report.cleanup).toBe(`removed ${SUBJECT} (soft, then permanent delete)`);
    expect(registry.inspect.versionCount()).toBe(0);
    const text = renderSmokeReport(report);
    expect(text).toMatch(/ {2}FAIL {2}read by id +\d+ ms {2}HTTP 500/);
    expect(text).toContain(`clean-up: removed ${SUBJECT}`);
    expect(text.trimEnd().split('\n').at(-1)).toBe('result: FAILED (4 passed, 0 skipped, 1 failed)');
  });

  it('says how to remove the subject by hand when the clean-up fails too', async () => {
    registry.faults.failNext({ method: 'GET', path: /^\/schemas\/ids\//, status: 500, errorCode: 50001 });
    registry.faults.failNext({ method: 'DELETE', path: /^\/subjects\//, status: 500, errorCode: 50001 });

    const report = await runSmokeTest(client, { runId: RUN_ID });

    expect(report.cleanup).toContain(`could not remove ${SUBJECT}: HTTP 500`);
    expect(report.cleanup).toContain(`curl -X DELETE '${registry.url}/subjects/${encodeURIComponent(SUBJECT)}'`);
    expect(registry.inspect.versionCount()).toBe(1);
  });

  it.each([
    // GET /mode answers the effective top-level mode, which a :.__GLOBAL: mode also sets.
    ['the top level', '/mode', /at the top level/],
    [':.__GLOBAL:', `/mode/${encodeURIComponent(':.__GLOBAL:')}`, /at (the top level|:\.__GLOBAL:)/],
    ['context .sr-migrate-smoke', `/mode/${encodeURIComponent(':.sr-migrate-smoke:')}`, /at context \.sr-migrate-smoke/],
  ])('refuses a target in IMPORT mode at %s and writes nothing', async (_where, path, label) => {
    expect((await call('PUT', path, { mode: 'IMPORT' })).status).toBe(200);
    registry.stats.reset();

    const report = await runSmokeTest(client, { runId: RUN_ID });

    expect(report.ok).toBe(false);
    expect(report.refused).toContain('refusing to run: the target is in IMPORT mode');
    expect(report.refused).toMatch(label);
    expect(report.refused).toContain('or pass --allow-import-mode');
    expect(statuses(report)).toEqual(['passed reach the registry', 'failed check modes']);
    expect(registry.stats.writes).toBe(0);
    expect(renderSmokeReport(report)).toContain('result: REFUSED (1 passed, 0 skipped, 1 failed): nothing was written');
  });

  it('with allowImportMode runs beside a top-level IMPORT (default-context import) in its own context', async () => {
    await call('PUT', '/mode', { mode: 'IMPORT' });
    const report = await runSmokeTest(client, { runId: RUN_ID, allowImportMode: true });
    expect(report.ok).toBe(true);
    expect(report.steps[1].detail).toMatch(/^IMPORT at the top level\b.*; the smoke subject's mode: READWRITE$/);
    expect(registry.inspect.modeOf('')).toBe('IMPORT');
  });

  it('with allowImportMode registers with an explicit id when the smoke context itself is in IMPORT', async () => {
    await call('PUT', `/mode/${encodeURIComponent(':.sr-migrate-smoke:')}`, { mode: 'IMPORT' });
    const report = await runSmokeTest(client, { runId: RUN_ID, allowImportMode: true });
    expect(report.ok).toBe(true);
    expect(report.steps[2].detail).toMatch(/has id \d{7,} \(explicit id: the context is in IMPORT\)$/);
  });

  it.each(['READONLY', 'READONLY_OVERRIDE'])('refuses a %s target even with allowImportMode', async (mode) => {
    await call('PUT', '/mode', { mode });
    registry.stats.reset();
    const report = await runSmokeTest(client, { runId: RUN_ID, allowImportMode: true });
    expect(report.refused).toBe(
      `refusing to run: the target is ${mode} at the top level and accepts no registrations ` +
        '(a frozen source, or a registry in maintenance). Run the smoke test against a writable registry',
    );
    expect(registry.stats.writes).toBe(0);
  });

  it('stops at the first step when the registry cannot be reached', async () => {
    const unreachable = new HttpSchemaRegistryClient({ url: 'http://127.0.0.1:1', retry: { maxAttempts: 1 }, timeoutMs: 2000 });
    const report = await runSmokeTest(unreachable, { runId: RUN_ID });
    unreachable.close();
    expect(statuses(report)).toEqual(['failed reach the registry']);
    expect(report.cleanup).toBeUndefined();
  });

  it.each(['.', '', ':.x:', 'a/b', '.__GLOBAL'])('rejects the unusable smoke context %j', async (context) => {
    await expect(runSmokeTest(client, { context })).rejects.toThrow('is not a usable smoke context');
  });
});
