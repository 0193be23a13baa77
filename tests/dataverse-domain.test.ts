import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { Rec, Store } from '../simulator/store/types.js';
import { dvEntity, BillingStatus, BillingType, InvoiceStatus, MilestoneStatus, TxType, AdjustmentStatus } from '../simulator/dataverse/entities.js';
import { createRecord, updateRecord, deleteRecord } from '../simulator/dataverse/records.js';
import { type DomainWorld, domainWorld } from './support/domain-world.js';
import { confirmEntryJournal } from '../simulator/dataverse/journals.js';
import { markActualReady, markContractReady } from '../simulator/dataverse/backlog.js';
import { confirmInvoice, createInvoice, updateDetail } from '../simulator/dataverse/invoices.js';
import { correctInvoice } from '../simulator/dataverse/corrections.js';
import { SimError } from '../simulator/errors.js';

/** Domain rules of the Dataverse side, as plain functions over a memory store (no HTTP, no dual-write). */
async function world(hours = 8, rate = 200, cost = 100): Promise<DomainWorld & { milestone: string }> {
  const w = await domainWorld({ hours, rate, cost, milestone: true });
  return { ...w, milestone: String(w.milestone) };
}

const actuals = (store: Store): Rec[] => [...store.all('msdyn_actual')];
const summary = (store: Store, type: number): string[] =>
  actuals(store).filter((a) => a.msdyn_transactiontypecode === type).map((a) => `${String(a.msdyn_quantity)}h ${String(a.msdyn_amount)} bt=${String(a.msdyn_billingtype)}${a.msdyn_skipsync ? ' skip' : ''}`).sort();

async function refused(p: Promise<unknown>, key: string): Promise<void> {
  await assert.rejects(p, (e: unknown) => e instanceof SimError && e.key === key);
}

test('approving time creates a cost and an unbilled sales actual linked by a transaction connection', async () => {
  const { store } = await world();
  assert.deepEqual(summary(store, TxType.Cost), ['8h 800 bt=null']);
  assert.deepEqual(summary(store, TxType.UnbilledSales), ['8h 1600 bt=192350001']);
  const [conn] = [...store.all('msdyn_transactionconnection')];
  assert.equal(conn?.msdyn_transaction1role, 'UnbilledSales');
  assert.equal(conn?.msdyn_transaction2role, 'Cost');
});

test('confirming an unchanged invoice: unbilled reversal with Skip Sync and billed sales; source posted', async () => {
  const { store, run, contract } = await world();
  const inv = await run((ctx) => { markContractReady(ctx, contract); return createInvoice(ctx, contract); });
  assert.equal(inv.totalamount, 6600); // 1,600 of time + 5,000 milestone
  await run((ctx) => confirmInvoice(ctx, String(inv.invoiceid)));
  assert.equal(store.get('invoice', String(inv.invoiceid))?.msdyn_projectinvoicestatus, InvoiceStatus.Confirmed);
  assert.deepEqual(summary(store, TxType.UnbilledSales), ['-8h -1600 bt=192350001 skip', '8h 1600 bt=192350001']);
  assert.deepEqual(summary(store, TxType.BilledSales), ['1h 5000 bt=192350001', '8h 1600 bt=192350001']);
  const source = actuals(store).find((a) => a.msdyn_transactiontypecode === TxType.UnbilledSales && Number(a.msdyn_quantity) > 0);
  assert.equal(source?.msdyn_billingstatus, BillingStatus.CustomerInvoicePosted);
});

test('reducing the quantity 8 → 6 on the draft: adjusted original, 6 h chargeable and 2 h non-chargeable', async () => {
  const { store, run, contract } = await world();
  const inv = await run((ctx) => { markContractReady(ctx, contract); return createInvoice(ctx, contract); });
  const ild = [...store.all('msdyn_invoicelinetransaction')].find((d) => d.msdyn_quantity === 8);
  await run((ctx) => updateDetail(ctx, String(ild?.msdyn_invoicelinetransactionid), { msdyn_quantity: 6 }));
  assert.equal(store.get('invoice', String(inv.invoiceid))?.totalamount, 6200);
  await run((ctx) => confirmInvoice(ctx, String(inv.invoiceid)));
  const original = actuals(store).find((a) => a.msdyn_adjustmentstatus === AdjustmentStatus.Adjusted);
  assert.equal(original?.msdyn_quantity, 8);
  assert.deepEqual(summary(store, TxType.BilledSales), ['1h 5000 bt=192350001', '2h 400 bt=192350000', '6h 1200 bt=192350001']);
});

test('increasing the quantity 8 → 10 bills 10 h', async () => {
  const { store, run, contract } = await world();
  const inv = await run((ctx) => { markContractReady(ctx, contract); return createInvoice(ctx, contract); });
  const ild = [...store.all('msdyn_invoicelinetransaction')].find((d) => d.msdyn_quantity === 8);
  await run((ctx) => updateDetail(ctx, String(ild?.msdyn_invoicelinetransactionid), { msdyn_quantity: 10 }));
  await run((ctx) => confirmInvoice(ctx, String(inv.invoiceid)));
  assert.ok(summary(store, TxType.BilledSales).includes('10h 2000 bt=192350001'));
});

test('a complimentary line is billed but not counted in the total', async () => {
  const { store, run, contract } = await world();
  const inv = await run((ctx) => { markContractReady(ctx, contract); return createInvoice(ctx, contract); });
  const ild = [...store.all('msdyn_invoicelinetransaction')].find((d) => d.msdyn_quantity === 8);
  await run((ctx) => updateDetail(ctx, String(ild?.msdyn_invoicelinetransactionid), { msdyn_billingtype: BillingType.Complimentary }));
  assert.equal(store.get('invoice', String(inv.invoiceid))?.totalamount, 5000);
});

test('a confirmed invoice is read-only and cannot be confirmed again or deleted', async () => {
  const { store, run, contract } = await world();
  const inv = await run((ctx) => { markContractReady(ctx, contract); return confirmInvoice(ctx, String(createInvoice(ctx, contract).invoiceid)); });
  const id = String(inv.invoiceid);
  await refused(run((ctx) => confirmInvoice(ctx, id)), 'invoice.notDraft');
  await refused(run((ctx) => updateRecord(ctx, dvEntity('invoice'), id, { name: 'x' })), 'invoice.readOnly');
  await refused(run((ctx) => deleteRecord(ctx, dvEntity('invoice'), id)), 'invoice.readOnly');
  const ild = [...store.all('msdyn_invoicelinetransaction')][0];
  await refused(run((ctx) => updateDetail(ctx, String(ild?.msdyn_invoicelinetransactionid), { msdyn_quantity: 1 })), 'invoice.readOnly');
});

test('actuals cannot be written directly except their descriptions', async () => {
  const { store, run } = await world();
  const a = actuals(store)[0] as Rec;
  await refused(run((ctx) => createRecord(ctx, dvEntity('msdyn_actual'), {})), 'actual.directWrite');
  await refused(run((ctx) => updateRecord(ctx, dvEntity('msdyn_actual'), String(a.msdyn_actualid), { msdyn_amount: 1 })), 'actual.directWrite');
  await refused(run((ctx) => deleteRecord(ctx, dvEntity('msdyn_actual'), String(a.msdyn_actualid))), 'actual.directWrite');
  const changed = await run((ctx) => updateRecord(ctx, dvEntity('msdyn_actual'), String(a.msdyn_actualid), { msdyn_description: 'Workshop' }));
  assert.equal(changed.msdyn_description, 'Workshop');
});

test('full credit: billed reversal and the work back in the backlog; milestone ready again', async () => {
  const { store, run, contract, milestone } = await world();
  const inv = await run((ctx) => { markContractReady(ctx, contract); return confirmInvoice(ctx, String(createInvoice(ctx, contract).invoiceid)); });
  const corrective = await run((ctx) => correctInvoice(ctx, String(inv.invoiceid)));
  assert.equal(corrective.totalamount, -6600);
  await run((ctx) => confirmInvoice(ctx, String(corrective.invoiceid)));
  assert.deepEqual(summary(store, TxType.BilledSales), ['-1h -5000 bt=192350001', '-8h -1600 bt=192350001', '1h 5000 bt=192350001', '8h 1600 bt=192350001']);
  const back = actuals(store).filter((a) => a.msdyn_billingstatus === BillingStatus.UnbilledSalesCreated);
  assert.deepEqual(back.map((a) => a.msdyn_quantity), [8]);
  assert.equal(store.get('msdyn_contractlinescheduleofvalue', milestone)?.msdyn_invoicestatus, MilestoneStatus.Ready);
});

test('partial credit 8 → 6 re-bills 6 h and returns 2 h; a milestone cannot be partially credited', async () => {
  const { store, run, contract } = await world();
  const inv = await run((ctx) => { markContractReady(ctx, contract); return confirmInvoice(ctx, String(createInvoice(ctx, contract).invoiceid)); });
  const corrective = await run((ctx) => correctInvoice(ctx, String(inv.invoiceid)));
  const details = [...store.all('msdyn_invoicelinetransaction')].filter((d) => d._msdyn_invoice_value === corrective.invoiceid);
  const time = details.find((d) => d.msdyn_originalquantity === 8);
  const ms = details.find((d) => d.msdyn_originalquantity === 1);
  await refused(run((ctx) => updateDetail(ctx, String(ms?.msdyn_invoicelinetransactionid), { msdyn_quantity: 0.5 })), 'correction.milestonePartial');
  await run((ctx) => updateDetail(ctx, String(ms?.msdyn_invoicelinetransactionid), { msdyn_quantity: 1 }));
  await run((ctx) => updateDetail(ctx, String(time?.msdyn_invoicelinetransactionid), { msdyn_quantity: 6 }));
  assert.equal(store.get('invoice', String(corrective.invoiceid))?.totalamount, -400);
  await run((ctx) => confirmInvoice(ctx, String(corrective.invoiceid)));
  assert.ok(summary(store, TxType.BilledSales).includes('6h 1200 bt=192350001'));
  const back = actuals(store).filter((a) => a.msdyn_billingstatus === BillingStatus.UnbilledSalesCreated);
  assert.deepEqual(back.map((a) => a.msdyn_quantity), [2]);
});

test('backlog refusals: nothing ready, adjusted actuals', async () => {
  const { store, run, contract } = await world();
  const withoutMilestone = await run((ctx) => { for (const m of [...ctx.tx.all('msdyn_contractlinescheduleofvalue')]) ctx.tx.del('msdyn_contractlinescheduleofvalue', String(m.msdyn_contractlinescheduleofvalueid)); return contract; });
  await refused(run((ctx) => createInvoice(ctx, withoutMilestone)), 'invoice.nothingReady');
  const inv = await run((ctx) => { markContractReady(ctx, contract); return createInvoice(ctx, contract); });
  const ild = [...store.all('msdyn_invoicelinetransaction')][0];
  await run((ctx) => updateDetail(ctx, String(ild?.msdyn_invoicelinetransactionid), { msdyn_quantity: 6 }));
  await run((ctx) => confirmInvoice(ctx, String(inv.invoiceid)));
  const adjusted = actuals(store).find((a) => a.msdyn_adjustmentstatus === AdjustmentStatus.Adjusted);
  await refused(run((ctx) => markActualReady(ctx, String(adjusted?.msdyn_actualid))), 'backlog.adjusted');
});

test('confirming an entry journal of material usage creates one actual per line, once', async () => {
  const { store, run } = await world();
  const project = [...store.all('msdyn_project')][0] as Rec;
  const journalId = await run((ctx) => {
    const j = createRecord(ctx, dvEntity('msdyn_journal'), { msdyn_description: 'Cables' });
    for (const [type, price] of [[TxType.Cost, 10.1], [TxType.UnbilledSales, 20.2]] as const) {
      createRecord(ctx, dvEntity('msdyn_journalline'), {
        _msdyn_journal_value: j.msdyn_journalid, _msdyn_project_value: project.msdyn_projectid, msdyn_transactionclassification: 192350002,
        msdyn_transactiontypecode: type, msdyn_documentdate: '2026-03-02', msdyn_quantity: 3, msdyn_price: price,
      });
    }
    return String(j.msdyn_journalid);
  });
  const connections = [...store.all('msdyn_transactionconnection')].length;
  await run((ctx) => confirmEntryJournal(ctx, journalId));
  assert.ok(summary(store, TxType.Cost).includes('3h 30.3 bt=null'));
  assert.ok(summary(store, TxType.UnbilledSales).includes('3h 60.6 bt=192350001'));
  assert.equal([...store.all('msdyn_transactionconnection')].length, connections, 'entry journals link no cost to sales');
  await refused(run((ctx) => confirmEntryJournal(ctx, journalId)), 'journal.confirmed');
});
