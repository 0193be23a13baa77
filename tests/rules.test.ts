import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { type Harness, startSim } from './support/http.js';
import { rules, ruleById } from '../simulator/rules/index.js';
import { projectPath } from '../simulator/paths.js';

/**
 * The registry of rules (simulator/rules/, locales/<lng>/rules.json): its integrity, the rule an error carries on
 * both APIs, and `GET /sim/rules`.
 */
const LANGS = ['en', 'de', 'nl'] as const;
type Texts = Record<string, { statement?: string; convention?: string }>;
const texts = Object.fromEntries(LANGS.map((l) => [l, JSON.parse(readFileSync(projectPath('locales', l, 'rules.json'), 'utf8')) as Texts])) as Record<(typeof LANGS)[number], Texts>;
const HELP = '@Microsoft.PowerApps.CDS.HelpLink';

let h: Harness;
before(async () => { h = await startSim(); });
after(async () => { await h.close(); });

test('registry: unique ids, a known kind, a page with its section or a convention, statements (and convention reasons) in en/de/nl', () => {
  assert.equal(new Set(rules.map((r) => r.id)).size, rules.length, 'ids are unique');
  for (const r of rules) {
    assert.match(r.id, /^[a-z]+\.[a-z0-9-]+$/, r.id);
    assert.ok(['refusal', 'derived', 'state', 'context'].includes(r.kind), `${r.id}: kind ${r.kind}`);
    for (const s of r.source === 'convention' ? r.also ?? [] : [r.source, ...(r.also ?? [])]) {
      assert.match(s.page, /^articles\/[\w./-]+\.md$/, `${r.id}: page ${s.page}`);
      assert.ok(s.section.trim(), `${r.id}: a section heading`);
      if (s.repo) assert.match(s.repo, /^MicrosoftDocs\/[\w.-]+$/, `${r.id}: repo ${s.repo}`);
    }
    for (const l of LANGS) {
      const t = texts[l][r.id];
      assert.ok(t?.statement?.trim(), `${r.id}: statement in ${l}`);
      if (r.source === 'convention') assert.ok(t.convention?.trim(), `${r.id}: convention reason in ${l}`);
      else assert.equal(t.convention, undefined, `${r.id}: a documented rule has no convention note (${l})`);
    }
  }
  for (const l of LANGS) for (const id of Object.keys(texts[l])) assert.ok(ruleById.has(id), `locales/${l}/rules.json: ${id} is no rule`);
});

test('Dataverse: a refusal links its rule in @Microsoft.PowerApps.CDS.HelpLink when the request asks for annotations, beside code and message', async () => {
  const asked = await h.dv('POST', '/msdyn_actuals', { msdyn_description: 'direct' }, { Prefer: 'odata.include-annotations="*"' });
  assert.equal(asked.status, 400);
  assert.deepEqual(Object.keys(asked.json.error), ['code', 'message', HELP]);
  assert.equal(asked.json.error.code, '0x80040265');
  assert.equal(asked.json.error[HELP], `${h.url}/sim/rules/rule.actuals-read-only`);
  const exact = await h.dv('POST', '/msdyn_actuals', {}, { Prefer: `odata.include-annotations="Microsoft.PowerApps.CDS.HelpLink"` });
  assert.equal(exact.json.error[HELP], `${h.url}/sim/rules/rule.actuals-read-only`);
  // Not asked for (no Prefer, another annotation, or excluded): the body is code and message only.
  for (const prefer of [undefined, 'odata.include-annotations="OData.Community.Display.V1.FormattedValue"', 'odata.include-annotations="*,-Microsoft.PowerApps.CDS.HelpLink"']) {
    const r = await h.dv('POST', '/msdyn_actuals', {}, prefer ? { Prefer: prefer } : {});
    assert.equal(r.status, 400);
    assert.deepEqual(Object.keys(r.json.error), ['code', 'message'], String(prefer));
  }
  // An error that no rule raised (the request itself is wrong) has no help link even when asked.
  const unknown = await h.dv('GET', '/nosuchsets', undefined, { Prefer: 'odata.include-annotations="*"' });
  assert.equal(unknown.status, 404);
  assert.deepEqual(Object.keys(unknown.json.error), ['code', 'message']);
});

test('Finance: a refusal links its rule in innererror.helplink; other errors have none', async () => {
  const r = await h.fo('POST', '/ProjectInvoiceProposals', { ProposalId: 'X' });
  assert.equal(r.status, 405);
  assert.equal(r.json.error.innererror.helplink, `${h.url}/sim/rules/seed.no-create-delete`);
  const plain = await h.fo('GET', '/NoSuchEntities');
  assert.equal(plain.status, 404);
  assert.equal(plain.json.error.innererror.helplink, undefined);
});

test('GET /sim/rules lists every rule in the caller\'s language; /sim/rules/<id> shows one; the help link leads there', async () => {
  const en = await h.simApi('GET', '/rules');
  assert.equal(en.status, 200);
  assert.deepEqual(en.json.value.map((r: { id: string }) => r.id), rules.map((r) => r.id));
  const de = await h.simApi('GET', '/rules', undefined, { 'Accept-Language': 'de-DE' });
  for (const [i, r] of rules.entries()) {
    assert.equal(en.json.value[i].statement, texts.en[r.id]?.statement);
    assert.equal(de.json.value[i].statement, texts.de[r.id]?.statement);
    if (r.source === 'convention') assert.deepEqual(de.json.value[i].source, { convention: texts.de[r.id]?.convention });
    else {
      assert.equal(de.json.value[i].source.page, r.source.page);
      assert.equal(de.json.value[i].source.section, r.source.section);
      assert.equal(de.json.value[i].source.url, `https://github.com/${r.source.repo ?? 'MicrosoftDocs/dynamics-365-project-operations'}/blob/main/${r.source.page}`);
    }
  }
  const refused = await h.dv('POST', '/msdyn_actuals', {}, { Prefer: 'odata.include-annotations="*"', 'Accept-Language': 'nl' });
  const link = String(refused.json.error[HELP] ?? '');
  assert.ok(link.startsWith(h.url), link);
  const one = await h.raw('GET', link.slice(h.url.length), undefined, { 'Accept-Language': 'nl' });
  assert.equal(one.status, 200);
  assert.equal(one.json.id, 'rule.actuals-read-only');
  assert.equal(one.json.kind, 'refusal');
  assert.equal(one.json.statement, texts.nl['rule.actuals-read-only']?.statement);
  assert.equal(one.json.link, link);
  const missing = await h.simApi('GET', '/rules/rule.no-such-rule');
  assert.equal(missing.status, 404);
  assert.match(missing.json.error.message, /rule\.no-such-rule/);
});
