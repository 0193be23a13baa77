/**
 * `npm test`: type check, unit tests, terminology check, step check, the features in en, de and nl, the
 * traceability check and browser tests. Prints a summary per stage and ends with one line
 * `N passed, N failed` (unit tests + scenarios + browser tests + checks). Exit 1 if anything failed.
 */
import { spawn } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { LANGS } from '../steps/support/labels.js';
import { root } from './lib/features.js';
import { countScenarios, readReport, reportFile } from './lib/reports.js';

interface Stage { readonly name: string; readonly passed: number; readonly failed: number; readonly note: string; readonly seconds: number }
const stages: Stage[] = [];

function run(cmd: string, args: readonly string[], echo = true, env: NodeJS.ProcessEnv = {}): Promise<{ code: number; out: string }> {
  return new Promise((resolve) => {
    const child = spawn(cmd, args, { cwd: root, env: { ...process.env, ...env }, stdio: ['ignore', 'pipe', 'pipe'] });
    let out = '';
    const take = (stream: NodeJS.WritableStream) => (chunk: Buffer): void => { out += chunk.toString(); if (echo) stream.write(chunk); };
    child.stdout.on('data', take(process.stdout));
    child.stderr.on('data', take(process.stderr));
    child.on('error', (e) => { out += String(e); resolve({ code: 1, out }); });
    child.on('close', (code) => resolve({ code: code ?? 1, out }));
  });
}

const node = process.execPath;
const bin = (name: string): string => join(root, 'node_modules', '.bin', name);
const banner = (name: string): void => console.log(`\n━━━ ${name} ━━━`);

async function stage(name: string, fn: () => Promise<Omit<Stage, 'name' | 'seconds'>>): Promise<void> {
  banner(name);
  const t0 = Date.now();
  let result: Omit<Stage, 'name' | 'seconds'>;
  try {
    result = await fn();
  } catch (e) {
    result = { passed: 0, failed: 1, note: `stage crashed: ${e instanceof Error ? e.message : String(e)}` };
  }
  stages.push({ name, ...result, seconds: (Date.now() - t0) / 1000 });
}

/** A command that is one check: exit 0 passes. */
const check = (cmd: string, args: readonly string[]) => async () => {
  const { code } = await run(cmd, args);
  return { passed: code === 0 ? 1 : 0, failed: code === 0 ? 0 : 1, note: code === 0 ? 'ok' : `exit ${code}` };
};

/** node --test with explicit files; counts from its TAP summary. */
const nodeTests = (files: readonly string[]) => async () => {
  if (files.length === 0) return { passed: 0, failed: 0, note: 'no test files' };
  const { code, out } = await run(node, ['--import', './register.mjs', '--test', ...files]);
  const pass = Number(/^# pass (\d+)/m.exec(out)?.[1] ?? NaN);
  const fail = Number(/^# fail (\d+)/m.exec(out)?.[1] ?? NaN);
  if (Number.isNaN(pass) || Number.isNaN(fail)) return { passed: 0, failed: 1, note: `no TAP summary (exit ${code})` };
  const failed = fail === 0 && code !== 0 ? 1 : fail;
  return { passed: pass, failed, note: `${files.length} files${failed !== fail ? `, exit ${code}` : ''}` };
};

const testFiles = (dir: string): string[] =>
  existsSync(join(root, dir)) ? readdirSync(join(root, dir)).filter((f) => f.endsWith('.test.ts')).sort().map((f) => `${dir}/${f}`) : [];

await stage('type check (tsc --noEmit)', check(bin('tsc'), ['--noEmit']));
await stage('unit tests', nodeTests(testFiles('tests')));
await stage('terminology', check(node, ['--import', './register.mjs', 'scripts/terminology.ts']));
await stage('step check', check(node, ['--import', './register.mjs', 'scripts/check-steps.ts']));

// The features run on the steps and simulator compiled to dist/ (cucumber.mjs, SPECS_COMPILED): emitted without a
// second type check (the first stage did it), instead of ts-node transpiling them in each of the three processes.
await stage('build for the features (tsc --noCheck)', check(bin('tsc'), ['-p', 'tsconfig.build.json', '--noCheck']));
mkdirSync(join(root, 'reports'), { recursive: true });
// The three languages are independent (each scenario has its own simulator on an ephemeral port, each
// profile its own reports), so they run at the same time; their output is printed one after the other.
const featureRuns = new Map(LANGS.map((lng) => {
  rmSync(reportFile(lng), { force: true });
  const started = Date.now();
  return [lng, run(bin('cucumber-js'), ['--profile', lng, `features/${lng}`], false, { SPECS_COMPILED: '1' }).then((r) => ({ ...r, seconds: (Date.now() - started) / 1000 }))] as const;
}));
for (const lng of LANGS) {
  banner(`features (${lng})`);
  const { code, out, seconds } = await (featureRuns.get(lng) as Promise<{ code: number; out: string; seconds: number }>);
  process.stdout.write(out);
  const report = readReport(lng);
  const result = !report.exists
    ? { passed: 0, failed: 1, note: `no report (exit ${code})` }
    : (() => {
        const { passed, failed } = countScenarios(report);
        const extra = code !== 0 && failed === 0 ? 1 : 0;
        return { passed, failed: failed + extra, note: `scenarios; reports/cucumber-${lng}.{html,junit.xml,ndjson}${extra ? `; exit ${code}` : ''}` };
      })();
  stages.push({ name: `features (${lng})`, ...result, seconds });
}
await stage('traceability (npm run trace)', check(node, ['--import', './register.mjs', 'scripts/trace.ts']));
const browser = testFiles('tests/browser');
if (browser.length) await stage('browser tests', nodeTests(browser));

const passed = stages.reduce((s, x) => s + x.passed, 0);
const failed = stages.reduce((s, x) => s + x.failed, 0);
console.log('\n━━━ summary ━━━');
for (const s of stages) {
  console.log(`${s.failed ? '✗' : '✓'} ${s.name.padEnd(30)} ${String(s.passed).padStart(4)} passed ${String(s.failed).padStart(3)} failed  ${s.seconds.toFixed(1).padStart(5)} s  ${s.note}`);
}
console.log(`${passed} passed, ${failed} failed`);
process.exitCode = failed > 0 ? 1 : 0;
