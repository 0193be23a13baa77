/**
 * `npm start` runs the simulator compiled to dist/ (tsconfig.build.json), not from the sources: this builds it the
 * same way and starts `dist/simulator/cli.js` on a new lowdb file with demo data, then checks that everything the
 * compiled code reads from the project (locales, demo page and assets, glossary, features, the scenario player's
 * runner) is found from dist/.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const tsc = join('node_modules', 'typescript', 'bin', 'tsc');

test('the compiled simulator (npm start) serves demo data, localized messages, the demo page, the terminology report and plays a scenario', { timeout: 300_000 }, async () => {
  const build = spawnSync(process.execPath, [tsc, '-p', 'tsconfig.build.json'], { encoding: 'utf8' });
  assert.equal(build.status, 0, `tsc -p tsconfig.build.json: ${build.stdout}${build.stderr}`);
  assert.ok(existsSync('dist/simulator/cli.js'));

  const dir = mkdtempSync(join(tmpdir(), 'start-'));
  const proc = spawn(process.execPath, ['--enable-source-maps', 'dist/simulator/cli.js', '--port', '0', '--data', join(dir, 'sim.json'), '--data-dir', dir], {
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const exited = new Promise<number | null>((resolve) => proc.on('exit', resolve));
  try {
    let out = '';
    let err = '';
    proc.stderr.on('data', (d: Buffer) => (err += d.toString()));
    const base = await new Promise<string>((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error(`no URL printed: ${out} ${err}`)), 60_000);
      proc.stdout.on('data', (d: Buffer) => {
        out += d.toString();
        const m = /po-invoice-sim on (http:\/\/\S+)/.exec(out);
        if (m) {
          clearTimeout(timer);
          resolve(m[1] as string);
        }
      });
      proc.on('exit', (code) => reject(new Error(`exited with ${code}: ${out} ${err}`)));
    });

    const invoices = await fetch(`${base}/api/data/v9.2/invoices?$select=invoicenumber&$count=true`);
    assert.equal(invoices.status, 200);
    assert.ok(((await invoices.json()) as { '@odata.count': number })['@odata.count'] > 0, 'demo data was seeded');

    const bad = await fetch(`${base}/api/data/v9.2/invoices?$select=nosuchfield`, { headers: { 'Accept-Language': 'nl' } });
    assert.equal(bad.status, 400);
    const { error } = (await bad.json()) as { error: { code: string; message: string } };
    assert.match(error.message, /Microsoft\.Dynamics\.CRM\.invoice/);
    assert.match(error.message, /nosuchfield/);
    assert.doesNotMatch(error.message, /could not find a property/i, `the message is Dutch (locales found from dist/): ${error.message}`);

    const page = await fetch(`${base}/?lang=de`);
    assert.equal(page.status, 200);
    assert.match(await page.text(), /<html/i);
    const css = await fetch(`${base}/demo/assets/demo.css`);
    assert.equal(css.status, 200, 'the demo assets are served from the sources');
    assert.equal((await fetch(`${base}/demo/vendor/i18next.js`)).status, 200, 'i18next for the page, from node_modules');
    const scenarios = await fetch(`${base}/demo/scenarios?lang=nl`);
    assert.equal(scenarios.status, 200);
    assert.ok(JSON.stringify(await scenarios.json()).includes('features/nl/'), 'the player lists the Dutch features');

    const terms = await fetch(`${base}/terminology?format=json`);
    assert.equal(terms.status, 200);

    // The scenario player runs a real feature (through ts-node, in a child) against the compiled simulator.
    const list = (await (await fetch(`${base}/demo/scenarios?lang=de`)).json()) as Array<{ id: string; name: string }>;
    const happy = list[0];
    assert.ok(happy, 'a German scenario to play');
    const play = await fetch(`${base}/demo/play`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ lang: 'de', id: happy.id, delayMs: 0 }) });
    assert.equal(play.status, 202, await play.clone().text());
    type PlayState = { status: string; steps: Array<{ status: string }> } | null;
    let state: PlayState = null;
    for (let i = 0; i < 600; i++) {
      state = (await (await fetch(`${base}/demo/play`)).json()) as PlayState;
      if (state && state.status !== 'running') break;
      await new Promise((r) => setTimeout(r, 100));
    }
    assert.equal(state?.status, 'passed', `the scenario "${happy.name}" played from dist/: ${JSON.stringify(state).slice(0, 400)}`);
    assert.ok(state?.steps.length && state.steps.every((st) => st.status === 'passed'));
  } finally {
    proc.kill('SIGTERM');
    const code = await exited;
    rmSync(dir, { recursive: true, force: true });
    assert.equal(code, 0, 'SIGTERM closes the store and exits 0');
  }
});
