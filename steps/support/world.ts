import { World, type IWorldOptions, setWorldConstructor } from '@cucumber/cucumber';
import type { Lang } from './labels.js';
import { label } from './labels.js';
import { translator } from '../../simulator/i18n.js';
import { type HttpResult, describe, isOk, request, requestText } from './http.js';
import { BATCH_MAX, batchAnswers, batchBody, type BatchAnswer, type BatchCall } from './batch.js';
import { Evidence } from './evidence.js';
import { formatNumber } from './numbers.js';

export type Rec = Record<string, unknown>;

export const DV = '/api/data/v9.2';
export const FO = '/data';

export interface CompanyRef { readonly code: string; readonly cdmId: string; readonly currency: string; readonly currencyId: string }
export interface ContractRef { readonly name: string; readonly id: string; readonly accountId: string; readonly projectId: string; readonly company: string; lineId?: string; readonly customerAccount?: string }
export interface InvoiceRef { readonly id: string; readonly number: string; readonly company: string }

/**
 * Per-scenario state: its own simulator (hooks.ts), the language of the feature, and the records the
 * scenario created, by the names the feature gives them.
 */
export class SpecWorld extends World {
  lang: Lang = 'en';
  baseUrl = '';
  readonly companies = new Map<string, CompanyRef>();
  company?: CompanyRef;
  readonly contracts = new Map<string, ContractRef>();
  contract?: ContractRef;
  readonly invoices = new Map<string, InvoiceRef>();
  invoice?: InvoiceRef;
  /** The unbilled sales actual of the last approved work ("the original unbilled sales actual"). */
  unbilledActualId?: string;
  /** The time entry of the scenario (the last one entered or approved): "the actuals of the time entry". */
  timeEntryId?: string;
  /** Actuals the last action created (diff of msdyn_actuals around it). */
  created: Rec[] = [];
  /** The response of the last attempted ("tries to") operation. */
  attempt?: HttpResult;
  /** The actual as it was before an attempted change. */
  actualBefore?: Rec;
  customerInvoice?: Rec;
  /** The job log of the last run of each periodic process the scenario ran. */
  readonly processLogs = new Map<string, Rec[]>();
  readonly milestones = new Map<string, string>();
  /** What each step did (HTTP exchanges, records, dual-write), attached to the step by hooks.ts. */
  readonly evidence = new Evidence();

  /**
   * Demo hook (simulator/demo/player.ts): with the world parameter `simulatorUrl`, the scenario drives that live
   * simulator instead of creating its own; the hook that starts a simulator per scenario must then leave it be.
   */
  readonly external: boolean;

  constructor(options: IWorldOptions) {
    super(options);
    const url = (options.parameters as { simulatorUrl?: unknown } | undefined)?.simulatorUrl;
    this.external = typeof url === 'string' && /^https?:\/\//.test(url);
    if (this.external) this.baseUrl = String(url).replace(/\/+$/, '');
  }

  label(key: string): string {
    return label(this.lang, key);
  }

  async call(method: string, path: string, body?: unknown, headers?: Record<string, string>): Promise<HttpResult> {
    const res = await request(method, `${this.baseUrl}${path}`, this.lang, body, headers);
    this.evidence.exchange(method, path, res.status, body === undefined ? undefined : JSON.stringify(body), JSON.stringify(res.body));
    return res;
  }

  /** A call that must succeed; its JSON body. */
  async ok(method: string, path: string, body?: unknown, headers?: Record<string, string>): Promise<Rec> {
    const res = await this.call(method, path, body, headers);
    if (!isOk(res)) throw this.fail('request', { detail: describe(res) });
    return res.body;
  }

  dv(method: string, path: string, body?: unknown): Promise<Rec> {
    const prefer = method === 'POST' || method === 'PATCH' ? { Prefer: 'return=representation' } : undefined;
    return this.ok(method, `${DV}/${path}`, body, prefer);
  }

  /**
   * Dataverse requests in `$batch` requests of up to 1,000 each (as Dataverse allows); every one must succeed.
   * Answers in the order of the calls.
   */
  async dvBatch(calls: readonly BatchCall[]): Promise<BatchAnswer[]> {
    const answers: BatchAnswer[] = [];
    for (let i = 0; i < calls.length; i += BATCH_MAX) {
      const chunk = calls.slice(i, i + BATCH_MAX);
      const { contentType, text } = batchBody(DV, chunk);
      const res = await requestText(`${this.baseUrl}${DV}/$batch`, this.lang, contentType, text);
      this.evidence.exchange('POST', `${DV}/$batch`, res.status, text, res.text);
      if (res.status !== 200) throw this.fail('request', { detail: `POST ${DV}/$batch → ${res.status} ${res.text.slice(0, 300)}` });
      const got = batchAnswers(res.text, res.headers.get('content-type') ?? '');
      got.forEach((a, k) => {
        if (a.status >= 300) throw this.fail('request', { detail: `${chunk[k]?.method} ${chunk[k]?.path} ($batch) → ${a.status} ${JSON.stringify(a.body).slice(0, 300)}` });
      });
      if (got.length !== chunk.length) throw new Error(`internal: a $batch of ${chunk.length} requests got ${got.length} answers`);
      answers.push(...got);
    }
    return answers;
  }

  dvList(path: string): Promise<Rec[]> {
    return this.allPages(`${DV}/${path}`);
  }

  foList(path: string): Promise<Rec[]> {
    return this.allPages(`${FO}/${path}`);
  }

  /** Every record of a collection, following `@odata.nextLink`. */
  private async allPages(url: string): Promise<Rec[]> {
    const out: Rec[] = [];
    let body = await this.ok('GET', url);
    for (;;) {
      out.push(...((body.value as Rec[] | undefined) ?? []));
      const next = body['@odata.nextLink'];
      if (typeof next !== 'string') return out;
      body = await this.ok('GET', next.replace(/^https?:\/\/[^/]+/, ''));
    }
  }

  /** A value an earlier step must have set; else a message in the feature's language naming it. */
  need<T>(value: T | undefined, what: 'unbilledActual' | 'actualBefore' | 'attempt' | 'customerInvoice' | 'timeEntry'): T {
    if (value === undefined) throw this.fail('need', { what: translator(this.lang)(`authoring:fail.needs.${what}`) });
    return value;
  }

  /**
   * A failed step, in the feature's language: `authoring:fail.<key>` of locales/<lng>/authoring.json. Values are
   * interpolated as given: pass labels through `label()` and numbers through `num()`.
   */
  fail(key: string, values: Record<string, string | number> = {}): Error {
    return new Error(this.failText(key, values));
  }

  /** The text of `authoring:fail.<key>` in the feature's language (a part of a longer message). */
  failText(key: string, values: Record<string, string | number> = {}): string {
    return translator(this.lang)(`authoring:fail.${key}`, values);
  }

  /** A number (a count, hours) as the feature's language writes it. */
  num(n: number, digits = 0): string {
    return formatNumber(n, this.lang, digits);
  }

  /** Names said in the report during the current step (reset before each step: authoring.hooks.ts). */
  readonly told = new Set<string>();

  /**
   * Context said out loud: "the contract", "the pro-forma invoice", "the proposal" mean the most recent one of
   * the scenario; a step that uses one names it in the report, once per step, in the feature's language.
   */
  tell(what: 'contract' | 'invoice' | 'proposal' | 'company', name: string): void {
    const line = translator(this.lang)('authoring:context.used', { what: translator(this.lang)(`authoring:context.what.${what}`), name });
    if (this.told.has(line)) return;
    this.told.add(line);
    try { this.log(line); } catch { /* outside a running step (demo player) there is no report to write to */ }
  }

  /** A failed check, in the feature's language: what was checked, what was found, what the step expects. */
  mismatch(what: string, got: string, expected: string): Error {
    return new Error(translator(this.lang)('authoring:check.expected', { what, got, expected }));
  }

  private needCurrent<T>(value: T | undefined, what: 'contract' | 'invoice' | 'company'): T {
    if (value === undefined) throw new Error(translator(this.lang)('authoring:context.none', { what: translator(this.lang)(`authoring:context.what.${what}`) }));
    return value;
  }

  currentCompany(): CompanyRef {
    return this.needCurrent(this.company, 'company');
  }

  currentContract(): ContractRef {
    const c = this.needCurrent(this.contract, 'contract');
    this.tell('contract', `"${c.name}"`);
    return c;
  }

  currentInvoice(): InvoiceRef {
    const inv = this.needCurrent(this.invoice, 'invoice');
    const alias = [...this.invoices].find(([, r]) => r === inv)?.[0];
    this.tell('invoice', alias ? `"${alias}" (${inv.number})` : inv.number);
    return inv;
  }

  namedInvoice(alias: string): InvoiceRef {
    const inv = this.invoices.get(alias);
    if (!inv) throw new Error(translator(this.lang)('authoring:context.unknownInvoice', { name: alias }));
    return inv;
  }

  /** Runs an action and remembers the actuals it created. */
  async tracking<T>(fn: () => Promise<T>): Promise<T> {
    const before = new Set((await this.dvList('msdyn_actuals?$select=msdyn_actualid')).map((a) => String(a.msdyn_actualid)));
    try {
      return await fn();
    } finally {
      this.created = (await this.dvList('msdyn_actuals')).filter((a) => !before.has(String(a.msdyn_actualid)));
    }
  }

  /** An attempted operation: remember the response, whatever it is. */
  async attemptCall(method: string, path: string, body?: unknown): Promise<HttpResult> {
    this.attempt = await this.call(method, path, body);
    return this.attempt;
  }

  /** An attempted Dataverse operation (path below the API base). */
  tryDv(method: string, path: string, body?: unknown): Promise<HttpResult> {
    return this.attemptCall(method, `${DV}/${path}`, body);
  }
}

setWorldConstructor(SpecWorld);
