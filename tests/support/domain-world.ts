import { randomUUID } from 'node:crypto';
import { createStore } from '../../simulator/store/index.js';
import type { Rec, Store } from '../../simulator/store/types.js';
import type { Ctx } from '../../simulator/domain/context.js';
import { dvEntity, BillingMethod } from '../../simulator/dataverse/entities.js';
import { createRecord } from '../../simulator/dataverse/records.js';
import { approveTimeEntry } from '../../simulator/dataverse/work.js';

export interface DomainWorld {
  readonly store: Store;
  /** One transaction on the store, as the API runs one per request. */
  readonly run: <T>(fn: (ctx: Ctx) => T) => Promise<T>;
  readonly contract: string;
  /** The time-and-material contract line. */
  readonly line: string;
  /** The fixed-price line's milestone (5,000), when asked for. */
  readonly milestone?: string;
}

/**
 * The Dataverse side alone, as plain functions over a memory store (no HTTP, no dual-write): legal entity USPM, a
 * customer, a project on a contract with a time-and-material line (`rate`/`cost` per hour), optionally a fixed-price
 * line with a milestone, and an approved time entry of `hours` hours.
 */
export async function domainWorld(o: { account?: string; project?: string; hours?: number; rate?: number; cost?: number; milestone?: boolean } = {}): Promise<DomainWorld> {
  const store = await createStore({ kind: 'memory' });
  const run = <T>(fn: (ctx: Ctx) => T): Promise<T> => store.transact((tx) => fn({ tx, now: '2026-03-02T10:00:00Z', newId: randomUUID }));
  const ids = await run((ctx) => {
    const dv = (e: string, v: Record<string, unknown>): Rec => createRecord(ctx, dvEntity(e), v);
    const company = dv('cdm_company', { cdm_companycode: 'USPM', cdm_name: 'USPM' });
    const account = dv('account', { name: o.account ?? 'Contoso Ltd.', _msdyn_company_value: company.cdm_companyid });
    const project = dv('msdyn_project', { msdyn_subject: o.project ?? 'ERP rollout', _msdyn_customer_value: account.accountid });
    const contract = dv('salesorder', { name: o.project ?? 'ERP rollout', _customerid_value: account.accountid });
    const line = dv('salesorderdetail', {
      productdescription: 'T&M', _salesorderid_value: contract.salesorderid, _msdyn_project_value: project.msdyn_projectid,
      msdyn_billingmethod: BillingMethod.TimeAndMaterial, priceperunit: o.rate ?? 200, msdyn_costperunit: o.cost ?? 100,
    });
    let milestone: string | undefined;
    if (o.milestone) {
      const fp = dv('salesorderdetail', { productdescription: 'Fixed', _salesorderid_value: contract.salesorderid, msdyn_billingmethod: BillingMethod.FixedPrice });
      milestone = String(dv('msdyn_contractlinescheduleofvalue', { msdyn_name: 'Go-live', _msdyn_contractlineid_value: fp.salesorderdetailid, msdyn_amount: 5000 }).msdyn_contractlinescheduleofvalueid);
    }
    const entry = dv('msdyn_timeentry', { msdyn_date: '2026-03-02', msdyn_duration: (o.hours ?? 8) * 60, _msdyn_project_value: project.msdyn_projectid });
    approveTimeEntry(ctx, String(entry.msdyn_timeentryid));
    return { contract: String(contract.salesorderid), line: String(line.salesorderdetailid), milestone };
  });
  return { store, run, ...ids };
}
