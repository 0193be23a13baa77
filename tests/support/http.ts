/**
 * HTTP test harness: one simulator (memory store) per test file, reached only through its three HTTP
 * surfaces. `dv`, `fo` and `sim` send a request and return `{ status, headers, json }`; `setUpContract`
 * builds the usual starting point of the flow over HTTP, the way a client of both apps would.
 */
import { createSimulator, type Simulator } from '../../simulator/index.js';
import { STANDARD_TAX_GROUP, standardTaxParameters, standardTaxSetup } from '../../simulator/finance/tax-setup.js';

// Test-only: response bodies are arbitrary JSON whose shape each assertion checks.
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export type Json = any;

export interface Res {
  readonly status: number;
  readonly headers: Headers;
  readonly json: Json;
  readonly text: string;
}

export type Call = (method: string, path: string, body?: unknown, headers?: Record<string, string>) => Promise<Res>;

export const DV = '/api/data/v9.2';
export const FO = '/data';
export const FORMATTED = 'odata.include-annotations="OData.Community.Display.V1.FormattedValue"';

/** Option values used by the tests (domain.md §2.3). */
export const Opt = {
  TimeAndMaterial: 192350000, FixedPrice: 192350001,
  Draft: 192350000, Confirmed: 192350002,
  Cost: 192350000, UnbilledSales: 192350005, BilledSales: 192350006,
  ReadyToInvoice: 192350004, CustomerInvoiceCreated: 192350001, CustomerInvoicePosted: 192350002, UnbilledSalesCreated: 192350000,
  Chargeable: 192350001, NonChargeable: 192350000,
  MilestoneNotReady: 192350000, MilestoneReady: 192350001, MilestoneInvoicePosted: 192350003,
  Adjusted: 192350001,
} as const;

/** An amount in whole cents, for sums that must come out exact (debits equal credits, rounding per currency). */
export const cents = (x: unknown): number => Math.round(Number(x) * 100);

export interface Harness {
  readonly sim: Simulator;
  readonly url: string;
  /** Any path on the server (e.g. `/sim/events`). */
  readonly raw: Call;
  /** Dataverse Web API: path relative to /api/data/v9.2, e.g. `/accounts`. */
  readonly dv: Call;
  /** Finance and Operations OData: path relative to /data. */
  readonly fo: Call;
  /** Simulator control: path relative to /sim. */
  readonly simApi: Call;
  /** Empty data, no faults, real-time invoice integration. */
  reset(demo?: boolean): Promise<void>;
  close(): Promise<void>;
}

export async function startSim(clock = '2026-03-02T09:00:00Z'): Promise<Harness> {
  const sim = await createSimulator({ store: { kind: 'memory' }, clock });
  const url = await sim.listen(0);
  const raw: Call = async (method, path, body, headers = {}) => {
    const init: RequestInit = { method, headers: { Accept: 'application/json', ...headers } };
    if (body !== undefined) {
      init.body = typeof body === 'string' ? body : JSON.stringify(body);
      init.headers = { 'Content-Type': 'application/json', ...init.headers };
    }
    const res = await fetch(url + path, init);
    const text = await res.text();
    let json: Json = undefined;
    if (text) {
      try { json = JSON.parse(text); } catch { json = undefined; }
    }
    return { status: res.status, headers: res.headers, json, text };
  };
  const h: Harness = {
    sim, url, raw,
    dv: (m, p, b, hd) => raw(m, DV + p, b, hd),
    fo: (m, p, b, hd) => raw(m, FO + p, b, hd),
    simApi: (m, p, b, hd) => raw(m, `/sim${p}`, b, hd),
    async reset(demo = false) {
      await ok(raw('DELETE', '/sim/faults'));
      await ok(raw('POST', '/sim/reset', { demo }));
      await ok(raw('PUT', '/sim/settings', { invoiceIntegration: 'realtime' }));
    },
    close: () => sim.close(),
  };
  return h;
}

/** The response, after asserting a 2xx status (with the body in the failure message). */
export async function ok(p: Promise<Res>, expected?: number): Promise<Res> {
  const r = await p;
  if (expected !== undefined ? r.status !== expected : r.status < 200 || r.status > 299) {
    throw new Error(`expected ${expected ?? '2xx'}, got ${r.status}: ${r.text.slice(0, 600)}`);
  }
  return r;
}

export const rep = { Prefer: 'return=representation' } as const;

export interface Contract {
  readonly company: string;
  readonly companyId: string;
  readonly currencyId: string;
  readonly accountId: string;
  readonly projectId: string;
  readonly contractId: string;
  readonly tmLineId: string;
  readonly fpLineId: string;
  readonly milestoneId: string;
  /** The time entry created and approved by the set-up (when hours > 0). */
  readonly timeEntryId?: string;
}

export interface ContractOptions {
  readonly company?: string;
  readonly currency?: string;
  readonly taxPercent?: number;
  readonly customer?: string;
  readonly name?: string;
  readonly hours?: number;
  readonly rate?: number;
  readonly cost?: number;
  readonly milestoneAmount?: number;
  /** Create the legal entity (false when it exists already). */
  readonly createCompany?: boolean;
}

/**
 * Over HTTP: the legal entity through Finance (dual-write creates the cdm_company), the currency, the customer,
 * the project, the contract with a time-and-material line and a fixed-price line with one milestone, and one
 * approved time entry of `hours` hours.
 */
export async function setUpContract(h: Harness, o: ContractOptions = {}): Promise<Contract> {
  const company = o.company ?? 'USPM';
  const currency = o.currency ?? 'USD';
  if (o.createCompany !== false) {
    await ok(h.fo('POST', '/LegalEntities', { LegalEntityId: company, Name: `${company} Ltd.`, AccountingCurrency: currency }), 201);
    for (const [set, body] of standardTaxSetup(company, o.taxPercent ?? 10)) await ok(h.fo('POST', `/${set}`, body), 201);
    const params = standardTaxParameters(company);
    await ok(h.fo('PATCH', `/${params.path}`, params.body));
  }
  const companies = await ok(h.dv('GET', `/cdm_companies?$filter=cdm_companycode eq '${company}'`));
  const companyId = String(companies.json.value[0]?.cdm_companyid);
  const existing = await ok(h.dv('GET', `/transactioncurrencies?$filter=isocurrencycode eq '${currency}'`));
  const currencyId = existing.json.value.length
    ? String(existing.json.value[0].transactioncurrencyid)
    : String((await ok(h.dv('POST', '/transactioncurrencies', { isocurrencycode: currency, currencyname: currency }, rep), 201)).json.transactioncurrencyid);
  const account = await ok(h.dv('POST', '/accounts', {
    name: o.customer ?? 'Contoso Ltd.', 'msdyn_company@odata.bind': `/cdm_companies(${companyId})`, 'transactioncurrencyid@odata.bind': `/transactioncurrencies(${currencyId})`,
  }, rep), 201);
  // The customer in Finance under the account's number, in the standard sales tax group when the company has it.
  const groups = await ok(h.fo('GET', `/SalesTaxGroups?cross-company=true&$filter=dataAreaId eq '${company}' and TaxGroupCode eq '${STANDARD_TAX_GROUP}'`));
  const salesTaxGroup = groups.json.value.length ? STANDARD_TAX_GROUP : null;
  await ok(h.fo('POST', '/CustomersV3', { dataAreaId: company, CustomerAccount: String(account.json.accountnumber), OrganizationName: o.customer ?? 'Contoso Ltd.', SalesTaxGroup: salesTaxGroup }), 201);
  const accountId = String(account.json.accountid);
  const name = o.name ?? 'ERP rollout';
  const project = await ok(h.dv('POST', '/msdyn_projects', { msdyn_subject: name, 'msdyn_customer@odata.bind': `/accounts(${accountId})` }, rep), 201);
  const projectId = String(project.json.msdyn_projectid);
  const contract = await ok(h.dv('POST', '/salesorders', { name, 'customerid_account@odata.bind': `/accounts(${accountId})` }, rep), 201);
  const contractId = String(contract.json.salesorderid);
  const tm = await ok(h.dv('POST', '/salesorderdetails', {
    productdescription: `${name} – T&M`, 'salesorderid@odata.bind': `/salesorders(${contractId})`, 'msdyn_project@odata.bind': `/msdyn_projects(${projectId})`,
    msdyn_billingmethod: Opt.TimeAndMaterial, priceperunit: o.rate ?? 200, msdyn_costperunit: o.cost ?? 100,
  }, rep), 201);
  const fp = await ok(h.dv('POST', '/salesorderdetails', {
    productdescription: `${name} – fixed price`, 'salesorderid@odata.bind': `/salesorders(${contractId})`, 'msdyn_project@odata.bind': `/msdyn_projects(${projectId})`, msdyn_billingmethod: Opt.FixedPrice, extendedamount: o.milestoneAmount ?? 5000,
  }, rep), 201);
  const milestone = await ok(h.dv('POST', '/msdyn_contractlinescheduleofvalues', {
    msdyn_name: 'Go-live', 'msdyn_contractlineid@odata.bind': `/salesorderdetails(${String(fp.json.salesorderdetailid)})`, msdyn_amount: o.milestoneAmount ?? 5000, msdyn_invoicedate: '2026-03-02',
  }, rep), 201);
  const out: Contract = {
    company, companyId, currencyId, accountId, projectId, contractId,
    tmLineId: String(tm.json.salesorderdetailid), fpLineId: String(fp.json.salesorderdetailid), milestoneId: String(milestone.json.msdyn_contractlinescheduleofvalueid),
  };
  const hours = o.hours ?? 8;
  if (hours <= 0) return out;
  const timeEntryId = await approveTime(h, projectId, hours);
  return { ...out, timeEntryId };
}

/** Creates and approves a time entry; returns its id. */
export async function approveTime(h: Harness, projectId: string, hours: number, description = 'Consulting'): Promise<string> {
  const entry = await ok(h.dv('POST', '/msdyn_timeentries', {
    msdyn_description: description, msdyn_date: '2026-03-02', msdyn_duration: Math.round(hours * 60), 'msdyn_project@odata.bind': `/msdyn_projects(${projectId})`,
  }, rep), 201);
  const id = String(entry.json.msdyn_timeentryid);
  await ok(h.dv('POST', `/msdyn_timeentries(${id})/Microsoft.Dynamics.CRM.msdyn_ApproveTimeEntry`, {}));
  return id;
}

/** Runs a periodic process; returns its log. */
export async function runProcess(h: Harness, id: 'import_staging' | 'post_proposals' | 'async_integration', company?: string): Promise<Json[]> {
  const r = await ok(h.simApi('POST', `/processes/${id}/run`, company ? { company } : {}));
  return r.json.lastLog as Json[];
}

/** Posts every Draft integration journal of the company (default company unless given). */
export async function postJournals(h: Harness, company?: string): Promise<string[]> {
  const q = company ? `&cross-company=true&$filter=Status eq 'Draft' and dataAreaId eq '${company}'` : `&$filter=Status eq 'Draft'`;
  const journals = await ok(h.fo('GET', `/ProjectIntegrationJournals?$orderby=JournalId${q}`));
  const out: string[] = [];
  for (const j of journals.json.value as Json[]) {
    await ok(h.fo('POST', `/ProjectIntegrationJournals(dataAreaId='${String(j.dataAreaId)}',JournalId='${String(j.JournalId)}')/Microsoft.Dynamics.DataEntities.Post?cross-company=true`, {}));
    out.push(String(j.JournalId));
  }
  return out;
}

/** Marks the contract's backlog ready, creates the invoice; returns the Draft invoice. */
export async function createInvoice(h: Harness, contractId: string): Promise<Json> {
  await ok(h.dv('POST', `/salesorders(${contractId})/Microsoft.Dynamics.CRM.msdyn_MarkReadyToInvoice`, {}));
  return (await ok(h.dv('POST', `/salesorders(${contractId})/Microsoft.Dynamics.CRM.msdyn_CreateInvoice`, {}))).json;
}

export async function confirm(h: Harness, invoiceId: string): Promise<Res> {
  return h.dv('POST', `/invoices(${invoiceId})/Microsoft.Dynamics.CRM.msdyn_ConfirmInvoice`, {});
}

/** GET of a collection's `value` (all pages are small in these tests). */
export async function list(call: Call, path: string): Promise<Json[]> {
  return (await ok(call('GET', path))).json.value as Json[];
}

/** A JSON snapshot of collections on both sides (for "nothing changed" checks). */
export async function snapshot(h: Harness, dvSets: readonly string[], foSets: readonly string[] = []): Promise<Record<string, Json[]>> {
  const out: Record<string, Json[]> = {};
  for (const s of dvSets) out[`dv:${s}`] = await list(h.dv, `/${s}`);
  for (const s of foSets) out[`fo:${s}`] = await list(h.fo, `/${s}?cross-company=true`);
  return out;
}

export const proposalKey = (company: string, id: string): string => `(dataAreaId='${company}',ProposalId='${id}')`;
