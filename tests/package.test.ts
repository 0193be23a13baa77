/**
 * Proof that the package works from another project (issue 15): `npm pack` (prepack compiles the simulator), the
 * tarball installed into a new project offline, then, in that project, `npx po-invoice-sim --port 0 --no-demo` and the
 * README's section "Use it in your project": its files (marked ```lang file=<path>) written as they are and its
 * node:test file run with dynamics-web-api.
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
import { tmpdir } from 'node:os';
import { dirname, join, relative, resolve, sep } from 'node:path';

const repo = resolve('.');
const pkg = JSON.parse(readFileSync('package.json', 'utf8')) as { name: string; version: string; dependencies: Record<string, string> };

/** The README section's files: every fenced block whose info string names a file. */
export function readmeFiles(readme: string): Map<string, string> {
  const start = readme.indexOf('\n## Use it in your project');
  assert.ok(start >= 0, 'README has the section "Use it in your project"');
  const end = readme.indexOf('\n## ', start + 5);
  const section = readme.slice(start, end < 0 ? undefined : end);
  const out = new Map<string, string>();
  for (const m of section.matchAll(/^```\w+ file=(\S+)\n([^]*?)^```$/gm)) out.set(m[1] as string, m[2] as string);
  return out;
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

function run(cmd: string, args: readonly string[], cwd: string): { status: number | null; out: string; stdout: string } {
  // Without NODE_TEST_CONTEXT: the project's own `node --test` is a test run of its own, not a child of this one.
  const { NODE_TEST_CONTEXT: _ctx, ...env } = process.env;
  const r = spawnSync(cmd, args, { cwd, encoding: 'utf8', env: { ...env, npm_config_audit: 'false', npm_config_fund: 'false', npm_config_update_notifier: 'false' } });
  return { status: r.status, out: `${r.stdout}${r.stderr}`, stdout: r.stdout };
}

test('npm pack → installed in a new project → npx po-invoice-sim and the README\'s node:test file with dynamics-web-api', { timeout: 600_000 }, async () => {
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
    const server = spawn('npx', ['--no-install', 'po-invoice-sim', '--port', '0', '--no-demo'], { cwd: app, stdio: ['ignore', 'pipe', 'pipe'], detached: true });
    try {
      let out = '';
      const url = await new Promise<string>((ok, fail) => {
        server.stdout.on('data', (d: Buffer) => {
          out += d.toString();
          const m = /po-invoice-sim on (http:\/\/\S+)/.exec(out);
          if (m) ok(m[1] as string);
        });
        server.stderr.on('data', (d: Buffer) => { out += d.toString(); });
        server.on('exit', (code) => fail(new Error(`exited ${String(code)}: ${out}`)));
      });
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
      if (server.pid) process.kill(-server.pid, 'SIGTERM');
      await new Promise((r) => (server.exitCode !== null ? r(undefined) : server.on('exit', r)));
    }

    // 4. The README section's files, as they are, and its node:test file.
    const readme = readmeFiles(readFileSync('README.md', 'utf8'));
    assert.ok(readme.has('test/simulator.test.mjs') && readme.has('fixture.json') && readme.has('extension.json'), [...readme.keys()].join(', '));
    for (const [file, text] of readme) {
      mkdirSync(dirname(join(app, file)), { recursive: true });
      writeFileSync(join(app, file), text);
    }
    const tests = run(process.execPath, ['--test', 'test/simulator.test.mjs'], app);
    assert.equal(tests.status, 0, tests.out);
    assert.match(tests.out, /^# pass 3$/m);
    assert.match(tests.out, /^# fail 0$/m);

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
