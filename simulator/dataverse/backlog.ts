import type { Rec } from '../store/types.js';
import { type Ctx, must, patch, refuse, where, whereEq } from '../domain/context.js';
import { AdjustmentStatus, BillingStatus, MilestoneStatus, TxType } from './entities.js';

/** The billing statuses of the backlog: not yet invoiced. */
const BACKLOG_STATUSES = [BillingStatus.UnbilledSalesCreated, BillingStatus.ReadyToInvoice] as const;
/**
 * Performance: actuals are looked up by contract and billing status together, so the backlog costs what it holds,
 * not the contract's whole history of invoiced actuals (bench/README.md, "Where the time of a flow goes").
 */
const BY_CONTRACT_AND_STATUS = ['_msdyn_salescontract_value', 'msdyn_billingstatus'] as const;

/**
 * Unbilled sales actuals that the time-and-material billing backlog shows for a contract: those still to be
 * marked (Unbilled sales created) first, then those Ready to invoice, each in the order they took that status.
 */
export function backlogActuals(ctx: Ctx, contractId: string): Rec[] {
  // The index narrows to the two backlog statuses; the one rule (inBacklog) still decides.
  return BACKLOG_STATUSES.flatMap((status) => [...whereEq(ctx, 'msdyn_actual', BY_CONTRACT_AND_STATUS, [contractId, status], inBacklog)]);
}

/** The billing-backlog rule for one actual: open unbilled sales, not adjusted (the one copy; the demo uses it too). */
export const inBacklog = (a: Rec): boolean =>
  a.msdyn_transactiontypecode === TxType.UnbilledSales &&
  Number(a.msdyn_quantity) > 0 &&
  (a.msdyn_billingstatus === BillingStatus.UnbilledSalesCreated || a.msdyn_billingstatus === BillingStatus.ReadyToInvoice) &&
  !isAdjusted(a);

/** A fixed-price milestone is in the backlog until it is invoiced: Not ready or Ready to invoice. */
export const milestoneInBacklog = (m: Rec): boolean =>
  m.msdyn_invoicestatus === MilestoneStatus.NotReady || m.msdyn_invoicestatus === MilestoneStatus.Ready;

const isAdjusted = (a: Rec): boolean =>
  a.msdyn_adjustmentstatus === AdjustmentStatus.Adjusted || a.msdyn_adjustmentstatus === AdjustmentStatus.Unadjustable;

/** Marks an unbilled sales actual Ready to invoice (manage-billing-backlog.md). */
export function markActualReady(ctx: Ctx, id: string): Rec {
  const a = must(ctx, 'msdyn_actual', id);
  if (a.msdyn_transactiontypecode !== TxType.UnbilledSales || Number(a.msdyn_quantity) <= 0) throw refuse('rule.backlog-unbilled-sales-only', 'backlog.notUnbilledSales', { id });
  if (isAdjusted(a)) throw refuse('rule.backlog-adjusted-excluded', 'backlog.adjusted', { id });
  if (a.msdyn_billingstatus === BillingStatus.ReadyToInvoice) return a;
  if (a.msdyn_billingstatus !== BillingStatus.UnbilledSalesCreated) throw refuse('rule.backlog-unbilled-sales-only', 'backlog.wrongBillingStatus', { id });
  return patch(ctx, 'msdyn_actual', id, { msdyn_billingstatus: BillingStatus.ReadyToInvoice });
}

export function markActualNotReady(ctx: Ctx, id: string): Rec {
  const a = must(ctx, 'msdyn_actual', id);
  if (a.msdyn_billingstatus !== BillingStatus.ReadyToInvoice) throw refuse('rule.backlog-unbilled-sales-only', 'backlog.wrongBillingStatus', { id });
  return patch(ctx, 'msdyn_actual', id, { msdyn_billingstatus: BillingStatus.UnbilledSalesCreated });
}

export function markMilestoneReady(ctx: Ctx, id: string): Rec {
  const m = must(ctx, 'msdyn_contractlinescheduleofvalue', id);
  if (m.msdyn_invoicestatus === MilestoneStatus.Ready) return m;
  if (m.msdyn_invoicestatus !== MilestoneStatus.NotReady) throw refuse('rule.milestone-ready-from-not-ready', 'backlog.milestoneWrongStatus', { id });
  return patch(ctx, 'msdyn_contractlinescheduleofvalue', id, { msdyn_invoicestatus: MilestoneStatus.Ready });
}

/** Marks every eligible backlog item of a contract Ready to invoice; returns how many changed. */
export function markContractReady(ctx: Ctx, contractId: string): number {
  must(ctx, 'salesorder', contractId);
  let n = 0;
  for (const a of backlogActuals(ctx, contractId)) {
    if (a.msdyn_billingstatus === BillingStatus.UnbilledSalesCreated) { markActualReady(ctx, String(a.msdyn_actualid)); n++; }
  }
  const lines = new Set([...whereEq(ctx, 'salesorderdetail', '_salesorderid_value', contractId)].map((l) => l.salesorderdetailid));
  for (const m of where(ctx, 'msdyn_contractlinescheduleofvalue', (x) => lines.has(x._msdyn_contractlineid_value) && x.msdyn_invoicestatus === MilestoneStatus.NotReady)) {
    markMilestoneReady(ctx, String(m.msdyn_contractlinescheduleofvalueid)); n++;
  }
  return n;
}
