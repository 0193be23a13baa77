/**
 * Proof that the package works from another project (issue 15): `npm pack` (prepack compiles the simulator), the
 * tarball installed into a new project offline, then, in that project, `npx po-invoice-sim --port 0 --no-demo` and the
 * README's section "Use it in your project" as written (readmeSection): its files (```lang file=<path>), its command
 * lines (```sh commands), its test runs (```sh run: node:test with dynamics-web-api, Vitest, cucumber-js) and the `run:`
 * steps of its CI job. An edit of the README that breaks an example fails here.
 *
 * Offline install: npm's cache here holds tarballs but no registry metadata, and CI may have no network at all, so the
 * tarball is unpacked as npm would (node_modules/po-invoice-sim, the bin linked in node_modules/.bin) and the
 * package's run-time dependencies (and theirs) are linked from this repository's node_modules. Only those: the development dependencies (cucumber, ts-node, typescript, playwright) are
 * not there, so the test also proves the package runs without them.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawn, spawnSync } from 'node:child_process';
import { chmodSync, cpSync, existsSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { createServer, type AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { dirname, join, relative, resolve, sep } from 'node:path';
import { stripVTControlCharacters } from 'node:util';

const repo = resolve('.');
const pkg = JSON.parse(readFileSync('package.json', 'utf8')) as { name: string; version: string; dependencies: Record<string, string> };

/**
 * The README's section "Use it in your project", as its fenced blocks are marked by their info strings:
 * ` ```<lang> file=<path> ` a file written as it is, ` ```sh run ` commands run one by one (each must succeed),
 * ` ```sh commands ` the command-line examples. Any other block in the section is `unmarked` (the test fails on it:
 * every example of the section is run).
 */
export interface ReadmeSection {
  readonly files: Map<string, string>;
  readonly runs: string[];
  readonly commands: string[];
  readonly unmarked: string[];
}
export function readmeSection(readme: string): ReadmeSection {
  const start = readme.indexOf('\n## Use it in your project');
  assert.ok(start >= 0, 'README has the section "Use it in your project"');
  const end = readme.indexOf('\n## ', start + 5);
  const section = readme.slice(start, end < 0 ? undefined : end);
  const out: ReadmeSection = { files: new Map(), runs: [], commands: [], unmarked: [] };
  const lines = (body: string): string[] => body.split('\n').map((l) => l.replace(/\s+#.*$/, '').trim()).filter((l) => l && !l.startsWith('#'));
  for (const m of section.matchAll(/^```([^\n]*)\n([^]*?)^```$/gm)) {
    const info = (m[1] as string).trim();
    const body = m[2] as string;
    const file = /^\w+ file=(\S+)$/.exec(info);
    if (file) out.files.set(file[1] as string, body);
    else if (info === 'sh run') out.runs.push(...lines(body));
    else if (info === 'sh commands') out.commands.push(...lines(body));
    else out.unmarked.push(info || '(no info string)');
  }
  return out;
}

/**
 * The `run:` steps of a GitHub Actions workflow's jobs (`run: cmd` or a `run: |` block) and the jobs' `env:` (flat
 * `NAME: value` lines). Only these forms: the README's workflow is written in them (a YAML parser is not a
 * dependency of this repository).
 */
export function workflowRuns(yaml: string): { env: Record<string, string>; runs: string[] } {
  const env: Record<string, string> = {};
  const runs: string[] = [];
  const lines = yaml.split('\n');
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i] as string;
    const envBlock = /^(\s+)env:\s*$/.exec(line);
    if (envBlock) {
      for (; i + 1 < lines.length && (lines[i + 1] as string).startsWith(`${envBlock[1]}  `); i++) {
        const kv = /^\s+([A-Za-z_][A-Za-z0-9_]*):\s*(.*?)\s*(#.*)?$/.exec(lines[i + 1] as string);
        if (kv) env[kv[1] as string] = (kv[2] as string).replace(/^(['"])(.*)\1$/, '$2');
      }
      continue;
    }
    const run = /^(\s*)(?:- )?run:\s*(.*?)\s*$/.exec(line);
    if (!run) continue;
    if (run[2] !== '|') { runs.push((run[2] as string).replace(/\s+#.*$/, '')); continue; }
    const body: string[] = [];
    let indent: number | undefined;
    for (; i + 1 < lines.length; i++) {
      const next = lines[i + 1] as string;
      const own = next.length - next.trimStart().length;
      if (next.trim() && own <= (run[1] as string).length) break;
      indent ??= next.trim() ? own : undefined;
      body.push(next.slice(indent ?? 0));
    }
    runs.push(body.join('\n').trim());
  }
  return { env, runs };
}

/**
 * The packages the run-time dependencies need, as installed in this repository's node_modules (top-level names):
 * their `dependencies` and required peer dependencies, transitively; optional peers (e.g. i18next's typescript) not.
 */
function runtimeClosure(roots: readonly string[]): Set<string> {
  const top = new Set<string>();
  const seen = new Set<string>();
  const visit = (name: string, from: string): void => {
    // Node's resolution: the nearest node_modules/<name> from the requiring package up to the repository's.
    let dir = from;
    let found: string | undefined;
    for (;;) {
      const candidate = join(dir, 'node_modules', name);
      if (existsSync(join(candidate, 'package.json'))) { found = candidate; break; }
      if (dir === repo || dirname(dir) === dir) break;
      dir = dirname(dir);
    }
    assert.ok(found, `${name} is installed (needed from ${relative(repo, from) || '.'})`);
    if (seen.has(found)) return;
    seen.add(found);
    const rel = relative(join(repo, 'node_modules'), found).split(sep);
    top.add(rel[0]?.startsWith('@') ? `${rel[0]}/${rel[1]}` : (rel[0] as string));
    const meta = JSON.parse(readFileSync(join(found, 'package.json'), 'utf8')) as { dependencies?: Record<string, string>; peerDependencies?: Record<string, string>; peerDependenciesMeta?: Record<string, { optional?: boolean }> };
    for (const dep of Object.keys(meta.dependencies ?? {})) visit(dep, found);
    for (const peer of Object.keys(meta.peerDependencies ?? {})) if (!meta.peerDependenciesMeta?.[peer]?.optional) visit(peer, found);
  };
  for (const r of roots) visit(r, repo);
  return top;
}

/** The environment of the project's commands: without NODE_TEST_CONTEXT (its own `node --test` is a run of its own, not a child of this one), npm quiet. */
function projectEnv(extra: Record<string, string> = {}): NodeJS.ProcessEnv {
  const { NODE_TEST_CONTEXT: _ctx, ...env } = process.env;
  return { ...env, npm_config_audit: 'false', npm_config_fund: 'false', npm_config_update_notifier: 'false', ...extra };
}

function run(cmd: string, args: readonly string[], cwd: string, extra: Record<string, string> = {}): { status: number | null; out: string; stdout: string } {
  const r = spawnSync(cmd, args, { cwd, encoding: 'utf8', env: projectEnv(extra) });
  return { status: r.status, out: `${r.stdout}${r.stderr}`, stdout: r.stdout };
}

/** GitHub Actions' shell for `run:` on Linux (bash --noprofile --norc -eo pipefail). */
const SHELL = ['--noprofile', '--norc', '-eo', 'pipefail', '-c'] as const;

/**
 * A shell script that may leave processes in the background (as a CI step does): run in its own process group, which
 * is ended once the script has exited.
 */
async function runScript(script: string, cwd: string, extra: Record<string, string> = {}): Promise<{ status: number | null; out: string }> {
  const child = spawn('bash', [...SHELL, script], { cwd, env: projectEnv(extra), stdio: ['ignore', 'pipe', 'pipe'], detached: true });
  let out = '';
  child.stdout.on('data', (d: Buffer) => { out += d.toString(); });
  child.stderr.on('data', (d: Buffer) => { out += d.toString(); });
  // A guard, not a measure: a script that never ends (a server that did not start, waited for) fails the test.
  const guard = setTimeout(() => { out += '\n(ended by the test after 180 s)'; if (child.pid) process.kill(-child.pid, 'SIGKILL'); }, 180_000);
  const status = await new Promise<number | null>((ok) => child.on('exit', (code) => ok(code)));
  clearTimeout(guard);
  try { if (child.pid) process.kill(-child.pid, 'SIGTERM'); } catch { /* nothing left in the group */ }
  // Runners colour their summaries when they think a terminal reads them.
  return { status, out: stripVTControlCharacters(out) };
}

/** A command that starts a server and prints `po-invoice-sim on <url>`: its URL, and a stop() that ends its process group. */
async function startServer(command: string, cwd: string): Promise<{ url: string; stop: () => Promise<void> }> {
  const server = spawn('bash', [...SHELL, `exec ${command}`], { cwd, env: projectEnv(), stdio: ['ignore', 'pipe', 'pipe'], detached: true });
  const stop = async (): Promise<void> => {
    if (server.exitCode === null && server.pid) process.kill(-server.pid, 'SIGTERM');
    await new Promise((r) => (server.exitCode !== null ? r(undefined) : server.on('exit', r)));
  };
  let out = '';
  try {
    const url = await new Promise<string>((ok, fail) => {
      server.stdout.on('data', (d: Buffer) => {
        out += d.toString();
        const m = /po-invoice-sim on (http:\/\/\S+)/.exec(out);
        if (m) ok(m[1] as string);
      });
      server.stderr.on('data', (d: Buffer) => { out += d.toString(); });
      server.on('exit', (code) => fail(new Error(`${command} exited ${String(code)}: ${out}`)));
    });
    return { url, stop };
  } catch (e) {
    await stop();
    throw e;
  }
}

const freePort = async (): Promise<number> => {
  const srv = createServer();
  await new Promise<void>((ok) => srv.listen(0, '127.0.0.1', ok));
  const { port } = srv.address() as AddressInfo;
  await new Promise((ok) => srv.close(ok));
  return port;
};

/** What a test runner prints when it ran tests and all passed (a run of nothing must not count). */
const RAN: readonly [RegExp, RegExp][] = [
  [/^node --test\b/, /^# pass [1-9]\d*$[^]*^# fail 0$/m],
  [/\bvitest\b/, /Tests\s+[1-9]\d* passed/],
  [/\bcucumber-js\b/, /\d+ scenarios? \([1-9]\d* passed\)/],
];

test('npm pack → installed in a new project → npx po-invoice-sim and the README\'s section run there: node:test with dynamics-web-api, Vitest, cucumber-js, the CI job', { timeout: 900_000 }, async () => {
  const tmp = mkdtempSync(join(tmpdir(), 'po-invoice-sim-pack-'));
  try {
    // 1. Pack a copy of the repository (prepack builds dist/ there, not in this working tree).
    const src = join(tmp, 'src');
    const skip = new Set(['node_modules', 'dist', 'data', '.git', 'reports']);
    cpSync(repo, src, { recursive: true, filter: (from) => !skip.has(relative(repo, from).split(sep)[0] ?? '') });
    symlinkSync(join(repo, 'node_modules'), join(src, 'node_modules'), 'dir');
    const packed = run('npm', ['pack', '--json', '--pack-destination', tmp], src);
    assert.equal(packed.status, 0, packed.out);
    const info = JSON.parse(packed.stdout.slice(packed.stdout.indexOf('['))) as { filename: string; files: { path: string }[] }[];
    const files = info[0]?.files.map((f) => f.path) ?? [];
    for (const must of ['package.json', 'dist/simulator/cli.js', 'dist/simulator/api.js', 'dist/simulator/api.d.ts', 'locales/en/errors.json', 'simulator/schema/catalog/dataverse.json', 'simulator/fixtures/demo.json', 'simulator/demo/public/index.html']) {
      assert.ok(files.includes(must), `the package holds ${must}`);
    }
    for (const f of files) assert.doesNotMatch(f, /^(tests|features|steps|bench|docs)\/|\.ts$(?<!\.d\.ts)/, `no sources or specs in the package: ${f}`);

    // 2. A new project with the tarball installed and the package's run-time dependencies only.
    const app = join(tmp, 'app');
    const nm = join(app, 'node_modules');
    const installed = join(nm, pkg.name);
    mkdirSync(installed, { recursive: true });
    const untar = run('tar', ['-xzf', join(tmp, String(info[0]?.filename)), '-C', installed, '--strip-components=1'], tmp);
    assert.equal(untar.status, 0, untar.out);
    const top = runtimeClosure(Object.keys(pkg.dependencies));
    for (const dep of Object.keys(pkg.dependencies)) assert.ok(top.has(dep), `npm ls lists the dependency ${dep}`);
    for (const dev of ['@cucumber/cucumber', '@cucumber/gherkin', 'ts-node', 'typescript', 'playwright']) assert.ok(!top.has(dev), `${dev} is not a run-time dependency`);
    const link = (name: string): void => {
      mkdirSync(dirname(join(nm, name)), { recursive: true });
      symlinkSync(join(repo, 'node_modules', name), join(nm, name), 'dir');
    };
    for (const name of top) link(name);
    link('dynamics-web-api'); // the project's own test dependency
    mkdirSync(join(nm, '.bin'), { recursive: true });
    const bin = join(installed, 'dist', 'simulator', 'cli.js');
    chmodSync(bin, 0o755);
    symlinkSync(relative(join(nm, '.bin'), bin), join(nm, '.bin', 'po-invoice-sim'));
    writeFileSync(join(app, 'package.json'), JSON.stringify({ name: 'pi-team-tests', private: true, type: 'module', devDependencies: { [pkg.name]: `file:../${info[0]?.filename}`, 'dynamics-web-api': '*' } }, null, 2));

    // 3. The command: --version, --help, then a server on a free port without demo data.
    const version = run('npx', ['--no-install', 'po-invoice-sim', '--version'], app);
    assert.equal(version.out.trim(), pkg.version);
    assert.match(run('npx', ['--no-install', 'po-invoice-sim', '--help'], app).out, /--seed <file>[^]*--schema <file>/);
    // A bad schema extension or fixture: refused at start with the file, the path and the reason; exit 1.
    writeFileSync(join(app, 'bad-extension.json'), JSON.stringify({ publisher: { prefix: 'x' }, dataverse: { account: { cr4a1_a: { type: 'String' } } } }));
    const badExt = run('npx', ['--no-install', 'po-invoice-sim', '--memory', '--port', '0', '--schema', 'bad-extension.json'], app);
    assert.equal(badExt.status, 1, badExt.out);
    assert.match(badExt.out, /schema extension .*bad-extension\.json was refused \(3 problem\(s\)\)[^]*at \$\.publisher\.prefix: 'x' is not a publisher prefix/);
    writeFileSync(join(app, 'bad-fixture.json'), JSON.stringify({ invoices: [{ contract: 'nowhere', stage: 'draft' }] }));
    const badFixture = run('npx', ['--no-install', 'po-invoice-sim', '--memory', '--port', '0', '--seed', 'bad-fixture.json'], app);
    assert.equal(badFixture.status, 1, badFixture.out);
    assert.match(badFixture.out, /bad-fixture\.json at \$\.invoices\[0\]\.contract: names 'nowhere', which is not among the fixture's contracts/);
    const server = await startServer('npx --no-install po-invoice-sim --port 0 --no-demo', app);
    try {
      const url = server.url;
      assert.equal((await fetch(`${url}/sim/health`)).status, 200);
      const accounts = await fetch(`${url}/api/data/v9.2/accounts?$count=true&$top=0`);
      assert.equal(((await accounts.json()) as { '@odata.count': number })['@odata.count'], 0, '--no-demo: empty');
      assert.match(await (await fetch(`${url}/api/data/v9.2/$metadata`)).text(), /<EntityType Name="invoice"/);
      // The scenario player needs cucumber and this repository's features: it says so.
      const player = await fetch(`${url}/demo/scenarios?lang=en`);
      assert.equal(player.status, 503);
      assert.match(((await player.json()) as { error: { message: string } }).error.message, /@cucumber\/cucumber/);
      assert.ok(existsSync(join(app, 'data', 'simulator.json')) || readdirSync(join(app, 'data')).length > 0, 'the file store lies in the project\'s ./data');
    } finally {
      await server.stop();
    }

    // 4. The README section "Use it in your project", as written: its files, its commands, its test runners, its CI job.
    const readme = readmeSection(readFileSync('README.md', 'utf8'));
    assert.deepEqual(readme.unmarked, [], 'every block of the section is marked (file=…, sh run, sh commands), so that it is run here');
    for (const must of ['test/simulator.test.mjs', 'vitest/simulator.test.mjs', 'features/support/simulator.mjs', 'fixture.json', 'extension.json', '.github/workflows/test.yml']) {
      assert.ok(readme.files.has(must), `the section has ${must}: ${[...readme.files.keys()].join(', ')}`);
    }
    for (const [file, text] of readme.files) {
      mkdirSync(dirname(join(app, file)), { recursive: true });
      writeFileSync(join(app, file), text);
    }
    // The project's own test dependencies, which the section has it install: linked from this repository (offline),
    // with their commands in node_modules/.bin as npm links them.
    for (const dev of ['vitest', '@cucumber/cucumber']) {
      link(dev);
      const meta = JSON.parse(readFileSync(join(repo, 'node_modules', dev, 'package.json'), 'utf8')) as { bin?: Record<string, string> };
      for (const [name, target] of Object.entries(meta.bin ?? {})) symlinkSync(relative(join(nm, '.bin'), join(nm, dev, target)), join(nm, '.bin', name));
    }

    // The command-line examples: `npm install` is what this test does offline above; each server starts and answers.
    const skipped: string[] = [];
    for (const command of readme.commands) {
      if (/^npm install\b/.test(command)) { skipped.push(command); continue; }
      assert.match(command, /^npx po-invoice-sim\b/, 'the section\'s commands install the package or start it');
      const started = await startServer(command, app);
      try {
        assert.equal((await fetch(`${started.url}/sim/health`)).status, 200, command);
      } finally {
        await started.stop();
      }
    }
    assert.equal(skipped.length, 1, 'one install command');

    // Each `sh run` block: the node:test file (with dynamics-web-api), the Vitest file, the cucumber-js feature.
    assert.ok(readme.runs.length >= 3, readme.runs.join('; '));
    for (const command of readme.runs) {
      const r = await runScript(command, app);
      assert.equal(r.status, 0, `${command}\n${r.out}`);
      for (const [runner, passed] of RAN) if (runner.test(command)) assert.match(r.out, passed, `${command} ran tests and all passed:\n${r.out}`);
    }
    for (const runner of RAN) assert.ok(readme.runs.some((c) => runner[0].test(c)), `the section runs ${String(runner[0])}`);

    // The CI job: its `run:` steps with the job's env and a free port (not `npm ci`: it needs the registry).
    const job = workflowRuns(readme.files.get('.github/workflows/test.yml') as string);
    const ci = job.runs.filter((r) => !/^npm ci\b/.test(r));
    assert.equal(job.runs.length - ci.length, 1, 'the job installs with npm ci');
    assert.ok(ci.length >= 2, job.runs.join('; '));
    const port = String(await freePort());
    for (const step of ci) {
      const r = await runScript(step, app, { ...job.env, PORT: port });
      assert.equal(r.status, 0, `${step}\n${r.out}`);
      for (const [runner, passed] of RAN) if (runner.test(step)) assert.match(r.out, passed, `${step}:\n${r.out}`);
      if (/po-invoice-sim/.test(step)) assert.match(r.out, /"invoicenumber":"[^"]+"/, `the seeded invoice, from the server of the step:\n${r.out}`);
    }

    // 5. Typed exports: a TypeScript user of the package type-checks against its declarations.
    writeFileSync(join(app, 'check.ts'), [
      "import { startSimulator, type RunningSimulator, type Fixture } from 'po-invoice-sim';",
      "const fixture: Fixture = { legalEntities: [{ id: 'USPM', name: 'x', currency: 'USD' }] };",
      "const sim: RunningSimulator = await startSimulator({ port: 0, store: 'memory', fixtures: [fixture], faults: { latencyMs: 0 } });",
      'const url: string = sim.dataverseUrl;',
      'await sim.stop();',
      'export { url };',
      '',
    ].join('\n'));
    writeFileSync(join(app, 'tsconfig.json'), JSON.stringify({ compilerOptions: { target: 'ES2022', module: 'NodeNext', moduleResolution: 'NodeNext', strict: true, noEmit: true, skipLibCheck: false, types: ['node'], lib: ['ES2023', 'DOM'], typeRoots: [join(repo, 'node_modules', '@types')] }, files: ['check.ts'] }));
    symlinkSync(join(repo, 'node_modules', '@types'), join(nm, '@types'), 'dir');
    const tsc = run(process.execPath, [join(repo, 'node_modules', 'typescript', 'bin', 'tsc'), '-p', '.'], app);
    assert.equal(tsc.status, 0, tsc.out);
  } finally {
    rmSync(tmp, { recursive: true, force: true });
  }
});

test('the README section reader: marked blocks, an unmarked block reported, the CI job\'s run: steps and env', () => {
  const fence = '```';
  const text = [
    '# x', '', '## Use it in your project', '',
    `${fence}sh commands`, 'npm install -D po-invoice-sim   # a comment', 'npx po-invoice-sim --port 0', fence, '',
    `${fence}js file=test/a.test.mjs`, "import 'node:test';", fence, '',
    `${fence}sh run`, 'node --test test/a.test.mjs', fence, '',
    `${fence}js`, 'console.log(1);', fence, '',
    `${fence}yaml file=.github/workflows/test.yml`,
    'jobs:', '  test:', '    env:', '      PORT: 4000   # port', '    steps:', '      - uses: actions/checkout@v4',
    '      - run: npm ci', '      - run: node --test   # tests', '      - run: |', '          a &', '          b', '      - uses: x', fence, '',
    '## Next', '', `${fence}sh run`, 'not this section', fence, '',
  ].join('\n');
  const s = readmeSection(text);
  assert.deepEqual(s.commands, ['npm install -D po-invoice-sim', 'npx po-invoice-sim --port 0']);
  assert.deepEqual(s.runs, ['node --test test/a.test.mjs']);
  assert.deepEqual(s.unmarked, ['js'], 'a block the test would not run');
  assert.deepEqual([...s.files.keys()], ['test/a.test.mjs', '.github/workflows/test.yml']);
  assert.deepEqual(workflowRuns(s.files.get('.github/workflows/test.yml') as string), { env: { PORT: '4000' }, runs: ['npm ci', 'node --test', 'a &\nb'] });
  // This repository's README: every block of the section is marked.
  assert.deepEqual(readmeSection(readFileSync('README.md', 'utf8')).unmarked, []);
});
