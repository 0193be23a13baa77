/**
 * `npm run bench:profile [-- <seconds> [read|create]]`: where the simulator's time goes in the sequential invoice flow
 * (or, with `read` / `create`, in reads by key / durable creates of accounts with 16 connections, as throughput.ts
 * measures them).
 * Runs the load against a compiled simulator child started with `--cpu-prof`, then prints the functions with the
 * most self time, summed by function and file, per flow or per read (bench/README.md records what it showed).
 */
import { mkdtempSync, readFileSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { buildServers, Client, load, now, ROOT, runChild, startChild } from './lib.js';
import { currencyOf, flow, setUpTenant } from './flow.js';

interface ProfileNode { id: number; callFrame: { functionName: string; url: string; lineNumber: number }; children?: number[] }
interface Profile { nodes: ProfileNode[]; samples: number[]; timeDeltas: number[] }

const seconds = Number(process.argv[2] ?? 10);
const mode = process.argv[3] === 'read' || process.argv[3] === 'create' ? process.argv[3] : 'flow';
const reads = mode !== 'flow';
buildServers();
const dir = mkdtempSync(join(tmpdir(), 'bench-profile-'));
try {
  if (reads) await runChild('build', ['--path', join(dir, 'db.json'), '--accounts', '10000']);
  const server = await startChild('sim', ['--path', join(dir, 'db.json')], undefined, 'dist', ['--cpu-prof', '--cpu-prof-dir', dir]);
  let flows = 0;
  try {
    if (reads) {
      const c = new Client(server.url, 16);
      const page = (await c.ok('GET', '/api/data/v9.2/accounts?$select=accountid,_msdyn_company_value')).json<{ value: { accountid: string; _msdyn_company_value: string }[] }>().value;
      const ids = page.map((r) => r.accountid);
      const company = String(page[0]?._msdyn_company_value);
      flows = mode === 'read'
        ? (await load(async (i) => { await c.ok('GET', `/api/data/v9.2/accounts(${ids[(i * 7919) % ids.length] as string})`); }, { concurrency: 16, ms: seconds * 1000 })).done
        : (await load(async (i) => { await c.ok('POST', '/api/data/v9.2/accounts', { name: `New customer ${i}`, 'msdyn_company@odata.bind': `/cdm_companies(${company})` }); }, { concurrency: 16, ms: seconds * 1000 })).done;
      c.close();
    } else {
      const c = new Client(server.url, 1);
      const t = await setUpTenant(c, 'PROF', await currencyOf(c));
      const end = now() + seconds * 1000;
      while (now() < end) await flow(c, t, flows++);
      c.close();
    }
  } finally {
    await server.stop(); // SIGTERM: the child exits normally and writes its profile
  }
  const file = readdirSync(dir).find((f) => f.endsWith('.cpuprofile'));
  if (!file) throw new Error('profile: no .cpuprofile written');
  const prof = JSON.parse(readFileSync(join(dir, file), 'utf8')) as Profile;
  const self = new Map<number, number>();
  prof.samples.forEach((id, i) => self.set(id, (self.get(id) ?? 0) + (prof.timeDeltas[i] ?? 0)));
  const byFn = new Map<string, number>();
  let total = 0;
  for (const n of prof.nodes) {
    const us = self.get(n.id) ?? 0;
    total += us;
    const url = n.callFrame.url.startsWith('file://') ? relative(ROOT, new URL(n.callFrame.url).pathname) : n.callFrame.url;
    const key = `${n.callFrame.functionName || '(anonymous)'}  ${url}${url ? `:${n.callFrame.lineNumber + 1}` : ''}`;
    byFn.set(key, (byFn.get(key) ?? 0) + us);
  }
  const top = [...byFn].sort((a, b) => b[1] - a[1]).slice(0, 30);
  const unit = mode;
  console.log(`${flows} ${unit}s in ${seconds} s; ${(total / 1000).toFixed(0)} ms of samples (${((total / 1000) / flows).toFixed(2)} ms per ${unit})`);
  for (const [k, us] of top) console.log(`${((100 * us) / total).toFixed(1).padStart(5)} %  ${(us / 1000 / flows).toFixed(3)} ms/${unit}  ${k}`);
} finally {
  rmSync(dir, { recursive: true, force: true });
}
