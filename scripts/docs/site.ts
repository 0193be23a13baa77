/**
 * The living documentation of one language: an index of the statements with the scenarios of that language
 * that verify them and their last results, and a page per scenario with its steps, the evidence of each step
 * and a picture of what happened. Plain HTML with inline CSS and SVG, relative links: it opens from disk.
 */
import type { GherkinDocument, Pickle } from '@cucumber/messages';
import { LANGS, type Lang, i18nLabels } from '../../steps/support/labels.js';
import type { StepEvidence, TableChanges } from '../../steps/support/evidence.js';
import type { Outcome } from '../lib/reports.js';
import { tagValues } from '../lib/features.js';
import type { DocStatement } from './statements.js';
import type { LangRun, ScenarioRun } from './run.js';
import { type PictureWords, type TableTotal, picture, totals } from './picture.js';

export interface Page { readonly path: string; readonly html: string }

export interface SiteInput {
  readonly lang: Lang;
  readonly statements: readonly DocStatement[];
  readonly pickles: readonly Pickle[];
  readonly documents: ReadonlyMap<string, GherkinDocument>;
  readonly run: LangRun;
}

const esc = (s: string): string => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
const slug = (s: string): string => s.toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/^-|-$/g, '') || 'scenario';

/** A translator that refuses missing keys: a raw key never reaches a page. */
function translator(lang: Lang): (key: string, opts?: Record<string, unknown>) => string {
  const i18n = i18nLabels();
  return (key, opts) => {
    const [ns, path] = key.includes(':') ? key.split(':', 2) as [string, string] : ['docs', key];
    const base = opts && 'count' in opts ? `${path}_one` : path;
    if (!i18n.exists(`${ns}:${base}`, { lng: lang }) && !i18n.exists(`${ns}:${path}`, { lng: lang })) throw new Error(`${ns}:${path} is missing in ${lang}`);
    return i18n.t(`${ns}:${path}`, { lng: lang, ...opts });
  };
}

const CSS = `
:root{--ok:#1e7a36;--bad:#b3261e;--muted:#5f6368;--dv:#e8f0fe;--dvb:#1a56c4;--fo:#fef7e0;--fob:#a05a00;--dw:#f3e8fd;--dwb:#6b3fa0}
*{box-sizing:border-box}body{font:15px/1.45 system-ui,-apple-system,"Segoe UI",Roboto,sans-serif;margin:0;color:#202124;background:#fafafa}
header,main{max-width:1040px;margin:0 auto;padding:1rem 1.25rem}header{border-bottom:1px solid #ddd;background:#fff;max-width:none}
header .inner{max-width:1040px;margin:0 auto}h1{font-size:1.5rem;margin:.2rem 0}h2{font-size:1.2rem;margin-top:2rem}h3{font-size:1rem;margin:0 0 .3rem}
nav.langs a{margin-right:.8rem}a{color:#1a56c4}code{font-size:.85em;background:#f1f3f4;padding:0 .25em;border-radius:3px}
.statement{background:#fff;border:1px solid #e0e0e0;border-radius:8px;padding:.8rem 1rem;margin:.7rem 0}.statement .text{margin:.2rem 0 .4rem;font-size:1.02rem}
.meta{color:var(--muted);font-size:.88rem}.badge{display:inline-block;border-radius:10px;padding:0 .55em;font-size:.8rem;border:1px solid currentColor;margin-left:.4em;white-space:nowrap}
.passed{color:var(--ok)}.failed,.undefined,.ambiguous{color:var(--bad)}.skipped,.pending,.unknown,.not-run{color:var(--muted)}
ul.verifiers{margin:.3rem 0 0;padding-left:1.2rem}.none{color:var(--bad)}
ol.steps{padding-left:0;list-style:none}ol.steps>li{background:#fff;border:1px solid #e0e0e0;border-left:5px solid #bbb;border-radius:6px;margin:.6rem 0;padding:.6rem .8rem}
ol.steps>li.st-passed{border-left-color:var(--ok)}ol.steps>li.st-failed,ol.steps>li.st-undefined,ol.steps>li.st-ambiguous{border-left-color:var(--bad)}
.kw{font-weight:600;margin-right:.3em}.ev{margin:.4rem 0 0;font-size:.9rem}.ev ul{margin:.2rem 0;padding-left:1.2rem}
pre{white-space:pre-wrap;overflow-wrap:anywhere;background:#f6f6f6;padding:.5rem;border-radius:4px;font-size:.8rem;max-height:18rem;overflow:auto}
table.args,table.http{border-collapse:collapse;margin:.3rem 0;font-size:.85rem}table.args td,table.http td,table.http th{border:1px solid #ddd;padding:.15rem .4rem;text-align:left;vertical-align:top}
table.http td.url{overflow-wrap:anywhere;max-width:38rem}details{margin-top:.3rem}summary{cursor:pointer;color:var(--muted)}
.figure{background:#fff;border:1px solid #e0e0e0;border-radius:8px;padding:.5rem;overflow-x:auto}
svg.picture{display:block;max-width:100%;height:auto;font-family:system-ui,-apple-system,"Segoe UI",Roboto,sans-serif}
svg .side{font-weight:600;font-size:14px}svg .name{font-size:13px;font-weight:600}svg .count{font-size:12px;fill:#3c4043}svg .map{font-size:11px;fill:var(--dwb)}
svg .dataverse rect{fill:var(--dv);stroke:var(--dvb)}svg .finance rect{fill:var(--fo);stroke:var(--fob)}svg .lane{fill:var(--dw);stroke:none}
svg .sync{stroke:var(--dwb);stroke-width:2}svg .arrowhead{fill:var(--dwb)}
`;

function layout(lang: Lang, title: string, body: string, up: string): string {
  return `<!doctype html>
<html lang="${lang}"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>${esc(title)}</title><style>${CSS}</style></head>
<body>${body.replace(/__UP__/g, up)}</body></html>
`;
}

interface ScenarioEntry {
  readonly pickle: Pickle;
  readonly slug: string;
  readonly result?: ScenarioRun;
  readonly outcome: Outcome;
}

/** The same scenario in the run: by its step texts (tells Examples rows apart), else by name (the feature changed since). */
function matchRuns(pickles: readonly Pickle[], run: LangRun): ScenarioEntry[] {
  const used = new Set<string>();
  const slugs = new Map<string, number>();
  return pickles.map((p) => {
    const text = p.steps.map((s) => s.text).join('\n');
    const result = run.scenarios.find((s) => s.uri === p.uri && s.name === p.name && s.text === text && !used.has(s.pickleId))
      ?? run.scenarios.find((s) => s.uri === p.uri && s.name === p.name && !used.has(s.pickleId));
    if (result) used.add(result.pickleId);
    const base = slug(tagValues(p, 'id')[0] ?? p.name);
    const n = (slugs.get(base) ?? 0) + 1;
    slugs.set(base, n);
    return { pickle: p, slug: n === 1 ? base : `${base}-${n}`, result, outcome: result?.outcome ?? 'not run' };
  });
}

/** Keywords of the steps (Given/Angenommen/Gegeven …) and the name of each feature, from the parsed files. */
function keywords(documents: ReadonlyMap<string, GherkinDocument>): { step: Map<string, string>; feature: Map<string, string> } {
  const step = new Map<string, string>();
  const feature = new Map<string, string>();
  type Child = { background?: { steps: { id: string; keyword: string }[] }; scenario?: { steps: { id: string; keyword: string }[] }; rule?: { children: Child[] } };
  const walk = (children: readonly Child[]): void => {
    for (const c of children) {
      for (const s of [...(c.background?.steps ?? []), ...(c.scenario?.steps ?? [])]) step.set(s.id, s.keyword.trim());
      if (c.rule) walk(c.rule.children);
    }
  };
  for (const [uri, doc] of documents) {
    if (!doc.feature) continue;
    feature.set(uri, doc.feature.name);
    walk(doc.feature.children as readonly Child[]);
  }
  return { step, feature };
}

export function buildSite({ lang, statements, pickles, documents, run }: SiteInput): Page[] {
  const t = translator(lang);
  const i18n = i18nLabels();
  const outcomeText = (o: Outcome): string => t(`outcome.${o === 'not run' ? 'notRun' : o}`);
  const badge = (o: Outcome): string => `<span class="badge ${o.replace(' ', '-')}" data-outcome="${o}">${esc(outcomeText(o))}</span>`;
  const entity = (table: string, count: number): { text: string; raw: boolean } =>
    i18n.exists(`labels:entities.${table}.one`, { lng: lang })
      ? { text: t(`labels:entities.${table}.${count === 1 ? 'one' : 'other'}`), raw: false }
      : { text: table, raw: true };
  const entityHtml = (table: string, count: number): string => {
    const e = entity(table, count);
    return e.raw ? `<code data-raw="">${esc(e.text)}</code>` : esc(e.text);
  };
  const counts = (c: { created: number; changed: number; deleted: number }): string =>
    (['created', 'changed', 'deleted'] as const).filter((k) => c[k] > 0).map((k) => t(`picture.${k}`, { count: c[k] })).join(' · ');
  const words: PictureWords = {
    title: t('picture.title'),
    side: (s) => t(`labels:sides.${s}`),
    entity, counts: (x: TableTotal) => counts(x),
    map: (id) => (i18n.exists(`labels:maps.${id}`, { lng: lang }) ? t(`labels:maps.${id}`) : id),
    synced: (count) => t('picture.synced', { count }),
    nothing: t('picture.nothing'),
  };

  const entries = matchRuns(pickles, run);
  const kw = keywords(documents);
  const byStatement = new Map<string, ScenarioEntry[]>();
  for (const e of entries) for (const doc of tagValues(e.pickle, 'doc')) byStatement.set(doc, [...(byStatement.get(doc) ?? []), e]);
  const known = new Map(statements.map((s) => [s.id, s]));

  // ---- index -------------------------------------------------------------------------------------------
  const sourceHtml = (s: DocStatement): string => s.source.kind === 'microsoft'
    ? `${esc(t('statement.microsoft'))} <code data-raw="">${esc(s.source.page)}</code> § <cite data-raw="">${esc(s.source.section)}</cite>`
    : `<span class="convention">${esc(t('statement.convention'))}</span> ${esc(s.source.note)}`;
  const statementHtml = (s: DocStatement): string => {
    const vs = byStatement.get(s.id) ?? [];
    const list = vs.length
      ? `<ul class="verifiers">${vs.map((e) => `<li><a href="scenarios/${e.slug}.html">${esc(e.pickle.name)}</a>${badge(e.outcome)}</li>`).join('')}</ul>`
      : `<p class="${s.kind === 'rule' ? 'none' : 'meta'}">${esc(t(s.kind === 'rule' ? 'statement.none' : 'statement.contextNote'))}</p>`;
    return `<section class="statement" id="st-${esc(s.id)}"><h3><code data-raw="">${esc(s.id)}</code></h3>
<p class="text">${esc(s.text)}</p>
<p class="meta">${esc(t('statement.source'))}: ${sourceHtml(s)}</p>
<div class="meta">${esc(t('statement.verifiedBy'))}:</div>${list}</section>`;
  };
  const rules = statements.filter((s) => s.kind === 'rule');
  const context = statements.filter((s) => s.kind === 'context');
  const verified = statements.filter((s) => (byStatement.get(s.id) ?? []).length > 0).length;
  const when = run.finishedAt
    ? t('site.lastRun', { time: new Intl.DateTimeFormat(lang, { dateStyle: 'long', timeStyle: 'short', timeZone: 'UTC' }).format(new Date(run.finishedAt)) })
    : t('site.noRun');
  const langs = LANGS.filter((l) => l !== lang).map((l) => `<a href="../${l}/index.html" hreflang="${l}" lang="${l}">${esc(t('site.langName.' + l))}</a>`).join('');
  const index = layout(lang, t('site.title'), `<header><div class="inner"><h1>${esc(t('site.title'))}</h1>
<p>${esc(t('site.intro'))}</p><p class="meta">${esc(when)} ${esc(t('site.summary', { statements: statements.length, rules: rules.length, verified }))}</p>
<nav class="langs" aria-label="${esc(t('site.otherLanguages'))}">${esc(t('site.otherLanguages'))}: ${langs}</nav></div></header>
<main><h2>${esc(t('site.rules'))}</h2>${rules.map(statementHtml).join('\n')}
<h2>${esc(t('site.context'))}</h2>${context.map(statementHtml).join('\n')}</main>`, '');

  // ---- scenario pages ------------------------------------------------------------------------------------
  const recordsHtml = (rs: readonly TableChanges[]): string => rs.length === 0 ? '' : `<div>${esc(t('scenario.records'))}:<ul>${rs.map((r) => {
    const n = r.created + r.changed + r.deleted;
    const ex = r.examples.map((x) => `<li><span>${esc(t(`picture.${x.change}`, { count: 1 }))}</span>${x.title ? ` <span data-raw="">“${esc(x.title)}”</span>` : ''}${Object.keys(x.fields).length
      ? ` <details><summary>${esc(t('scenario.fields'))}</summary><pre data-raw="">${esc(JSON.stringify(x.fields, null, 1))}</pre></details>` : ''}</li>`).join('');
    return `<li><b>${entityHtml(r.table, n)}</b> (${esc(t(`labels:sides.${r.side}`))}): ${esc(counts(r))}${ex ? `<ul>${ex}</ul>` : ''}</li>`;
  }).join('')}</ul></div>`;
  const syncsHtml = (ev: StepEvidence): string => {
    const lines = [
      ...ev.syncs.map((s) => `<li>${esc(words.map(s.map))}: ${esc(t('picture.synced', { count: s.count }))} ${esc(t(s.to === 'finance' ? 'picture.toFinance' : 'picture.toDataverse'))}</li>`),
      ...ev.dualwrite.map((d) => {
        const key = i18n.exists(`docs:dualwrite.${d.event}`, { lng: lang }) ? `dualwrite.${d.event}` : 'dualwrite.other';
        const state = (v: unknown): string => (i18n.exists(`docs:mapState.${String(v)}`, { lng: lang }) ? t(`mapState.${String(v)}`) : String(v));
        return `<li>${esc(words.map(d.map))}: ${esc(t(key, { from: state(d.detail.from), to: state(d.detail.to) }))}</li>`;
      }),
    ];
    return lines.length ? `<div>${esc(t('scenario.syncs'))}:<ul>${lines.join('')}</ul></div>` : '';
  };
  const exchangesHtml = (ev: StepEvidence): string => {
    if (ev.exchanges.length === 0) return '';
    const total = ev.exchanges.length + ev.exchangesOmitted;
    const rows = ev.exchanges.map((x) => `<tr><td data-raw="">${esc(x.method)}</td><td class="url" data-raw="">${x.request || x.response
      ? `<details><summary>${esc(x.url)}</summary>${x.request ? `<pre>${esc(x.request)}</pre>` : ''}${x.response ? `<pre>${esc(x.response)}</pre>` : ''}</details>` : esc(x.url)}</td><td data-raw="">${x.status}</td></tr>`).join('');
    return `<details><summary>${esc(t('scenario.exchanges', { count: total }))}</summary><table class="http"><thead><tr><th>${esc(t('scenario.method'))}</th><th>${esc(t('scenario.address'))}</th><th>${esc(t('scenario.status'))}</th></tr></thead><tbody>${rows}</tbody></table>${ev.exchangesOmitted
      ? `<p class="meta">${esc(t('scenario.omitted', { count: ev.exchangesOmitted }))}</p>` : ''}</details>`;
  };
  const pages: Page[] = [{ path: 'index.html', html: index }];
  for (const e of entries) {
    const p = e.pickle;
    const steps = p.steps.map((s, i) => {
      const r = e.result?.steps[i];
      const status: Outcome = r?.status ?? 'not run';
      const args = s.argument?.dataTable
        ? `<table class="args">${s.argument.dataTable.rows.map((row) => `<tr>${row.cells.map((c) => `<td>${esc(c.value)}</td>`).join('')}</tr>`).join('')}</table>`
        : s.argument?.docString ? `<pre>${esc(s.argument.docString.content)}</pre>` : '';
      const evs = r?.evidence ?? [];
      const ev = evs.length === 0
        ? `<p class="meta">${esc(t('scenario.noEvidence'))}</p>`
        : evs.map((x) => {
          const body = recordsHtml(x.records) + syncsHtml(x);
          return `${body || `<p class="meta">${esc(t('scenario.noChanges'))}</p>`}${exchangesHtml(x)}`;
        }).join('');
      const keyword = kw.step.get(s.astNodeIds[0] ?? '') ?? '';
      return `<li class="st-${status.replace(' ', '-')}" data-status="${status}"><span class="kw">${esc(keyword)}</span>${esc(s.text)}${badge(status)}${args}
${r?.message ? `<pre data-raw="">${esc(r.message.slice(0, 4000))}</pre>` : ''}<div class="ev">${ev}</div></li>`;
    });
    const all = (e.result?.steps ?? []).flatMap((s) => s.evidence);
    const docs = tagValues(p, 'doc').map((id) => {
      const st = known.get(id);
      return `<li><a href="../index.html#st-${esc(id)}"><code data-raw="">${esc(id)}</code></a>${st ? ` ${esc(st.text)}` : ''}</li>`;
    }).join('');
    const body = `<header><div class="inner"><p><a href="../index.html">← ${esc(t('scenario.back'))}</a></p>
<h1>${esc(p.name)}</h1><p class="meta">${esc(t('scenario.feature'))}: ${esc(kw.feature.get(p.uri) ?? '')} · <span data-raw="">${esc(p.uri)}</span></p>
<p>${esc(t('scenario.result'))}: ${badge(e.outcome)}</p></div></header>
<main>${docs ? `<h2>${esc(t('scenario.verifies'))}</h2><ul>${docs}</ul>` : ''}
<h2>${esc(t('scenario.picture'))}</h2><div class="figure">${picture(totals(all), words, e.slug)}</div>
<h2>${esc(t('scenario.steps'))}</h2><ol class="steps">${steps.join('\n')}</ol></main>`;
    pages.push({ path: `scenarios/${e.slug}.html`, html: layout(lang, `${p.name} — ${t('site.title')}`, body, '../') });
  }
  return pages;
}
