/**
 * The whole spec suite: wall time of the cucumber profiles en, de and nl (cucumber.mjs) over features/<lng>,
 * run at the same time as npm test runs them, each as `npx cucumber-js -p <lng> features/<lng>` on the steps compiled
 * to dist/ (SPECS_COMPILED=1, after `tsc -p tsconfig.build.json --noCheck`, not timed), against its floor: the
 * slowest language run alone. Process start-up (a dry run) and time per scenario are reported apart, and the start-up
 * from the sources through ts-node (as `npx cucumber-js` without SPECS_COMPILED) for comparison.
 */
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { join } from 'node:path';
import { spawn, spawnSync } from 'node:child_process';
import { ROOT, fig, now, pct, ratioFig, type Figure } from './lib.js';

const LANGS = ['en', 'de', 'nl'] as const;

function features(lng: string): number {
  const dir = join(ROOT, 'features', lng);
  return existsSync(dir) ? readdirSync(dir, { recursive: true }).filter((f) => String(f).endsWith('.feature')).length : 0;
}

function cucumber(lng: string, extra: readonly string[] = [], compiled = true): Promise<{ code: number; out: string; s: number }> {
  const bin = join(ROOT, 'node_modules', '@cucumber', 'cucumber', 'bin', 'cucumber.js');
  const t0 = now();
  const env = { ...process.env, SPECS_COMPILED: compiled ? '1' : '0' };
  const p = spawn(process.execPath, [bin, '-p', lng, '--format', 'summary', ...extra, `features/${lng}`], { cwd: ROOT, env, stdio: ['ignore', 'pipe', 'pipe'] });
  let out = '';
  p.stdout.on('data', (c: Buffer) => (out += c.toString()));
  p.stderr.on('data', (c: Buffer) => (out += c.toString()));
  return new Promise((resolve) => p.on('exit', (code) => resolve({ code: code ?? 1, out, s: (now() - t0) / 1000 })));
}

/**
 * CPU seconds (user + system) of this process's finished children, from /proc/self/stat (cutime + cstime: the
 * children Node has reaped). Linux only; undefined elsewhere.
 */
function childCpu(): number | undefined {
  try {
    const stat = readFileSync('/proc/self/stat', 'utf8');
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' '); // after "pid (comm) ": field 3 is fields[0]
    const tick = Number(spawnSync('getconf', ['CLK_TCK'], { encoding: 'utf8' }).stdout.trim()) || 100;
    return (Number(fields[13]) + Number(fields[14])) / tick; // fields 16 (cutime) and 17 (cstime)
  } catch {
    return undefined;
  }
}

const scenarios = (out: string): number => Number(/(\d+) scenarios? \(/.exec(out)?.[1] ?? 0);

export async function run(): Promise<Figure[]> {
  const langs = LANGS.filter((lng) => features(lng) > 0);
  const name = 'whole spec suite (cucumber en + de + nl at once), wall';
  if (langs.length === 0 || !existsSync(join(ROOT, 'cucumber.mjs'))) {
    return [fig('suite', name, null, 's', '<=', 1.3, 'n/a (no features yet)')];
  }
  // As npm test does: the steps and the simulator compiled once (emit only; npm test type-checks in its first stage).
  const build = spawnSync(process.execPath, [join(ROOT, 'node_modules', 'typescript', 'bin', 'tsc'), '-p', 'tsconfig.build.json', '--noCheck'], { cwd: ROOT, stdio: 'inherit' });
  if (build.status !== 0) throw new Error(`bench: tsc -p tsconfig.build.json --noCheck exited with ${build.status}`);
  // The floor: each language alone; its process start-up (loading the steps, no scenario run) is a dry run.
  const alone: { lng: string; s: number; startup: number; scenarios: number }[] = [];
  const fromSources: number[] = [];
  for (const lng of langs) {
    const dry = await cucumber(lng, ['--dry-run']);
    fromSources.push((await cucumber(lng, ['--dry-run'], false)).s);
    const r = await cucumber(lng);
    alone.push({ lng, s: r.s, startup: dry.s, scenarios: scenarios(r.out) });
  }
  const slowest = alone.reduce((a, b) => (b.s > a.s ? b : a));
  // As npm test runs them: the three languages at the same time (independent simulators and reports).
  const cpu0 = childCpu();
  const t0 = now();
  const results = await Promise.all(langs.map(async (lng) => ({ lng, ...(await cucumber(lng)) })));
  const s = (now() - t0) / 1000;
  const cpu1 = childCpu();
  const cores = availableParallelism();
  // On this many cores, the three languages at once can end no sooner than their CPU time shared out over the cores.
  const cpuFloor = cpu0 !== undefined && cpu1 !== undefined ? Math.max(slowest.s, (cpu1 - cpu0) / cores) : undefined;
  const summary = results.map((r) => `${r.lng}: ${/(\d+ scenarios? \([^)]*\))/.exec(r.out)?.[1] ?? `exit ${r.code}`}`).join('; ');
  const failed = results.filter((r) => r.code !== 0).map((r) => r.lng);
  const perScenario = alone.map((a) => `${a.lng} ${(((a.s - a.startup) * 1000) / Math.max(1, a.scenarios)).toFixed(0)} ms`).join(', ');
  const startup = alone.map((a) => `${a.lng} ${a.startup.toFixed(1)} s`).join(', ');
  return [
    ratioFig('suite', name, s, 's', slowest.s, '<=', 1.3,
      `${langs.length} languages; ${summary}${failed.length ? `; failing: ${failed.join(', ')} (time still counted)` : ''}. Floor: the slowest language alone (${slowest.lng})`),
    ...(cpuFloor === undefined ? [] : [{
      ...fig('suite', 'whole spec suite vs its CPU floor (information)', s, 's', undefined, undefined,
        `floor: the larger of the slowest language alone and the three languages' CPU time (${((cpu1 as number) - (cpu0 as number)).toFixed(1)} s, user + system) ÷ ${cores} cores`),
      floor: cpuFloor,
    }]),
    fig('suite', 'spec process start-up (cucumber --dry-run: load steps, run nothing)', pct(alone.map((a) => a.startup), 50), 's', undefined, undefined, `${startup}; compiled (dist/, SPECS_COMPILED=1)`),
    fig('suite', 'spec process start-up from the sources through ts-node, for comparison', pct(fromSources, 50), 's', undefined, undefined, fromSources.map((x, i) => `${langs[i]} ${x.toFixed(1)} s`).join(', ')),
    fig('suite', 'time per scenario, language alone, start-up excluded', pct(alone.map((a) => ((a.s - a.startup) * 1000) / Math.max(1, a.scenarios)), 50), 'ms', undefined, undefined, perScenario),
  ];
}
