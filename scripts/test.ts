/**
 * `npm test`: type check, build, terminology check, step check, unit tests, the features in en, de and nl, the
 * traceability check and browser tests. Prints a summary per stage and ends with one line
 * `N passed, N failed` (unit tests + scenarios + browser tests + checks). Exit 1 if anything failed.
 *
 * Wall time (bench/README.md, "npm test's wall time"): stages that share nothing run at the same time (the type
 * check, the build and the two checks; the three languages), and the node:test files run two at a time
 * (`--test-concurrency`, TEST_CONCURRENCY to change it): every test file has its own simulator on an ephemeral
 * port and its own temporary directories, so no two files share a port, a file or a folder.
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

type Outcome = Omit<Stage, 'name' | 'seconds'>;
/** A stage's work: `echo` false when it runs beside others (its output is printed once it is done). */
type StageFn = (echo: boolean) => Promise<Outcome & { readonly out?: string }>;

async function timed(name: string, fn: StageFn, echo: boolean): Promise<Stage & { readonly out?: string }> {
  const t0 = Date.now();
  let result: Outcome & { readonly out?: string };
  try {
    result = await fn(echo);
  } catch (e) {
    result = { passed: 0, failed: 1, note: `stage crashed: ${e instanceof Error ? e.message : String(e)}` };
  }
  return { name, ...result, seconds: (Date.now() - t0) / 1000 };
}

async function stage(name: string, fn: StageFn): Promise<void> {
  banner(name);
  const { out: _out, ...s } = await timed(name, fn, true);
  stages.push(s);
}

/** Stages that share nothing, at the same time; their output one after the other, in the order given. */
async function together(list: readonly (readonly [string, StageFn])[]): Promise<void> {
  const t0 = Date.now();
  const done = await Promise.all(list.map(([name, fn]) => timed(name, fn, false)));
  for (const { out, ...s } of done) {
    banner(s.name);
    if (out) process.stdout.write(out);
    stages.push(s);
  }
  console.log(`(${list.length} stages at the same time: ${((Date.now() - t0) / 1000).toFixed(1)} s)`);
}

/** A command that is one check: exit 0 passes. */
const check = (cmd: string, args: readonly string[]): StageFn => async (echo) => {
  const { code, out } = await run(cmd, args, echo);
  return { passed: code === 0 ? 1 : 0, failed: code === 0 ? 0 : 1, note: code === 0 ? 'ok' : `exit ${code}`, out };
};

/**
 * node:test files run two at a time: each file is its own process with its own simulator on an ephemeral port
 * (`listen(0)`) and its own `mkdtemp` directories, so files share no port, file or folder. (node --test sorts the
 * files by name whatever order they are given in.)
 */
const concurrency = Math.max(1, Number(process.env.TEST_CONCURRENCY ?? 2) || 1);

/** node --test with explicit files; counts from its TAP summary. */
const nodeTests = (files: readonly string[], env: NodeJS.ProcessEnv = {}): StageFn => async (echo) => {
  if (files.length === 0) return { passed: 0, failed: 0, note: 'no test files' };
  const { code, out } = await run(node, ['--import', './register.mjs', '--test', `--test-concurrency=${concurrency}`, ...files], echo, env);
  const pass = Number(/^# pass (\d+)/m.exec(out)?.[1] ?? NaN);
  const fail = Number(/^# fail (\d+)/m.exec(out)?.[1] ?? NaN);
  if (Number.isNaN(pass) || Number.isNaN(fail)) return { passed: 0, failed: 1, note: `no TAP summary (exit ${code})` };
  const failed = fail === 0 && code !== 0 ? 1 : fail;
  return { passed: pass, failed, note: `${files.length} files, ${concurrency} at a time${failed !== fail ? `, exit ${code}` : ''}` };
};

const testFiles = (dir: string): string[] =>
  existsSync(join(root, dir)) ? readdirSync(join(root, dir)).filter((f) => f.endsWith('.test.ts')).sort().map((f) => `${dir}/${f}`) : [];

// Four stages that share nothing: the type check of everything (no output), the build to dist/ (what `npm start`
// runs, type-checked with declarations; the features run on it and tests/start.test.ts then finds it up to date,
// incremental, instead of building it a second time), and the two checks that read the sources.
await together([
  ['type check (tsc --noEmit)', check(bin('tsc'), ['--noEmit'])],
  ['build (tsc -p tsconfig.build.json)', check(bin('tsc'), ['-p', 'tsconfig.build.json'])],
  ['terminology', check(node, ['--import', './register.mjs', 'scripts/terminology.ts'])],
  ['step check', check(node, ['--import', './register.mjs', 'scripts/check-steps.ts'])],
]);
await stage('unit tests', nodeTests(testFiles('tests')));

// The features run on the steps and simulator compiled to dist/ by the build stage (cucumber.mjs, SPECS_COMPILED),
// instead of ts-node transpiling them in each of the three processes.
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
// The cucumber runs these tests start (the demo's scenario player, the docs site's reports) load the steps this run
// built, as the features do, instead of ts-node transpiling them again in each (bench/README.md, session 6).
if (browser.length) await stage('browser tests', nodeTests(browser, { SPECS_COMPILED: '1' }));

const passed = stages.reduce((s, x) => s + x.passed, 0);
const failed = stages.reduce((s, x) => s + x.failed, 0);
console.log('\n━━━ summary ━━━');
for (const s of stages) {
  console.log(`${s.failed ? '✗' : '✓'} ${s.name.padEnd(30)} ${String(s.passed).padStart(4)} passed ${String(s.failed).padStart(3)} failed  ${s.seconds.toFixed(1).padStart(5)} s  ${s.note}`);
}
console.log(`${passed} passed, ${failed} failed`);
process.exitCode = failed > 0 ? 1 : 0;
