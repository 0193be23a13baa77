/**
 * Server CPU per read by key, 16 connections, 1-second slices in turn: the simulator build(s) given against bare Express 5
 * (bench/servers/bare.ts) serving 60-byte records and serving the simulator's own full-width answers. A CPU-based view of
 * the "reads by key ≥ 1.0 × bare" target. Usage: `npm run build`, then
 * `node --import ./register.mjs bench/cpu-vs-bare.ts <slices> dist [dist-old]` (Linux only: /proc).
 */
import { spawn } from 'node:child_process';
import { copyFileSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createInterface } from 'node:readline';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Client, load, ROOT, runChild } from './lib.js';

const [slices, ...dirs] = process.argv.slice(2);
const cpu = (pid: number): number => { const f = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1]!.split(' '); return (Number(f[11]) + Number(f[12])) * 1e4; };
const dir = mkdtempSync(join(tmpdir(), 'ab3-'));
await runChild('build', ['--path', join(dir, 'seed.json'), '--accounts', '10000']);
const start = async (args: string[]) => {
  const proc = spawn(process.execPath, args, { cwd: ROOT, stdio: ['ignore', 'pipe', 'inherit'] });
  const url = await new Promise<string>((res) => createInterface({ input: proc.stdout! }).once('line', (l) => res(String(JSON.parse(l).url))));
  return { proc, c: new Client(url, 16) };
};
type J = Record<string, unknown>;
const servers: { name: string; proc: ReturnType<typeof spawn>; c: Client; path: (i: number) => string; per: number[] }[] = [];
for (const [k, d] of dirs.entries()) {
  copyFileSync(join(dir, 'seed.json'), join(dir, `db${k}.json`));
  const s = await start([`${d}/bench/servers/sim.js`, '--path', join(dir, `db${k}.json`)]);
  const page = (await s.c.ok('GET', '/api/data/v9.2/accounts?$select=accountid,name,accountnumber,_msdyn_company_value&$top=1000')).json<{ value: J[] }>().value;
  const ids = page.map((x) => String(x.accountid));
  if (k === 0) {
    const wide: J[] = [];
    for (const id of ids) wide.push({ id, ...(await s.c.ok('GET', `/api/data/v9.2/accounts(${id})`)).json() });
    writeFileSync(join(dir, 'small.json'), JSON.stringify({ accounts: page.map((r) => ({ id: String(r.accountid), ...r })) }));
    writeFileSync(join(dir, 'wide.json'), JSON.stringify({ accounts: wide }));
  }
  servers.push({ name: d, ...s, path: (i) => `/api/data/v9.2/accounts(${ids[(i * 7919) % ids.length] as string})`, per: [] });
}
const ids = (JSON.parse(readFileSync(join(dir, 'small.json'), 'utf8')) as { accounts: J[] }).accounts.map((r) => String(r.id));
for (const seed of ['small', 'wide']) {
  const s = await start(['dist/bench/servers/bare.js', '--seed', join(dir, `${seed}.json`)]);
  servers.push({ name: `bare-${seed}`, ...s, path: (i) => `/accounts/${ids[(i * 7919) % ids.length] as string}`, per: [] });
}
for (const s of servers) await load(async (i) => { await s.c.ok('GET', s.path(i)); }, { concurrency: 16, ms: 1500 });
for (let n = 0; n < Number(slices); n++) {
  const order = n % 2 ? [...servers].reverse() : servers;
  for (const s of order) {
    const c0 = cpu(s.proc.pid!);
    const { done } = await load(async (i) => { await s.c.ok('GET', s.path(i)); }, { concurrency: 16, ms: 1000 });
    s.per.push((cpu(s.proc.pid!) - c0) / done);
  }
}
const med = (xs: number[]): number => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
const small = servers.find((s) => s.name === 'bare-small')!;
const wide = servers.find((s) => s.name === 'bare-wide')!;
for (const s of servers) console.log(`${s.name.padEnd(12)} median ${med(s.per).toFixed(1)} µs/read; CPU ratio bare-small/this ${(med(small.per) / med(s.per)).toFixed(2)}, bare-wide/this ${(med(wide.per) / med(s.per)).toFixed(2)}`);
for (const s of servers) { s.c.close(); s.proc.kill('SIGTERM'); }
await Promise.all(servers.map((s) => new Promise((r) => s.proc.once('exit', r))));
rmSync(dir, { recursive: true, force: true });
