// The stakeholder page: the picture of the project invoice integration, live. Plain browser module, no build.
// Every word comes from i18next (locales/<lng>/ui.json and labels.json); record data is only ever written with
// textContent. The language is kept in the URL (?lang=de); switching it only re-renders.
import i18next from '/demo/vendor/i18next.js';

/** @typedef {{set: string, value: string|number, ns?: 'options'|'codes'}} Coded */
/** @typedef {{table: string, id: string, title: string, sub?: string, company?: string, amount?: number, currency?: string, quantity?: number, status?: Coded, voucher?: string, classes?: Coded[], otherCurrency?: string, tax?: number, correction?: boolean, backlog?: string}} Item */

const LANGS = ['de', 'nl', 'en'];
const ROLES = ['all', 'project_manager', 'project_accountant', 'ar_clerk', 'sponsor'];
const params = new URLSearchParams(location.search);

const ui = {
  lang: LANGS.includes(params.get('lang') ?? '') ? /** @type {string} */ (params.get('lang')) : 'en',
  role: ROLES.includes(params.get('role') ?? '') ? /** @type {string} */ (params.get('role')) : 'all',
  /** @type {any} */ data: null,
  /** @type {{table: string, id: string} | null} */ selected: null,
  /** @type {any} */ detail: null,
  /** @type {Record<string, any[]>} */ scenarios: {},
  /** @type {any} */ run: null,
  /** @type {{at: string, key: string, params: Record<string, unknown>, level?: string}[]} */ log: [],
  /** @type {Set<string>} */ flashIds: new Set(),
  delayMs: 800,
};

const $ = (/** @type {string} */ sel, root = document) => /** @type {HTMLElement} */ (root.querySelector(sel));
const $$ = (/** @type {string} */ sel, root = document) => /** @type {HTMLElement[]} */ ([...root.querySelectorAll(sel)]);
const t = (/** @type {string | string[]} */ key, /** @type {Record<string, unknown>} */ opts = {}) => i18next.t(key, opts);

/** @param {string} tag @param {string} [cls] @param {string} [text] */
function el(tag, cls, text) {
  const e = document.createElement(tag);
  if (cls) e.className = cls;
  if (text !== undefined) e.textContent = text;
  return e;
}
/** Marks an element as record data: shown as is, never translated (the terminology test skips it). */
function data(/** @type {HTMLElement} */ e) {
  e.dataset.raw = '';
  return e;
}

// ---- i18n ------------------------------------------------------------------------------------------------
const loaded = new Set();
async function loadLanguage(/** @type {string} */ lng) {
  if (!loaded.has(lng)) {
    const res = await api(`/demo/i18n/${lng}`);
    for (const ns of Object.keys(res)) i18next.addResourceBundle(lng, ns, res[ns], true, true);
    loaded.add(lng);
  }
  await i18next.changeLanguage(lng);
}

// ---- hyphenation -----------------------------------------------------------------------------------------
// Chromium without hyphenation dictionaries (e.g. on Linux, offline) ignores `hyphens: auto`, and long German and
// Dutch compounds would overflow or break anywhere. The labels of the picture get soft hyphens at the break
// points `ui:hyphenation` lists per language ("Pro|jekt|rech|nungs…"); technical names (msdyn_actuals) get
// zero-width breaks there instead (no hyphen is added to a name) and after their "_". Lines then break only
// where the word allows it.
/** @type {{lang: string, words: [RegExp, string][]} | null} */
let hyphenation = null;
function soft(/** @type {string} */ text) {
  if (!hyphenation || hyphenation.lang !== ui.lang) {
    const list = String(t('ui:hyphenation')).split(/\s+/).filter(Boolean);
    hyphenation = {
      lang: ui.lang,
      words: list.map((w) => [new RegExp(`(?<![\\p{L}\u00AD])${w.replace(/\|/g, '')}(?![\\p{L}\u00AD])`, 'gu'), w.replace(/\|/g, w.includes('_') ? '\u200B' : '\u00AD')]),
    };
  }
  let out = text;
  for (const [re, hyphenated] of hyphenation.words) out = out.replace(re, hyphenated);
  return out.replace(/([A-Za-z]_)(?=[A-Za-z])/g, '$1\u200B');
}

function applyI18n(root = document) {
  for (const e of $$('[data-i18n]', root)) {
    const text = t(/** @type {string} */ (e.dataset.i18n));
    e.textContent = e.closest('.picture') ? soft(text) : text;
  }
  for (const e of $$('[data-i18n-aria]', root)) e.setAttribute('aria-label', t(/** @type {string} */ (e.dataset.i18nAria)));
  for (const e of $$('[data-i18n-title]', root)) e.title = t(/** @type {string} */ (e.dataset.i18nTitle));
  document.documentElement.lang = ui.lang;
  document.title = t('ui:app.title');
  for (const b of $$('[data-lang]')) b.setAttribute('aria-pressed', String(b.dataset.lang === ui.lang));
}

// ---- formatting ------------------------------------------------------------------------------------------
function money(/** @type {number|undefined} */ amount, /** @type {string|undefined} */ currency, display = 'narrowSymbol') {
  if (amount === undefined || amount === null) return '';
  try {
    if (currency) return new Intl.NumberFormat(ui.lang, { style: 'currency', currency, currencyDisplay: /** @type {any} */ (display) }).format(amount);
  } catch { /* unknown currency code: plain number */ }
  return new Intl.NumberFormat(ui.lang, { minimumFractionDigits: 2, maximumFractionDigits: 2 }).format(amount);
}
const number = (/** @type {number} */ n, max = 4) => new Intl.NumberFormat(ui.lang, { maximumFractionDigits: max }).format(n);
const hours = (/** @type {number} */ n) => new Intl.NumberFormat(ui.lang, { style: 'unit', unit: 'hour', unitDisplay: 'short', maximumFractionDigits: 2 }).format(n);
function date(/** @type {string} */ s) {
  const d = new Date(s.length === 10 ? `${s}T00:00:00Z` : s);
  if (Number.isNaN(d.getTime())) return s;
  return new Intl.DateTimeFormat(ui.lang, s.length === 10 ? { dateStyle: 'medium', timeZone: 'UTC' } : { dateStyle: 'medium', timeStyle: 'short', timeZone: 'UTC' }).format(d);
}
const seconds = (/** @type {number} */ ms) => new Intl.NumberFormat(ui.lang, { style: 'unit', unit: 'second', unitDisplay: 'short', maximumFractionDigits: 1 }).format(ms / 1000);
/** @param {Coded} c */
const codedKey = (c) => (c.ns === 'codes' ? `ui:codes.${c.set}.${c.value}` : `labels:options.${c.set}.${c.value}`);
/** @param {Coded} c */
const codedLabel = (c) => (i18next.exists(codedKey(c)) ? t(codedKey(c)) : String(c.value));
/**
 * A coded value as a badge: its label, or, for a value no label names yet (a status or class another part of the
 * simulator added), the value itself shown as record data, so new records show without page work.
 * @param {Coded} c @param {string} cls
 */
function codedBadge(c, cls = 'badge') {
  const known = i18next.exists(codedKey(c));
  const b = el('span', cls, known ? codedLabel(c) : String(c.value));
  if (!known) data(b);
  return b;
}

// ---- HTTP ------------------------------------------------------------------------------------------------
/** A refused request: the API's message and, when a rule of the registry refused, the link to that rule. */
class ApiError extends Error {
  constructor(/** @type {string} */ message, /** @type {string | undefined} */ ruleLink) {
    super(message);
    this.ruleLink = ruleLink;
  }
}

async function api(/** @type {string} */ path, /** @type {RequestInit & {json?: unknown}} */ opts = {}) {
  /** @type {Record<string, string>} */
  const headers = { Accept: 'application/json', 'Accept-Language': ui.lang };
  // Dataverse names the refusing rule only when asked for the annotation (its Finance twin is innererror.helplink).
  if (path.startsWith('/api/data/')) headers.Prefer = 'odata.include-annotations="Microsoft.PowerApps.CDS.HelpLink"';
  const init = { ...opts, headers };
  if (opts.json !== undefined) {
    init.method = init.method ?? 'POST';
    init.body = JSON.stringify(opts.json);
    headers['Content-Type'] = 'application/json';
  }
  const res = await fetch(path, init);
  const text = await res.text();
  const body = text ? JSON.parse(text) : null;
  if (!res.ok) {
    const err = body?.error;
    // Finance puts the cause in innererror; its top message is the service's fixed text.
    throw new ApiError(err?.innererror?.message ?? err?.message ?? String(res.status), err?.['@Microsoft.PowerApps.CDS.HelpLink'] ?? err?.innererror?.helplink);
  }
  return body;
}

/** Runs a presenter action; a refusal is shown in the toast (the server's message is already in this language). */
async function act(/** @type {() => Promise<unknown>} */ fn) {
  try {
    await fn();
  } catch (e) {
    toast(e instanceof Error ? e.message : String(e), e instanceof ApiError ? e.ruleLink : undefined);
  }
}
let toastTimer = 0;
/** Shows a message; for a refusal by a rule, the rule's statement (in the page's language) and a link to it. */
function toast(/** @type {string} */ message, /** @type {string | undefined} */ ruleLink = undefined) {
  const box = $('#toast');
  box.replaceChildren(el('span', 'toast-message', message));
  box.classList.add('show');
  box.classList.toggle('with-rule', Boolean(ruleLink));
  clearTimeout(toastTimer);
  toastTimer = window.setTimeout(() => box.classList.remove('show'), ruleLink ? 15000 : 6000);
  if (ruleLink) void showRule(box, ruleLink);
}

async function showRule(/** @type {HTMLElement} */ box, /** @type {string} */ link) {
  const path = new URL(link, location.href).pathname;
  const rule = el('p', 'toast-rule');
  const a = /** @type {HTMLAnchorElement} */ (data(el('a', 'rule-link', decodeURIComponent(path.split('/').pop() ?? ''))));
  a.href = path;
  a.target = '_blank';
  a.rel = 'noopener';
  rule.append(el('span', 'rule-label', t('ui:refusal.rule')), ' ', a);
  box.append(rule);
  try {
    const r = await api(path);
    rule.append(' ', el('span', 'rule-statement', r.statement));
    if (r.source?.convention !== undefined) rule.append(' ', el('span', 'rule-convention', t('ui:refusal.convention')));
  } catch { /* the link alone still names the rule */ }
}

// ---- the picture -----------------------------------------------------------------------------------------
/** Tables whose chips take one line (the integration journals inside the import step). */
const COMPACT = new Set(['ProjectIntegrationJournal']);
/** @param {Item} item */
function chip(item) {
  const li = el('li');
  const b = el('button', 'chip');
  b.type = 'button';
  b.dataset.table = item.table;
  b.dataset.id = item.id;
  if (ui.selected && ui.selected.table === item.table && ui.selected.id === item.id) b.classList.add('selected');
  if (ui.flashIds.has(item.id)) b.classList.add('flash');
  const top = el('span', 'chip-top');
  top.append(data(el('span', 'chip-title', item.title)));
  if (item.amount !== undefined) {
    // A currency other than the legal entity's accounting currency: the amount names it by its ISO code, marked.
    const amount = data(el('span', item.otherCurrency ? 'chip-amount other-currency' : 'chip-amount', money(item.amount, item.currency, item.otherCurrency ? 'code' : 'narrowSymbol')));
    if (item.otherCurrency) amount.title = t('labels:terms.currency');
    top.append(amount);
  }
  const bottom = el('span', 'chip-bottom');
  if (item.company) bottom.append(data(el('span', 'chip-company', item.company)));
  if (item.correction) bottom.append(el('span', 'badge correction', t(item.amount !== undefined && item.amount < 0 ? 'labels:terms.credit' : 'labels:terms.corrective_invoice')));
  if (item.backlog) b.title = t(item.backlog === 'fp' ? 'labels:terms.fp_milestones' : 'labels:terms.tm_backlog');
  if (item.status) {
    const s = codedBadge(item.status);
    s.dataset.status = String(item.status.value);
    bottom.append(s);
  }
  // What kind of work the record carries (transaction classes) and a currency other than its legal entity's.
  for (const c of item.classes ?? []) {
    const k = codedBadge(c, 'tag txclass'); // a tag, not a .badge: the badge of a chip is its status
    k.dataset.class = String(c.value);
    bottom.append(k);
  }
  if (item.tax !== undefined) {
    // "Sales tax amount: 100.00": the label and the amount, which wraps whole under it where the chip is narrow.
    const tax = el('span', 'chip-tax');
    tax.append(el('span', 'chip-tax-label', t('ui:chip.labelled', { label: t('labels:terms.sales_tax_amount') })), ' ', data(el('span', 'chip-tax-amount', money(item.tax, item.currency))));
    bottom.append(tax);
  }
  if (item.quantity !== undefined) bottom.append(data(el('span', 'chip-qty', item.table === 'ProjectInvoiceProposal' || item.table === 'ProjectIntegrationJournal' ? t('ui:chip.lines', { count: item.quantity }) : hours(item.quantity))));
  if (item.voucher) {
    const v = el('span', 'voucher');
    v.append(el('span', 'voucher-label sr', t('labels:terms.voucher_number')), data(el('span', 'voucher-no', item.voucher)));
    bottom.append(v);
  } else if (item.sub) bottom.append(data(el('span', 'chip-sub', item.sub)));
  if (COMPACT.has(item.table)) {
    // One line: the record, its legal entity and its status (several journals show at once in the small box).
    b.classList.add('compact');
    top.append(...[...bottom.children].filter((e) => e.classList.contains('chip-company') || e.classList.contains('badge')));
    b.append(top);
  } else b.append(top, bottom);
  const aria = [t(`labels:entities.${item.table}.one`), item.title, item.status ? codedLabel(item.status) : '', ...(item.classes ?? []).map(codedLabel), item.otherCurrency ?? '', item.voucher ?? ''].filter(Boolean).join(', ');
  b.setAttribute('aria-label', aria);
  li.append(b);
  return li;
}

function renderBoxes() {
  if (!ui.data) return;
  for (const boxEl of $$('[data-box]')) {
    const id = /** @type {string} */ (boxEl.dataset.box);
    const box = ui.data.boxes[id];
    const list = $('.chips', boxEl);
    list.replaceChildren();
    if (!box || box.total === 0) {
      list.append(el('li', 'empty', t('ui:picture.empty')));
      continue;
    }
    for (const item of box.items) list.append(chip(item));
    if (box.total > box.items.length) list.append(el('li', 'more', t('ui:picture.more', { count: box.total - box.items.length })));
    boxEl.dataset.count = String(box.total);
  }
  for (const h of $$('[data-box] h3')) {
    const boxEl = /** @type {HTMLElement} */ (h.closest('[data-box]'));
    let count = $('.count', h);
    if (!count) { count = el('span', 'count'); h.append(count); }
    count.textContent = number(Number(boxEl.dataset.count ?? 0));
  }
}

const MAP_ACTIONS = /** @type {const} */ ({ NotRunning: ['run'], Stopped: ['run'], Initializing: [], Running: ['pause', 'stop'], Paused: ['resume', 'stop'], Resuming: [] });
/** The compact cards' buttons show a symbol; their name (aria-label, title) is the localized action. */
const MAP_ICONS = /** @type {const} */ ({ run: '▶', resume: '▶', pause: '❚❚', stop: '■' });

function renderMaps() {
  if (!ui.data) return;
  for (const m of ui.data.maps) {
    const card = $(`[data-map="${m.id}"]`);
    if (!card) continue;
    card.replaceChildren();
    card.dataset.state = m.state;
    const name = el('h3', 'map-name', soft(t(`labels:maps.${m.id}`)));
    const state = el('span', 'map-state', t(`labels:options.mapState.${m.state}`));
    state.dataset.state = m.state;
    const row = el('div', 'map-row');
    row.append(state);
    if (m.queued) row.append(el('span', 'map-count', t('ui:map.counted', { label: t('labels:terms.queued_records'), count: number(m.queued) })));
    if (m.errors) row.append(el('span', 'map-count err', t('ui:map.counted', { label: t('labels:terms.catchup_errors'), count: number(m.errors) })));
    const buttons = el('div', 'map-buttons');
    for (const a of MAP_ACTIONS[/** @type {keyof typeof MAP_ACTIONS} */ (m.state)] ?? []) {
      const b = el('button', 'icon', MAP_ICONS[a]);
      b.type = 'button';
      b.title = t(`ui:map.${a}`);
      b.dataset.action = 'map';
      b.dataset.map = m.id;
      b.dataset.op = a;
      b.setAttribute('aria-label', `${t(`ui:map.${a}`)}: ${t(`labels:maps.${m.id}`)}`);
      buttons.append(b);
    }
    row.append(buttons);
    card.append(name, row);
  }
  const wb = $('[data-area="writeback"]');
  const actualsMap = ui.data.maps.find((/** @type {any} */ m) => m.id === 'actuals');
  if (wb && actualsMap) wb.dataset.state = actualsMap.state;
}

function renderProcesses() {
  if (!ui.data) return;
  for (const p of ui.data.processes) {
    const box = $(`.process[data-process="${p.id}"]`);
    if (!box) continue;
    $('.lastrun', box).textContent = p.lastRunAt ? t('ui:process.lastRun', { time: date(p.lastRunAt) }) : t('ui:process.never');
    const list = $('.plog', box);
    list.replaceChildren();
    // The import step shares its column with the journals: its last message only (all are in the activity log).
    for (const entry of (p.lastLog ?? []).slice(0, p.id === 'import_staging' ? 1 : 3)) {
      const li = el('li', `lvl-${entry.level}`, t(`errors:${entry.key}`, entry.params ?? {}));
      list.append(li);
    }
  }
}

function renderClock() {
  if (ui.data) $('#clock').textContent = date(ui.data.now);
  if (ui.data) $('#clock').setAttribute('datetime', ui.data.now);
}

function renderAll() {
  applyI18n();
  renderBoxes();
  renderMaps();
  renderProcesses();
  renderClock();
  renderDetail();
  renderScenarioList();
  renderRun();
  renderLog();
  renderConn();
  $('#speed-value').textContent = seconds(ui.delayMs);
  document.body.dataset.role = ui.role;
}

let refreshTimer = 0;
let refreshing = false;
let refreshAgain = false;
function scheduleRefresh(delay = 120) {
  clearTimeout(refreshTimer);
  refreshTimer = window.setTimeout(refresh, delay);
}
async function refresh() {
  if (refreshing) { refreshAgain = true; return; }
  refreshing = true;
  try {
    ui.data = await api('/demo/state');
    if (ui.selected) {
      try {
        ui.detail = await api(`/demo/record/${encodeURIComponent(ui.selected.table)}/${encodeURIComponent(ui.selected.id)}`);
      } catch {
        ui.selected = null;
        ui.detail = null;
      }
    }
    renderBoxes();
    renderMaps();
    renderProcesses();
    renderClock();
    renderDetail();
    ui.flashIds.clear();
  } catch (e) {
    toast(e instanceof Error ? e.message : String(e));
  } finally {
    refreshing = false;
    if (refreshAgain) { refreshAgain = false; scheduleRefresh(50); }
  }
}

// ---- what a commit touches lights up --------------------------------------------------------------------
const TABLE_AREAS = /** @type {Record<string, string[]>} */ ({
  msdyn_actual: ['backlog', 'actuals'], msdyn_contractlinescheduleofvalue: ['backlog'], msdyn_timeentry: ['backlog'], msdyn_expense: ['backlog'],
  ProjCDSContractLineMilestoneImport: ['map-milestones'],
  invoice: ['proforma'], invoicedetail: ['proforma'], msdyn_invoicelinetransaction: ['proforma'],
  ProjectInvoiceProposal: ['proposals'], ProjectInvoiceProposalLine: ['lines'], ProjCDSActualsImport: ['staging'],
  ProjectIntegrationJournal: ['journal'], ProjectIntegrationJournalLine: ['journal'], CustomerInvoice: ['invoices'], LedgerVoucher: ['invoices'],
});
function pulse(/** @type {string} */ area, cls = 'pulse') {
  for (const e of $$(`[data-area="${area}"]`)) {
    e.classList.remove(cls);
    void e.offsetWidth; // restart the animation
    e.classList.add(cls);
  }
}
function onCommit(/** @type {{side: string, table: string, id: string}[]} */ changes) {
  const tables = new Set(changes.map((c) => c.table));
  for (const c of changes) ui.flashIds.add(c.id);
  for (const tbl of tables) for (const a of TABLE_AREAS[tbl] ?? []) pulse(a);
  for (const m of ui.data?.maps ?? []) {
    if (tables.has(m.dataverse) && tables.has(m.finance)) pulse(`map-${m.id}`);
  }
  if (tables.has('msdyn_actual') && tables.has('CustomerInvoice')) pulse('writeback');
  const sides = new Map();
  for (const c of changes) if (c.side === 'dataverse' || c.side === 'finance') sides.set(c.side, (sides.get(c.side) ?? 0) + 1);
  for (const [side, count] of sides) addLog('ui:log.commit', { count, side: { t: `labels:sides.${side}` } });
  scheduleRefresh();
}

// ---- details ---------------------------------------------------------------------------------------------
async function select(/** @type {string} */ table, /** @type {string} */ id) {
  ui.selected = { table, id };
  try {
    ui.detail = await api(`/demo/record/${encodeURIComponent(table)}/${encodeURIComponent(id)}`);
  } catch (e) {
    ui.detail = null;
    toast(e instanceof Error ? e.message : String(e));
  }
  for (const c of $$('.chip.selected')) c.classList.remove('selected');
  for (const c of $$('.chip')) if (c.dataset.table === table && c.dataset.id === id) c.classList.add('selected');
  renderDetail();
}

function fieldValue(/** @type {any} */ f) {
  if (f.value === null || f.value === undefined || f.value === '') return null;
  if (f.coded) return { text: codedLabel(f.coded), raw: !i18next.exists(codedKey(f.coded)) };
  if (f.type === 'lookup') return { text: f.ref ?? String(f.value), raw: true };
  if (f.type === 'bool') return { text: t(`labels:values.${f.value ? 'yes' : 'no'}`), raw: false };
  if (f.type === 'money') return { text: money(Number(f.value), f.currency), raw: true };
  if (f.type === 'decimal' || f.type === 'int') return { text: number(Number(f.value)), raw: true };
  if (f.type === 'date' || f.type === 'datetime') return { text: date(String(f.value)), raw: true };
  return { text: String(f.value), raw: true };
}

function renderDetail() {
  const body = $('#detail-body');
  body.replaceChildren();
  const d = ui.detail;
  if (!d) {
    body.append(el('p', 'muted', t('ui:details.none')));
    return;
  }
  const head = el('div', 'detail-head');
  head.append(el('span', 'detail-entity', t(`labels:entities.${d.table}.one`)), data(el('strong', 'detail-title', d.title)), el('span', `side side-${d.side}`, t(`labels:sides.${d.side}`)));
  const ACTION_LABELS = { post: 'labels:processes.post_proposal', postJournal: 'labels:processes.post_journal', markReady: 'labels:processes.mark_ready' };
  for (const a of d.actions) {
    const b = el('button', 'primary', t(ACTION_LABELS[/** @type {keyof typeof ACTION_LABELS} */ (a)]));
    b.type = 'button';
    b.dataset.action = 'record';
    b.dataset.op = a;
    head.append(b);
  }
  body.append(head);
  const dl = el('dl', 'fields');
  for (const f of d.fields) {
    const v = fieldValue(f);
    if (!v) continue;
    const dt = el('dt', '', f.key ? t('ui:details.recordId') : f.label ? t(f.label) : t([`labels:fields.${d.table}.${f.name}`, `ui:fields.${f.name}`]));
    dt.title = f.name;
    const dd = el('dd', '', v.text);
    if (v.raw) data(dd);
    if (f.name === 'msdyn_vouchernumber' || f.name === 'Voucher' || f.name === 'VoucherNumber') dd.classList.add('voucher-no');
    dl.append(dt, dd);
  }
  body.append(dl);
  if (d.related && d.related.rows.length) {
    body.append(el('h3', 'related-title', t(`labels:entities.${d.related.table}.other`)));
    const ul = el('ul', 'related');
    for (const r of d.related.rows) {
      const li = el('li');
      li.append(data(el('span', 'r-title', r.title)));
      if (r.status) li.append(codedBadge(r.status));
      if (r.sub) li.append(data(el('span', 'r-sub', r.sub)));
      if (r.voucher) li.append(data(el('span', 'voucher-no', r.voucher)));
      if (r.amount !== undefined) li.append(data(el('span', 'r-amount', money(r.amount, r.currency))));
      ul.append(li);
    }
    body.append(ul);
  }
}

// ---- activity log ----------------------------------------------------------------------------------------
function addLog(/** @type {string} */ key, /** @type {Record<string, unknown>} */ params = {}, level = 'info') {
  ui.log.unshift({ at: ui.data?.now ?? '', key, params, level });
  ui.log.length = Math.min(ui.log.length, 60);
  renderLog();
}
function renderLog() {
  const list = $('#log-list');
  list.replaceChildren();
  for (const entry of ui.log) {
    const li = el('li', `lvl-${entry.level}`);
    /** @type {Record<string, unknown>} */ const p = {};
    // A parameter {t: key} is a label, translated now (so the log follows a language switch).
    for (const [k, v] of Object.entries(entry.params)) p[k] = v && typeof v === 'object' && 't' in v ? t(String(/** @type {{t: unknown}} */ (v).t)) : v;
    li.append(el('span', 'log-text', t(entry.key, p)));
    list.append(li);
  }
  if (!ui.log.length) list.append(el('li', 'muted', t('ui:log.empty')));
}

// ---- live events -----------------------------------------------------------------------------------------
let connected = false;
function renderConn() {
  const c = $('#conn');
  c.dataset.state = connected ? 'live' : 'connecting';
  c.textContent = t(connected ? 'ui:conn.live' : 'ui:conn.connecting');
}
function connect() {
  const es = new EventSource('/sim/events');
  es.addEventListener('open', () => { connected = true; renderConn(); scheduleRefresh(0); });
  es.addEventListener('error', () => { connected = false; renderConn(); });
  es.addEventListener('commit', (e) => onCommit(JSON.parse(/** @type {MessageEvent} */ (e).data)));
  es.addEventListener('map', (e) => {
    const d = JSON.parse(/** @type {MessageEvent} */ (e).data);
    if (d.state) addLog('ui:log.map', { map: { t: `labels:maps.${d.id}` }, state: { t: `labels:options.mapState.${d.state}` } });
    else addLog('ui:log.retry', { map: { t: `labels:maps.${d.id}` }, count: d.succeeded ?? 0 });
    pulse(`map-${d.id}`);
    scheduleRefresh();
  });
  es.addEventListener('process', (e) => {
    const d = JSON.parse(/** @type {MessageEvent} */ (e).data);
    addLog('ui:log.process', { process: { t: `labels:processes.${d.id}` } });
    for (const entry of (d.log ?? []).slice(0, 4)) addLog(`errors:${entry.key}`, entry.params ?? {}, entry.level);
    pulse(d.id === 'import_staging' ? 'import' : 'post');
    scheduleRefresh();
  });
  es.addEventListener('clock', () => { pulse('clock'); scheduleRefresh(); });
  es.addEventListener('reset', (e) => {
    const d = JSON.parse(/** @type {MessageEvent} */ (e).data);
    addLog(d.demo ? 'ui:log.resetDemo' : 'ui:log.resetEmpty');
    ui.selected = null;
    ui.detail = null;
    scheduleRefresh(0);
  });

  const play = new EventSource('/demo/play/events');
  play.addEventListener('snapshot', (e) => { ui.run = JSON.parse(/** @type {MessageEvent} */ (e).data); renderRun(); });
  play.addEventListener('run', (e) => {
    ui.run = JSON.parse(/** @type {MessageEvent} */ (e).data);
    addLog('ui:log.playStarted', { name: ui.run.name });
    renderRun();
  });
  play.addEventListener('step', (e) => {
    const d = JSON.parse(/** @type {MessageEvent} */ (e).data);
    if (!ui.run || ui.run.runId !== d.runId) return;
    if (d.index >= 0 && ui.run.steps[d.index]) ui.run.steps[d.index] = { status: d.status, message: d.message, stepId: d.stepId, areas: d.areas };
    else if (d.index < 0) ui.run.message = d.message;
    if (d.status === 'running') light(d.areas ?? []);
    renderRun();
  });
  play.addEventListener('done', (e) => {
    const d = JSON.parse(/** @type {MessageEvent} */ (e).data);
    if (!ui.run || ui.run.runId !== d.runId) return;
    ui.run.status = d.status;
    if (d.message) ui.run.message = d.message;
    for (const s of ui.run.steps) if (s.status === 'running') s.status = d.status === 'stopped' ? 'skipped' : 'failed';
    addLog(`ui:log.play.${d.status}`, { name: ui.run.name }, d.status === 'passed' ? 'info' : 'error');
    setTimeout(() => light([]), 1500);
    renderRun();
  });
}

function light(/** @type {string[]} */ areas) {
  for (const e of $$('.lit')) e.classList.remove('lit');
  for (const a of areas) for (const e of $$(`[data-area="${a}"]`)) e.classList.add('lit');
}

// ---- scenario player -------------------------------------------------------------------------------------
async function loadScenarios(/** @type {string} */ lng) {
  if (!ui.scenarios[lng]) ui.scenarios[lng] = await api(`/demo/scenarios?lang=${lng}`);
  return ui.scenarios[lng];
}

function renderScenarioList() {
  const select = /** @type {HTMLSelectElement} */ ($('#scenario'));
  const list = ui.scenarios[ui.lang] ?? [];
  const current = select.value || params.get('scenario') || '';
  select.replaceChildren();
  if (!list.length) {
    const o = el('option', '', t('ui:player.noScenarios'));
    o.value = '';
    select.append(o);
    select.disabled = true;
    return;
  }
  select.disabled = false;
  let feature = '';
  /** @type {HTMLElement} */ let group = select;
  for (const s of list) {
    if (s.feature !== feature) {
      feature = s.feature;
      group = el('optgroup');
      group.setAttribute('label', feature);
      data(group);
      select.append(group);
    }
    const o = /** @type {HTMLOptionElement} */ (el('option', '', s.name));
    o.value = s.id;
    data(o);
    group.append(o);
  }
  if (list.some((/** @type {any} */ s) => s.id === current)) select.value = current;
  if (!ui.run || ui.run.status !== 'running') renderSteps(scenarioById(select.value), null);
}

function scenarioById(/** @type {string} */ id, lng = ui.lang) {
  return (ui.scenarios[lng] ?? []).find((/** @type {any} */ s) => s.id === id) ?? null;
}

function renderRun() {
  const status = $('#run-status');
  const run = ui.run;
  document.body.dataset.playing = String(run?.status === 'running');
  if (!run) {
    status.textContent = t('ui:player.idle');
    delete status.dataset.status;
    return;
  }
  const passed = run.steps.filter((/** @type {any} */ s) => s.status === 'passed').length;
  status.textContent = t(`ui:player.status.${run.status}`, { passed, count: run.steps.length });
  status.dataset.status = run.status;
  status.dataset.run = String(run.runId);
  // Steps in the page's language when that language has the same scenario (parity), else in the run's.
  const here = scenarioById(run.id);
  const scenario = here && here.steps.length === run.steps.length ? here : scenarioById(run.id, run.lang) ?? here;
  renderSteps(scenario, run);
}

function renderSteps(/** @type {any} */ scenario, /** @type {any} */ run) {
  const list = $('#steps');
  list.replaceChildren();
  if (!scenario) return;
  scenario.steps.forEach((/** @type {{keyword: string, text: string}} */ s, /** @type {number} */ i) => {
    const st = run?.steps[i] ?? { status: 'pending' };
    const li = el('li', `step st-${st.status}`);
    li.dataset.index = String(i);
    li.dataset.status = st.status;
    li.append(el('span', 'kw', s.keyword), el('span', 'text', s.text));
    const mark = el('span', 'mark', t(`ui:player.stepStatus.${st.status}`));
    li.append(mark);
    if (st.status === 'running') li.setAttribute('aria-current', 'step');
    if (st.message && st.status !== 'passed') li.append(data(el('pre', 'message', st.message)));
    list.append(li);
  });
  if (run && run.message && !run.steps.some((/** @type {any} */ s) => s.message)) list.append(data(el('li', 'step st-failed message', run.message)));
  const current = $('[aria-current="step"]', list) ?? $('.st-failed', list);
  if (current) current.scrollIntoView({ block: 'nearest' });
}

async function play(/** @type {'run'|'step'} */ mode) {
  const id = /** @type {HTMLSelectElement} */ ($('#scenario')).value;
  if (ui.run?.status === 'running') {
    // Already running: "play" resumes normal playback, "step" switches to (or advances) step mode.
    if (mode === 'step' && ui.run.mode === 'step') await api('/demo/play/next', { json: {} });
    else await api('/demo/play/mode', { json: { mode } });
    ui.run.mode = mode;
    return;
  }
  if (!id) return;
  ui.run = await api('/demo/play', { json: { id, lang: ui.lang, delayMs: ui.delayMs, mode } });
  renderRun();
}

/** The API call behind a record's action button: Finance posting actions, the Dataverse backlog action. */
function recordActionPath(/** @type {any} */ d, /** @type {string} */ op) {
  const field = (/** @type {string} */ name) => String(d.fields.find((/** @type {any} */ f) => f.name === name)?.value ?? '');
  const q = (/** @type {string} */ s) => encodeURIComponent(s.replaceAll("'", "''"));
  if (op === 'post') return `/data/ProjectInvoiceProposals(dataAreaId='${q(field('dataAreaId'))}',ProposalId='${q(field('ProposalId'))}')/Microsoft.Dynamics.DataEntities.Post?cross-company=true`;
  if (op === 'postJournal') return `/data/ProjectIntegrationJournals(dataAreaId='${q(field('dataAreaId'))}',JournalId='${q(field('JournalId'))}')/Microsoft.Dynamics.DataEntities.Post?cross-company=true`;
  return `/api/data/v9.2/msdyn_actuals(${encodeURIComponent(d.id)})/Microsoft.Dynamics.CRM.msdyn_MarkReadyToInvoice`;
}

// ---- wiring ----------------------------------------------------------------------------------------------
function setUrl() {
  const p = new URLSearchParams(location.search);
  p.set('lang', ui.lang);
  if (ui.role !== 'all') p.set('role', ui.role); else p.delete('role');
  const sc = /** @type {HTMLSelectElement} */ ($('#scenario')).value;
  if (sc) p.set('scenario', sc); else p.delete('scenario');
  history.replaceState(null, '', `${location.pathname}?${p}`);
}

async function switchLanguage(/** @type {string} */ lng) {
  if (!LANGS.includes(lng) || lng === ui.lang) return;
  ui.lang = lng;
  await loadLanguage(lng);
  await loadScenarios(lng).catch(() => []);
  setUrl();
  renderAll();
}

document.addEventListener('click', (ev) => {
  const target = /** @type {HTMLElement} */ (ev.target);
  const chipEl = /** @type {HTMLElement|null} */ (target.closest('.chip'));
  if (chipEl) { void select(/** @type {string} */ (chipEl.dataset.table), /** @type {string} */ (chipEl.dataset.id)); return; }
  const langEl = /** @type {HTMLElement|null} */ (target.closest('[data-lang]'));
  if (langEl) { void switchLanguage(/** @type {string} */ (langEl.dataset.lang)); return; }
  const b = /** @type {HTMLElement|null} */ (target.closest('[data-action]'));
  if (!b) return;
  const action = b.dataset.action;
  if (action === 'reset') void act(() => api('/sim/reset', { json: { demo: true } }));
  else if (action === 'advance') void act(() => api('/sim/clock', { json: { advance: b.dataset.duration } }));
  else if (action === 'map') void act(() => api(`/sim/maps/${b.dataset.map}/${b.dataset.op}`, { json: {} }));
  else if (action === 'process') void act(() => api(`/sim/processes/${b.dataset.process}/run`, { json: {} }));
  else if (action === 'record' && ui.detail) void act(() => api(recordActionPath(ui.detail, /** @type {string} */ (b.dataset.op)), { json: {} })); else if (action === 'play') void act(() => play('run'));
  else if (action === 'step') void act(() => play('step'));
  else if (action === 'stop') void act(() => api('/demo/play/stop', { json: {} }));
});

$('#role').addEventListener('change', (ev) => {
  ui.role = /** @type {HTMLSelectElement} */ (ev.target).value;
  document.body.dataset.role = ui.role;
  setUrl();
});
$('#scenario').addEventListener('change', () => {
  setUrl();
  if (!ui.run || ui.run.status !== 'running') { ui.run = null; renderRun(); renderSteps(scenarioById(/** @type {HTMLSelectElement} */ ($('#scenario')).value), null); }
});
let speedTimer = 0;
$('#speed').addEventListener('input', (ev) => {
  ui.delayMs = Number(/** @type {HTMLInputElement} */ (ev.target).value);
  $('#speed-value').textContent = seconds(ui.delayMs);
  clearTimeout(speedTimer);
  speedTimer = window.setTimeout(() => { if (ui.run?.status === 'running') void act(() => api('/demo/play/delay', { json: { delayMs: ui.delayMs } })); }, 150);
});
// "n": next step while stepping through a scenario (not while typing in a field).
document.addEventListener('keydown', (ev) => {
  const tag = /** @type {HTMLElement} */ (ev.target).tagName;
  if (ev.key === 'n' && !ev.ctrlKey && !ev.metaKey && !ev.altKey && !['INPUT', 'SELECT', 'TEXTAREA'].includes(tag) && ui.run?.status === 'running') {
    void act(() => play('step'));
  }
});

async function start() {
  await i18next.init({ lng: ui.lang, fallbackLng: false, resources: {}, ns: ['ui', 'labels', 'errors'], defaultNS: 'ui', interpolation: { escapeValue: false }, returnNull: false });
  await loadLanguage(ui.lang);
  const speed = Number(params.get('delay'));
  if (Number.isFinite(speed) && params.has('delay')) ui.delayMs = Math.max(0, Math.min(3000, speed));
  /** @type {HTMLInputElement} */ ($('#speed')).value = String(ui.delayMs);
  /** @type {HTMLSelectElement} */ ($('#role')).value = ui.role;
  await loadScenarios(ui.lang).catch(() => []);
  ui.data = await api('/demo/state');
  renderAll();
  setUrl();
  connect();
  document.body.classList.remove('loading');
  document.body.dataset.ready = 'true';
}

start().catch((e) => toast(e instanceof Error ? e.message : String(e)));
