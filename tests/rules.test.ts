import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { type Harness, confirm, createInvoice, ok, setUpContract, startSim } from './support/http.js';
import { rules, ruleById } from '../simulator/rules/index.js';
import { projectPath } from '../simulator/paths.js';
import { type RuleEntry, conventionTagProblems, loadRules, ruleProblems } from '../scripts/lib/rules.js';
import type { Lang } from '../steps/support/labels.js';

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

test('the events of /sim/events name the rules a transaction applied (derived records and state changes)', { timeout: 120_000 }, async () => {
  const ac = new AbortController();
  const res = await fetch(`${h.url}/sim/events`, { signal: ac.signal });
  const reader = res.body!.getReader();
  const decoder = new TextDecoder();
  let text = '';
  const seen = new Set<string>();
  // Reads the stream until every wanted rule has been announced in a `rules` event (no timers: the stream decides).
  const until = async (wanted: readonly string[]): Promise<void> => {
    while (!wanted.every((w) => seen.has(w))) {
      const { value, done } = await reader.read();
      if (done) break;
      text += decoder.decode(value, { stream: true });
      for (const m of text.matchAll(/event: rules\ndata: (.*)\n/g)) for (const r of (JSON.parse(m[1] ?? '{}') as { rules: string[] }).rules) seen.add(r);
    }
  };
  try {
    await until([]); // the stream is open
    const c = await setUpContract(h, { name: 'Rules in events' });
    await until(['rule.actuals-on-approval']);
    const inv = await createInvoice(h, c.contractId);
    await ok(confirm(h, String(inv.invoiceid)));
    await until(['seed.pm-backlog-proforma', 'seed.confirm-creates-actuals', 'rule.confirm-unchanged', 'rule.reversal-skip-sync']);
  } finally {
    ac.abort();
  }
  for (const id of seen) assert.ok(ruleById.has(id), id);
  assert.ok(seen.has('rule.confirm-unchanged'));
  // A commit event's own data is unchanged: a list of changes.
  const commit = /event: commit\nid: \d+\ndata: (.*)\n/.exec(text);
  assert.ok(Array.isArray(JSON.parse(commit?.[1] ?? 'null')));
});

test('trace gates: a rule without source or convention note, and a documented rule without a scenario in a language, are problems', () => {
  const text = (convention?: string) => ({ statement: 'S', ...(convention === undefined ? {} : { convention }) });
  const all = (convention?: string) => ({ en: text(convention), de: text(convention), nl: text(convention) });
  const page = { page: 'articles/x.md', section: 'X' };
  const everywhere = new Map<Lang, number>([['en', 1], ['de', 1], ['nl', 1]]);
  const entries: RuleEntry[] = [
    { id: 'rule.ok', kind: 'refusal', source: page, text: all() },
    { id: 'rule.no-nl-scenario', kind: 'derived', source: page, text: all() },
    { id: 'rule.convention-without-note', kind: 'refusal', source: 'convention', text: { en: text('why'), de: text('warum'), nl: text() } },
    { id: 'rule.convention-unverified', kind: 'refusal', source: 'convention', text: all('why') },
    { id: 'rule.context', kind: 'context', source: page, text: all() },
    { id: 'rule.no-section', kind: 'state', source: { page: 'articles/x.md', section: ' ' }, text: all() },
  ];
  const scenarios = new Map<string, Map<Lang, number>>([['rule.ok', everywhere], ['rule.no-nl-scenario', new Map<Lang, number>([['en', 2], ['de', 1]])], ['rule.no-section', everywhere]]);
  assert.deepEqual(ruleProblems(entries, scenarios), [
    'rule.no-nl-scenario: documented rule without a scenario in nl',
    'rule.convention-without-note: neither a source nor a convention note in nl',
    'rule.no-section: neither a source (page and section) nor a convention note',
  ]);
  assert.deepEqual(ruleProblems(entries.slice(0, 1), scenarios), []);
});

test('npm run trace exits 1 when a documented rule has no scenario (the registry as it is checked by npm test)', () => {
  const entries = loadRules();
  const none = new Map<string, Map<Lang, number>>();
  const documented = entries.filter((r) => r.source !== 'convention' && r.kind !== 'context');
  assert.ok(documented.length > 0);
  const problems = ruleProblems(entries, none);
  for (const r of documented) assert.ok(problems.includes(`${r.id}: documented rule without a scenario in de`), r.id);
});

test('trace gate: a scenario verifying a convention carries @convention, and @convention only goes with a convention', () => {
  const ruleOf = (id: string) => ruleById.get(id);
  assert.deepEqual(conventionTagProblems('f: s', ['rule.post-needs-lines'], true, ruleOf), []);
  assert.deepEqual(conventionTagProblems('f: s', ['rule.actuals-read-only'], false, ruleOf), []);
  assert.deepEqual(conventionTagProblems('f: s', ['rule.post-needs-lines', 'rule.actuals-read-only'], false, ruleOf), ['f: s: verifies the convention rule.post-needs-lines but has no @convention tag']);
  assert.deepEqual(conventionTagProblems('f: s', ['rule.actuals-read-only'], true, ruleOf), ['f: s: tagged @convention but names no convention in a @doc tag']);
});
