/**
 * Builds a file store for the benchmarks (run in a child process): `--path <file> --actuals N --accounts N`.
 * Actuals are real `msdyn_actual` rows (domain createActual) written straight into the store, without dual-write,
 * 5,000 per transaction; the store is closed (compacted into the lowdb snapshot) at the end.
 */
import { randomUUID } from 'node:crypto';
import { parseArgs } from 'node:util';
import { createSimulator } from '../../simulator/index.js';
import { createActual } from '../../simulator/dataverse/actuals.js';
import { createRecord } from '../../simulator/dataverse/records.js';
import { dvEntity, TxType, TxClass, BillingStatus } from '../../simulator/dataverse/entities.js';
import type { Ctx } from '../../simulator/domain/context.js';

const { values } = parseArgs({ options: { path: { type: 'string' }, actuals: { type: 'string' }, accounts: { type: 'string' } } });
const path = values.path;
if (!path) throw new Error('--path required');
const actuals = Number(values.actuals ?? 0);
const accounts = Number(values.accounts ?? 0);
const NOW = '2026-03-02T10:00:00.000Z';

const t0 = performance.now();
const sim = await createSimulator({ store: { kind: 'file', path }, clock: NOW });
const store = sim.store;
const company = randomUUID();
await store.transact((tx) => tx.put('cdm_company', company, { cdm_companyid: company, cdm_companycode: 'BNCH', cdm_name: 'Bench', createdon: NOW, modifiedon: NOW, versionnumber: 1 }));
for (let done = 0; done < actuals; ) {
  const n = Math.min(5_000, actuals - done);
  await store.transact((tx) => {
    const ctx: Ctx = { tx, now: NOW, newId: randomUUID };
    for (let i = 0; i < n; i++) {
      const k = done + i;
      createActual(ctx, {
        _msdyn_project_value: `00000000-0000-4000-8000-${String(k % 500).padStart(12, '0')}`, _msdyn_salescontract_value: `00000000-0000-4000-9000-${String(k % 200).padStart(12, '0')}`,
        _msdyn_company_value: company, msdyn_transactionclassification: TxClass.Time, msdyn_description: `Consulting day ${k}`, msdyn_documentdate: '2026-03-01',
      }, { type: k % 2 ? TxType.Cost : TxType.UnbilledSales, quantity: 8, price: 100 + (k % 50), billingStatus: k % 2 ? null : BillingStatus.UnbilledSalesCreated });
    }
  });
  done += n;
}
for (let done = 0; done < accounts; ) {
  const n = Math.min(5_000, accounts - done);
  await sim.service.exec((ctx) => {
    for (let i = 0; i < n; i++) createRecord(ctx, dvEntity('account'), { name: `Customer ${done + i}`, _msdyn_company_value: company, accountnumber: `A-${done + i}` });
  });
  done += n;
}
await sim.close();
console.log(JSON.stringify({ path, actuals, accounts, ms: performance.now() - t0 }));
