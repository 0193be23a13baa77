import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { Rec, Store } from '../simulator/store/types.js';
import { dvEntity, AdjustmentStatus, BillingStatus, BillingType, MilestoneStatus, TxType } from '../simulator/dataverse/entities.js';
import { createRecord, deleteRecord } from '../simulator/dataverse/records.js';
import { markContractReady } from '../simulator/dataverse/backlog.js';
import { confirmInvoice, createInvoice, updateDetail } from '../simulator/dataverse/invoices.js';
import { correctInvoice } from '../simulator/dataverse/corrections.js';
import { SimError } from '../simulator/errors.js';
import { type DomainWorld, domainWorld } from './support/domain-world.js';

/**
 * Invoices and revisions as Microsoft documents them (issue 12, defects 1-3 and 8): ActualsonTM.md / ActualonFP.md,
 * create-manual-proforma-invoice.md, update-ild-on-an-invoice.md, revise-project-invoices.md. Microsoft's example:
 * 8 h, cost 100/h, bill rate 200/h, milestone 5,000.
 */
const world = (withMilestone = false): Promise<DomainWorld> => domainWorld({ account: 'Adatum', project: 'Arm Installation at Adatum', milestone: withMilestone });

const detailsOf = (store: Store, invoiceId: unknown): Rec[] => [...store.all('msdyn_invoicelinetransaction')].filter((d) => d._msdyn_invoice_value === invoiceId);
const billed = (store: Store): Rec[] => [...store.all('msdyn_actual')].filter((a) => a.msdyn_transactiontypecode === TxType.BilledSales);
const row = (a: Rec): string => `${String(a.msdyn_quantity)}h ${String(a.msdyn_amount)} bt=${String(a.msdyn_billingtype)} adj=${String(a.msdyn_adjustmentstatus)}`;

async function refused(p: Promise<unknown>, key: string): Promise<void> {
  await assert.rejects(p, (e: unknown) => e instanceof SimError && e.key === key);
}

/** Creates and confirms an invoice for the contract, then revises it: the corrective draft. */
async function revised(w: Awaited<ReturnType<typeof world>>): Promise<{ original: Rec; corrective: Rec; detail: Rec }> {
  const original = await w.run((ctx) => { markContractReady(ctx, w.contract); return confirmInvoice(ctx, String(createInvoice(ctx, w.contract).invoiceid)); });
  const corrective = await w.run((ctx) => correctInvoice(ctx, String(original.invoiceid)));
  const detail = detailsOf(w.store, corrective.invoiceid).find((d) => d.msdyn_originalquantity === 8) as Rec;
  return { original, corrective, detail };
}

test('confirming an invoice: the unbilled sales reversal is Unadjustable (ActualsonTM.md, invoice confirmed)', async () => {
  const w = await world();
  await w.run((ctx) => { markContractReady(ctx, w.contract); return confirmInvoice(ctx, String(createInvoice(ctx, w.contract).invoiceid)); });
  const reversal = [...w.store.all('msdyn_actual')].find((a) => a.msdyn_transactiontypecode === TxType.UnbilledSales && Number(a.msdyn_quantity) < 0);
  assert.equal(reversal?.msdyn_adjustmentstatus, AdjustmentStatus.Unadjustable);
});

test('a revision may increase the quantity above the original: 8 → 10 bills 10 h, the original billed sales Adjusted, nothing back to the backlog', async () => {
  const w = await world();
  const { corrective, detail } = await revised(w);
  await w.run((ctx) => updateDetail(ctx, String(detail.msdyn_invoicelinetransactionid), { msdyn_quantity: 10 }));
  assert.equal(w.store.get('invoice', String(corrective.invoiceid))?.totalamount, 400);
  await w.run((ctx) => confirmInvoice(ctx, String(corrective.invoiceid)));
  assert.deepEqual(billed(w.store).map(row).sort(), ['-8h -1600 bt=192350001 adj=192350002', '10h 2000 bt=192350001 adj=null', '8h 1600 bt=192350001 adj=192350001']);
  const backlog = [...w.store.all('msdyn_actual')].filter((a) => a.msdyn_billingstatus === BillingStatus.UnbilledSalesCreated);
  assert.deepEqual(backlog, []);
});

test('a revision may change the billing type and the price of a time and material invoice line detail', async () => {
  const w = await world();
  const { corrective, detail } = await revised(w);
  const id = String(detail.msdyn_invoicelinetransactionid);
  await w.run((ctx) => updateDetail(ctx, id, { msdyn_quantity: 8, msdyn_price: 150 }));
  assert.equal(w.store.get('invoice', String(corrective.invoiceid))?.totalamount, -400);
  await w.run((ctx) => updateDetail(ctx, id, { msdyn_billingtype: BillingType.NonChargeable }));
  assert.equal(w.store.get('invoice', String(corrective.invoiceid))?.totalamount, -1600);
  await w.run((ctx) => confirmInvoice(ctx, String(corrective.invoiceid)));
  assert.ok(billed(w.store).map(row).includes('8h 1200 bt=192350000 adj=null'));
});

test('an unchanged revised invoice line detail changes no actuals', async () => {
  const w = await world();
  const { corrective, detail } = await revised(w);
  await w.run((ctx) => updateDetail(ctx, String(detail.msdyn_invoicelinetransactionid), { msdyn_quantity: 8 }));
  const before = [...w.store.all('msdyn_actual')].length;
  await w.run((ctx) => confirmInvoice(ctx, String(corrective.invoiceid)));
  assert.equal([...w.store.all('msdyn_actual')].length, before);
});

test('a milestone revision: the billed sales Adjusted, an Unadjustable reversal, the milestone ready again (ActualonFP.md)', async () => {
  const w = await world(true);
  const { corrective } = await revised(w);
  await w.run((ctx) => confirmInvoice(ctx, String(corrective.invoiceid)));
  assert.ok(billed(w.store).map(row).includes('1h 5000 bt=192350001 adj=192350001'));
  assert.ok(billed(w.store).map(row).includes('-1h -5000 bt=192350001 adj=192350002'));
  assert.equal(w.store.get('msdyn_contractlinescheduleofvalue', String(w.milestone))?.msdyn_invoicestatus, MilestoneStatus.Ready);
});

test('a second revision is allowed but leaves out billed sales already under revision or credited (convention rule.correction-billed-once)', async () => {
  const w = await world(true);
  const { original, corrective, detail } = await revised(w);
  // Everything of the original is on the open revision: nothing left to revise.
  await refused(w.run((ctx) => correctInvoice(ctx, String(original.invoiceid))), 'correction.nothingToCorrect');
  // The time is removed from the first revision: a second revision holds it, and only it.
  await w.run((ctx) => deleteRecord(ctx, dvEntity('msdyn_invoicelinetransaction'), String(detail.msdyn_invoicelinetransactionid)));
  const second = await w.run((ctx) => correctInvoice(ctx, String(original.invoiceid)));
  assert.deepEqual(detailsOf(w.store, second.invoiceid).map((d) => d.msdyn_originalquantity), [8]);
  await w.run((ctx) => confirmInvoice(ctx, String(second.invoiceid)));
  await w.run((ctx) => confirmInvoice(ctx, String(corrective.invoiceid)));
  // Both credited (Adjusted): revising the original again finds nothing; its corrective invoices can be revised.
  await refused(w.run((ctx) => correctInvoice(ctx, String(original.invoiceid))), 'correction.nothingToCorrect');
});

test('on a draft an invoice line detail can be deleted: its unbilled sales go back to Ready to invoice; not on a confirmed invoice', async () => {
  const w = await world();
  const inv = await w.run((ctx) => { markContractReady(ctx, w.contract); return createInvoice(ctx, w.contract); });
  const [d] = detailsOf(w.store, inv.invoiceid);
  const source = String(d?._msdyn_sourceactual_value);
  await w.run((ctx) => deleteRecord(ctx, dvEntity('msdyn_invoicelinetransaction'), String(d?.msdyn_invoicelinetransactionid)));
  assert.deepEqual(detailsOf(w.store, inv.invoiceid), []);
  assert.equal(w.store.get('invoice', String(inv.invoiceid))?.totalamount, 0);
  assert.equal(w.store.get('msdyn_actual', source)?.msdyn_billingstatus, BillingStatus.ReadyToInvoice);
  assert.equal(w.store.get('msdyn_actual', source)?._msdyn_invoice_value, null);
  const confirmed = await w.run((ctx) => confirmInvoice(ctx, String(createInvoice(ctx, w.contract).invoiceid)));
  const [c] = detailsOf(w.store, confirmed.invoiceid);
  await refused(w.run((ctx) => deleteRecord(ctx, dvEntity('msdyn_invoicelinetransaction'), String(c?.msdyn_invoicelinetransactionid))), 'invoice.readOnly');
});

test('on a draft the price of a time and material invoice line detail can be edited; a milestone keeps its price; adding a detail is refused', async () => {
  const w = await world(true);
  const inv = await w.run((ctx) => { markContractReady(ctx, w.contract); return createInvoice(ctx, w.contract); });
  const time = detailsOf(w.store, inv.invoiceid).find((d) => d.msdyn_quantity === 8) as Rec;
  const ms = detailsOf(w.store, inv.invoiceid).find((d) => d.msdyn_quantity === 1) as Rec;
  await w.run((ctx) => updateDetail(ctx, String(time.msdyn_invoicelinetransactionid), { msdyn_price: 180 }));
  assert.equal(w.store.get('msdyn_invoicelinetransaction', String(time.msdyn_invoicelinetransactionid))?.msdyn_amount, 1440);
  assert.equal(w.store.get('invoice', String(inv.invoiceid))?.totalamount, 6440);
  await refused(w.run((ctx) => updateDetail(ctx, String(ms.msdyn_invoicelinetransactionid), { msdyn_price: 4000 })), 'invoice.milestonePrice');
  await w.run((ctx) => confirmInvoice(ctx, String(inv.invoiceid)));
  assert.ok(billed(w.store).map(row).includes('8h 1440 bt=192350001 adj=null'));
  await refused(w.run((ctx) => createRecord(ctx, dvEntity('msdyn_invoicelinetransaction'), { msdyn_quantity: 1 })), 'invoice.linesThroughContract');
});
