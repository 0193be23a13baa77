/**
 * A/B of two compiled builds by server CPU, not wall clock (a shared 2-core machine makes rates noisy): both simulators
 * up at once on copies of one 10k-account store, 16 connections, 1-second slices alternating between them; CPU of each
 * server child from /proc (user + system) per operation. Usage: `npm run build && cp -r dist dist-old`, change, build,
 * then `node --import ./register.mjs bench/cpu-ab.ts <slices> read|create|flow dist-old dist` (Linux only).
 */
import { spawn } from 'node:child_process';
import { copyFileSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { createInterface } from 'node:readline';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Client, load, ROOT, runChild } from './lib.js';
import { currencyOf, flow, setUpTenant } from './flow.js';

const [slices, mode, ...dirs] = process.argv.slice(2);
const cpu = (pid: number): number => { const f = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1]!.split(' '); return (Number(f[11]) + Number(f[12])) * 1e4; };
const dir = mkdtempSync(join(tmpdir(), 'ab2-'));
await runChild('build', ['--path', join(dir, 'seed.json'), '--accounts', '10000']);
const servers = await Promise.all(dirs.map(async (d, k) => {
  copyFileSync(join(dir, 'seed.json'), join(dir, `db${k}.json`));
  const proc = spawn(process.execPath, [`${d}/bench/servers/sim.js`, '--path', join(dir, `db${k}.json`)], { cwd: ROOT, stdio: ['ignore', 'pipe', 'inherit'] });
  const url = await new Promise<string>((res) => createInterface({ input: proc.stdout! }).once('line', (l) => res(String(JSON.parse(l).url))));
  const c = new Client(url, 16);
  const page = (await c.ok('GET', '/api/data/v9.2/accounts?$select=accountid,_msdyn_company_value')).json<{ value: { accountid: string; _msdyn_company_value: string }[] }>().value;
  const ids = page.map((x) => x.accountid);
  const company = String(page[0]?._msdyn_company_value);
  let tenants: Awaited<ReturnType<typeof setUpTenant>>[] = [];
  if (mode === 'flow') { const usd = await currencyOf(c); tenants = await Promise.all(Array.from({ length: 16 }, (_, j) => setUpTenant(c, `C${String(j).padStart(3, '0')}`, usd))); }
  let nx = 0;
  const op = mode === 'flow' ? async (i: number) => { await flow(c, tenants[nx++ % 16]!, i); }
    : mode === 'read' ? async (i: number) => { await c.ok('GET', `/api/data/v9.2/accounts(${ids[(i * 7919) % ids.length] as string})`); }
      : async (i: number) => { await c.ok('POST', '/api/data/v9.2/accounts', { name: `New customer ${i}`, 'msdyn_company@odata.bind': `/cdm_companies(${company})` }); };
  await load(op, { concurrency: 16, ms: 1500 });
  return { d, proc, c, op, cpu: 0, done: 0, ratios: [] as number[], last: 0 };
}));
const per: number[][] = servers.map(() => []);
for (let s = 0; s < Number(slices); s++) {
  for (const k of (s % 2 ? [1, 0] : [0, 1])) {
    const sv = servers[k]!;
    const c0 = cpu(sv.proc.pid!);
    const { done } = await load(sv.op, { concurrency: 16, ms: 1000 });
    const us = cpu(sv.proc.pid!) - c0;
    sv.cpu += us; sv.done += done; per[k]!.push(us / done);
  }
}
const med = (xs: number[]): number => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
const ratios = per[1]!.map((x, i) => x / per[0]![i]!);
for (const [k, sv] of servers.entries()) console.log(`${sv.d}: ${(sv.cpu / sv.done).toFixed(1)} µs/${mode} overall (${sv.done} ops), slice median ${med(per[k]!).toFixed(1)}`);
console.log(`ratio ${dirs[1]}/${dirs[0]}: overall ${((servers[1]!.cpu / servers[1]!.done) / (servers[0]!.cpu / servers[0]!.done)).toFixed(3)}, slice-pair median ${med(ratios).toFixed(3)}`);
for (const sv of servers) { sv.c.close(); sv.proc.kill('SIGTERM'); }
await Promise.all(servers.map((sv) => new Promise((r) => sv.proc.once('exit', r))));
rmSync(dir, { recursive: true, force: true });
