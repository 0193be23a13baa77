/**
 * The whole spec suite: wall time of the cucumber profiles en, de and nl (cucumber.mjs) over features/<lng>,
 * run at the same time as npm test runs them, each as `npx cucumber-js -p <lng> features/<lng>`. n/a when there are no features yet.
 */
import { existsSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { spawn } from 'node:child_process';
import { ROOT, fig, now, type Figure } from './lib.js';

const LANGS = ['en', 'de', 'nl'] as const;

function features(lng: string): number {
  const dir = join(ROOT, 'features', lng);
  return existsSync(dir) ? readdirSync(dir, { recursive: true }).filter((f) => String(f).endsWith('.feature')).length : 0;
}

function cucumber(lng: string): Promise<{ code: number; out: string }> {
  const bin = join(ROOT, 'node_modules', '@cucumber', 'cucumber', 'bin', 'cucumber.js');
  const p = spawn(process.execPath, [bin, '-p', lng, '--format', 'summary', `features/${lng}`], { cwd: ROOT, stdio: ['ignore', 'pipe', 'pipe'] });
  let out = '';
  p.stdout.on('data', (c: Buffer) => (out += c.toString()));
  p.stderr.on('data', (c: Buffer) => (out += c.toString()));
  return new Promise((resolve) => p.on('exit', (code) => resolve({ code: code ?? 1, out })));
}

export async function run(): Promise<Figure[]> {
  const counts = LANGS.map(features);
  const name = 'whole spec suite (cucumber en + de + nl), wall';
  if (counts.every((n) => n === 0) || !existsSync(join(ROOT, 'cucumber.mjs'))) {
    return [fig('suite', name, null, 's', '<=', 15, 'n/a (no features yet)')];
  }
  const t0 = now();
  const results = [];
  // As npm test runs them: the three languages at the same time (independent simulators and reports).
  results.push(...(await Promise.all(LANGS.filter((lng) => features(lng) > 0).map(async (lng) => ({ lng, ...(await cucumber(lng)) })))));
  const s = (now() - t0) / 1000;
  const summary = results.map((r) => `${r.lng}: ${/(\d+ scenarios? \([^)]*\))/.exec(r.out)?.[1] ?? `exit ${r.code}`}`).join('; ');
  const failed = results.filter((r) => r.code !== 0).map((r) => r.lng);
  return [fig('suite', name, s, 's', '<=', 15, `${counts.reduce((a, b) => a + b, 0)} feature files; ${summary}${failed.length ? `; failing: ${failed.join(', ')} (time still counted)` : ''}`)];
}
