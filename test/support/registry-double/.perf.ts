import { performance } from 'node:perf_hooks';
import http from 'node:http';
import { startRegistryDouble } from './index';
const agent = new http.Agent({ keepAlive: true, maxSockets: 16 });
function req(base: string, method: string, path: string, body?: unknown): Promise<{ status: number; text: string }> {
  return new Promise((resolve, reject) => {
    const data = body === undefined ? undefined : JSON.stringify(body);
    const r = http.request(base + path, { method, agent, headers: { 'content-type': 'application/json' } }, (res) => {
      let t = '';
      res.setEncoding('utf8');
      res.on('data', (c) => (t += c));
      res.on('end', () => resolve({ status: res.statusCode!, text: t }));
    });
    r.on('error', reject);
    if (data) r.write(data);
    r.end();
  });
}
(async () => {
  const d = await startRegistryDouble();
  await req(d.url, 'PUT', '/mode', { mode: 'IMPORT' });
  const N = 20000;
  let next = 0;
  const t0 = performance.now();
  const rss0 = process.memoryUsage().rss;
  await Promise.all(
    Array.from({ length: 16 }, async () => {
      while (next < N) {
        const i = next++;
        const subject = `subject-${i % 5000}`;
        const version = Math.floor(i / 5000) + 1;
        const schema = JSON.stringify({ type: 'record', name: `R${i}`, fields: [{ name: 'f', type: 'string' }] });
        const refs = version > 1 ? [{ name: 'prev', subject, version: version - 1 }] : undefined;
        const r = await req(d.url, 'POST', `/subjects/${subject}/versions`, { schema, id: i + 1, version, references: refs });
        if (r.status !== 200) throw new Error(r.text);
      }
    }),
  );
  console.log(
    'populate',
    N,
    ((performance.now() - t0) / 1000).toFixed(2),
    's',
    'rss MB',
    ((process.memoryUsage().rss - rss0) / 1e6).toFixed(0),
  );
  const t1 = performance.now();
  let count = 0;
  for (let off = 0; ; off += 1000) {
    const r = await req(d.url, 'GET', `/schemas?subjectPrefix=:*:&deleted=true&offset=${off}&limit=1000`);
    const arr = JSON.parse(r.text);
    if (arr.length === 0) break;
    count += arr.length;
  }
  console.log('paged', count, (performance.now() - t1).toFixed(0), 'ms');
  const t2 = performance.now();
  const subs = JSON.parse((await req(d.url, 'GET', '/subjects?deleted=true')).text);
  console.log('subjects', subs.length, (performance.now() - t2).toFixed(0), 'ms');
  await d.close();
})();
