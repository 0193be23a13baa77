import { DataTable } from '@cucumber/cucumber';
import { step } from './support/phrases.js';
import { DATAVERSE_ROLES, actAs } from './support/roles.js';
import { resolveLabel, resolvePath } from './support/parameters.js';
import { formatNumber, parseNumber, sameAmount } from './support/numbers.js';
import type { InvoiceRef, Rec, SpecWorld } from './support/world.js';
import { AdjustmentStatus, BillingStatus, TxType } from '../simulator/dataverse/entities.js';

/** Billing backlog and pro-forma invoices in Dataverse: create, edit the draft, confirm, correct. */

const ACTION = 'Microsoft.Dynamics.CRM.';

function remember(w: SpecWorld, invoice: Rec, alias?: string): InvoiceRef {
  const ref = { id: String(invoice.invoiceid), number: String(invoice.invoicenumber), company: w.currentContract().company };
  w.invoice = ref;
  if (alias) w.invoices.set(alias, ref);
  return ref;
}

async function createInvoice(w: SpecWorld, alias?: string): Promise<InvoiceRef> {
  const invoice = await w.dv('POST', `salesorders(${w.currentContract().id})/${ACTION}msdyn_CreateInvoice`, {});
  return remember(w, invoice, alias);
}

async function confirm(w: SpecWorld, inv: InvoiceRef): Promise<void> {
  w.invoice = inv;
  await w.dv('POST', `invoices(${inv.id})/${ACTION}msdyn_ConfirmInvoice`, {});
}

/** The only invoice line detail of the current invoice (the specs invoice one transaction at a time). */
async function onlyDetail(w: SpecWorld): Promise<Rec> {
  const details = await w.dvList(`msdyn_invoicelinetransactions?$filter=_msdyn_invoice_value eq ${w.currentInvoice().id}`);
  if (details.length !== 1) throw w.mismatch(`${w.label('entities.invoice.one')} ${w.currentInvoice().number}: ${w.label('entities.msdyn_invoicelinetransaction.other')}`, w.num(details.length), w.num(1));
  return details[0] as Rec;
}

step('backlog.markReady', async function (role: string) {
  actAs(this, role, DATAVERSE_ROLES);
  await this.dv('POST', `salesorders(${this.currentContract().id})/${ACTION}msdyn_MarkReadyToInvoice`, {});
});

step('invoice.create', async function (role: string) {
  actAs(this, role, DATAVERSE_ROLES);
  await this.tracking(() => createInvoice(this));
});

step('invoice.createNamed', async function (role: string, alias: string) {
  actAs(this, role, DATAVERSE_ROLES);
  await this.tracking(() => createInvoice(this, alias));
});

step('invoice.createConfirm', async function (role: string) {
  actAs(this, role, DATAVERSE_ROLES);
  await this.tracking(async () => confirm(this, await createInvoice(this)));
});

step('invoice.confirm', async function (role: string) {
  actAs(this, role, DATAVERSE_ROLES);
  await this.tracking(() => confirm(this, this.currentInvoice()));
});

step('invoice.confirmNamed', async function (role: string, alias: string) {
  actAs(this, role, DATAVERSE_ROLES);
  await this.tracking(() => confirm(this, this.namedInvoice(alias)));
});

step('invoice.tryConfirm', async function (role: string) {
  actAs(this, role, DATAVERSE_ROLES);
  await this.tracking(() => this.tryDv('POST', `invoices(${this.currentInvoice().id})/${ACTION}msdyn_ConfirmInvoice`, {}));
});

step('invoice.tryConfirmNamed', async function (role: string, alias: string) {
  actAs(this, role, DATAVERSE_ROLES);
  const inv = this.namedInvoice(alias);
  this.invoice = inv;
  await this.tracking(() => this.tryDv('POST', `invoices(${inv.id})/${ACTION}msdyn_ConfirmInvoice`, {}));
});

step('invoice.editQuantity', async function (role: string, quantity: number) {
  actAs(this, role, DATAVERSE_ROLES);
  const d = await onlyDetail(this);
  await this.dv('PATCH', `msdyn_invoicelinetransactions(${String(d.msdyn_invoicelinetransactionid)})`, { msdyn_quantity: quantity });
});

step('invoice.tryEditQuantity', async function (role: string, quantity: number) {
  actAs(this, role, DATAVERSE_ROLES);
  const d = await onlyDetail(this);
  await this.tryDv('PATCH', `msdyn_invoicelinetransactions(${String(d.msdyn_invoicelinetransactionid)})`, { msdyn_quantity: quantity });
});

step('invoice.editBillingType', async function (role: string, billingType: number) {
  actAs(this, role, DATAVERSE_ROLES);
  const d = await onlyDetail(this);
  await this.dv('PATCH', `msdyn_invoicelinetransactions(${String(d.msdyn_invoicelinetransactionid)})`, { msdyn_billingtype: billingType });
});

step('invoice.editPrice', async function (role: string, price: number) {
  actAs(this, role, DATAVERSE_ROLES);
  const d = await onlyDetail(this);
  await this.dv('PATCH', `msdyn_invoicelinetransactions(${String(d.msdyn_invoicelinetransactionid)})`, { msdyn_price: price });
});

step('invoice.deleteDetail', async function (role: string) {
  actAs(this, role, DATAVERSE_ROLES);
  const d = await onlyDetail(this);
  await this.dv('DELETE', `msdyn_invoicelinetransactions(${String(d.msdyn_invoicelinetransactionid)})`);
});

/** An action on the pro-forma invoice by its label: "Revise" (revise-project-invoices.md; formerly "Correct this invoice") or "Confirm". */
function actionPath(w: SpecWorld, process: string): string {
  const name = process === 'correct' ? 'msdyn_CorrectInvoice' : process === 'confirm' ? 'msdyn_ConfirmInvoice' : undefined;
  if (!name) throw w.fail('notAction', { process: w.label(`processes.${process}`), actions: ['correct', 'confirm'].map((p) => `"${w.label(`processes.${p}`)}"`).join(', ') });
  return `invoices(${w.currentInvoice().id})/${ACTION}${name}`;
}

step('invoice.action', async function (role: string, process: string) {
  actAs(this, role, DATAVERSE_ROLES);
  await this.tracking(async () => {
    const result = await this.dv('POST', actionPath(this, process), {});
    remember(this, result);
  });
});

step('invoice.tryAction', async function (role: string, process: string) {
  actAs(this, role, DATAVERSE_ROLES);
  await this.tracking(() => this.tryDv('POST', `${actionPath(this, process)}`, {}));
});

step('invoice.tryEdit', async function (role: string) {
  actAs(this, role, DATAVERSE_ROLES);
  await this.tryDv('PATCH', `invoices(${this.currentInvoice().id})`, { description: 'Changed after confirmation' });
});

step('invoice.tryDelete', async function (role: string) {
  actAs(this, role, DATAVERSE_ROLES);
  await this.tryDv('DELETE', `invoices(${this.currentInvoice().id})`);
});

step('invoice.setStatus', async function (role: string, status: number) {
  actAs(this, role, DATAVERSE_ROLES);
  await this.dv('PATCH', `invoices(${this.currentInvoice().id})`, { msdyn_projectinvoicestatus: status });
});

step('invoice.trySetStatus', async function (role: string, status: number) {
  actAs(this, role, DATAVERSE_ROLES);
  await this.tryDv('PATCH', `invoices(${this.currentInvoice().id})`, { msdyn_projectinvoicestatus: status });
});

/** Status (statecode) Paid, 2 in …/invoice.md; manage-proforma-invoice.md: only after confirmation. */
/** Sets the status (statecode) of the current pro-forma invoice: 1 Closed, 2 Paid, 3 Canceled (…/invoice.md). */
async function setState(w: SpecWorld, role: string, statecode: number, attempt: boolean): Promise<void> {
  actAs(w, role, DATAVERSE_ROLES);
  const path = `invoices(${w.currentInvoice().id})`;
  if (attempt) await w.tryDv('PATCH', path, { statecode });
  else await w.dv('PATCH', path, { statecode });
}

step('invoice.markPaid', async function (role: string) { await setState(this, role, 2, false); });
step('invoice.tryMarkPaid', async function (role: string) { await setState(this, role, 2, true); });
// Closed and Canceled: the states Project Operations doesn't support on a pro-forma invoice.
step('invoice.tryClose', async function (role: string) { await setState(this, role, 1, true); });
step('invoice.tryCancel', async function (role: string) { await setState(this, role, 3, true); });

// ---- outcomes in Dataverse -----------------------------------------------------------------------------

async function invoiceRecord(w: SpecWorld, inv: InvoiceRef): Promise<Rec> {
  return w.dv('GET', `invoices(${inv.id})`);
}

function checkStatus(w: SpecWorld, inv: Rec, status: number): void {
  if (inv.msdyn_projectinvoicestatus !== status) {
    const got = inv.msdyn_projectinvoicestatus === null || inv.msdyn_projectinvoicestatus === undefined ? w.failText('none') : w.label(`options.msdyn_projectinvoicestatus.${String(inv.msdyn_projectinvoicestatus)}`);
    throw w.mismatch(`${w.label('entities.invoice.one')} ${String(inv.invoicenumber)}`, `"${got}"`, `"${w.label(`options.msdyn_projectinvoicestatus.${status}`)}"`);
  }
}

step('then.invoiceStatus', async function (status: number) {
  checkStatus(this, await invoiceRecord(this, this.currentInvoice()), status);
});

step('then.invoiceStatusNamed', async function (alias: string, status: number) {
  checkStatus(this, await invoiceRecord(this, this.namedInvoice(alias)), status);
});

/** Written back by the map msdyn_customerinvoices (format-update-project-invoice-proposals.md, Enhanced proforma invoice). */
step('then.customerInvoiceShown', async function () {
  const posted = this.need(this.customerInvoice, 'customerInvoice');
  const inv = await invoiceRecord(this, this.currentInvoice());
  const got = `${String(inv.msdyn_customerinvoicenumber ?? '')} ${String(inv.msdyn_customerinvoicedate ?? '')}`.trim();
  const expected = `${String(posted.InvoiceId)} ${String(posted.InvoiceDate)}`;
  if (got !== expected) throw this.mismatch(`${this.label('entities.invoice.one')} ${this.currentInvoice().number}`, got || this.failText('none'), expected);
});

step('then.invoiceTotal', async function (total: number) {
  const inv = await invoiceRecord(this, this.currentInvoice());
  if (!sameAmount(inv.totalamount, total)) throw this.mismatch(`${this.label('entities.invoice.one')} ${String(inv.invoicenumber)}`, formatNumber(Number(inv.totalamount), this.lang), formatNumber(total, this.lang));
});

step('then.invoiceName', async function (name: string) {
  const inv = await invoiceRecord(this, this.currentInvoice());
  if (inv.name !== name) throw this.mismatch(`${this.label('entities.invoice.one')} ${String(inv.invoicenumber)}`, `"${String(inv.name)}"`, `"${name}"`);
});

/** Table columns: field labels (labels:fields.msdyn_actual); cells in the feature's language. */
export const cellReaders: Record<string, (w: SpecWorld, text: string) => unknown> = {
  msdyn_transactiontypecode: (w, t) => resolvePath('options.msdyn_transactiontypecode', w.lang, t, Number),
  msdyn_transactionclassification: (w, t) => resolvePath('options.msdyn_transactionclassification', w.lang, t, Number),
  msdyn_billingtype: (w, t) => resolveLabel('billingtype', w.lang, t),
  msdyn_billingstatus: (w, t) => resolveLabel('billingstatus', w.lang, t),
  msdyn_adjustmentstatus: (w, t) => resolveLabel('adjustmentstatus', w.lang, t),
  msdyn_quantity: (w, t) => parseNumber(t, w.lang),
  msdyn_amount: (w, t) => parseNumber(t, w.lang),
  msdyn_skipsync: (w, t) => resolveLabel('yesno', w.lang, t),
  // expenses (issue 14, part 1): the unit price of an actual
  msdyn_price: (w, t) => parseNumber(t, w.lang),
};

export const matches = (field: string, actual: unknown, expected: unknown): boolean =>
  field === 'msdyn_quantity' || field === 'msdyn_amount' || field === 'msdyn_price' ? sameAmount(actual, Number(expected)) : field === 'msdyn_skipsync' ? Boolean(actual) === expected : actual === expected;

export function show(w: SpecWorld, fields: readonly string[], r: Rec): string {
  return fields.map((f) => {
    const v = r[f];
    if (f === 'msdyn_quantity') return formatNumber(Number(v), w.lang, 0);
    if (f === 'msdyn_amount') return formatNumber(Number(v), w.lang);
    if (f === 'msdyn_skipsync') return w.label(v ? 'values.yes' : 'values.no');
    if (v === null || v === undefined) return '—';
    try { return w.label(`options.${f}.${String(v)}`); } catch { return String(v); }
  }).join(' | ');
}

step('then.actualsCreated', function (table: DataTable) {
  const [header, ...rows] = table.raw();
  if (!header) throw this.fail('tableHeader');
  const fields = header.map((h) => String(resolveLabel('field', this.lang, h)));
  fields.forEach((f, i) => {
    if (!cellReaders[f]) throw this.fail('column', { column: header[i] ?? f, columns: Object.keys(cellReaders).map((c) => `"${this.label(`fields.msdyn_actual.${c}`)}"`).join(', ') });
  });
  const expected = rows.map((row) => Object.fromEntries(fields.map((f, i) => [f, cellReaders[f]?.(this, row[i] ?? '')])));
  const remaining = [...this.created];
  const missing: Record<string, unknown>[] = [];
  for (const e of expected) {
    const i = remaining.findIndex((a) => fields.every((f) => matches(f, a[f], e[f])));
    if (i < 0) missing.push(e);
    else remaining.splice(i, 1);
  }
  if (missing.length || remaining.length) {
    throw new Error([
      this.failText('rowsDiffer', { what: this.label('entities.msdyn_actual.other'), columns: header.join(' | ') }),
      ...missing.map((m, i) => `  ${this.failText('rowMissing', { row: rows[expected.indexOf(m)]?.join(' | ') ?? String(i) })}`),
      ...remaining.map((r) => `  ${this.failText('rowExtra', { row: show(this, fields, r) })}`),
    ].join('\n'));
  }
});

step('then.noActualsCreated', function () {
  if (this.created.length) throw this.fail('created', { what: this.label('entities.msdyn_actual.other'), n: this.num(this.created.length), rows: this.created.map((a) => show(this, ['msdyn_transactiontypecode', 'msdyn_quantity'], a)).join('; ') });
});

async function originalActual(w: SpecWorld): Promise<Rec> {
  return w.dv('GET', `msdyn_actuals(${w.need(w.unbilledActualId, 'unbilledActual')})`);
}

step('then.originalBillingStatus', async function (status: number) {
  const a = await originalActual(this);
  if (a.msdyn_billingstatus !== status) throw this.mismatch(this.label('fields.msdyn_actual.msdyn_billingstatus'), `"${show(this, ['msdyn_billingstatus'], a)}"`, `"${this.label(`options.msdyn_billingstatus.${status}`)}"`);
});

step('then.originalAdjustmentStatus', async function (status: number) {
  const a = await originalActual(this);
  if (a.msdyn_adjustmentstatus !== status) throw this.mismatch(this.label('fields.msdyn_actual.msdyn_adjustmentstatus'), `"${show(this, ['msdyn_adjustmentstatus'], a)}"`, `"${this.label(`options.msdyn_adjustmentstatus.${status}`)}"`);
});

/** The time and material billing backlog: unbilled sales not yet invoiced, not adjusted (manage-billing-backlog.md). */
step('then.backlogHours', async function (hours: number) {
  const contract = this.currentContract();
  const actuals = await this.dvList(`msdyn_actuals?$filter=_msdyn_salescontract_value eq ${contract.id} and msdyn_transactiontypecode eq ${TxType.UnbilledSales}`);
  const backlog = actuals.filter((a) =>
    Number(a.msdyn_quantity) > 0 &&
    (a.msdyn_billingstatus === BillingStatus.UnbilledSalesCreated || a.msdyn_billingstatus === BillingStatus.ReadyToInvoice) &&
    a.msdyn_adjustmentstatus !== AdjustmentStatus.Adjusted && a.msdyn_adjustmentstatus !== AdjustmentStatus.Unadjustable);
  const total = backlog.reduce((s, a) => s + Number(a.msdyn_quantity), 0);
  if (!sameAmount(total, hours)) throw this.mismatch(this.label('terms.tm_backlog'), this.failText('hours', { hours: formatNumber(total, this.lang, 0) }), this.failText('hours', { hours: formatNumber(hours, this.lang, 0) }));
});

step('then.milestoneStatus', async function (name: string, status: number) {
  const id = this.milestones.get(name);
  if (!id) throw this.fail('unknownMilestone', { what: this.label('entities.msdyn_contractlinescheduleofvalue.one'), name });
  const m = await this.dv('GET', `msdyn_contractlinescheduleofvalues(${id})`);
  if (m.msdyn_invoicestatus !== status) {
    throw this.mismatch(`${this.label('entities.msdyn_contractlinescheduleofvalue.one')} "${name}"`, `"${show(this, ['msdyn_invoicestatus'], m)}"`, `"${this.label(`options.msdyn_invoicestatus.${status}`)}"`);
  }
});
