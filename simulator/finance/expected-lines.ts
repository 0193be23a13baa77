import { findBy } from '../store/types.js';
import type { Ctx } from '../domain/context.js';
import { TxType } from '../dataverse/entities.js';

/**
 * How many billed sales lines a project invoice proposal must get before Import from staging table may add any:
 * the billed sales actuals of its pro-forma invoice in Dataverse that dual-write carries to Actuals staging
 * (Skip Sync off).
 *
 * Source: troubleshooting/project-operations-integration/project-integration-workspace.md, "Use the Troubleshoot
 * tab": the proposal is not processed when its billed sales lines don't match the number Dataverse expects (lines
 * missing or too many); importing again later is the remedy. invoicing/format-update-project-invoice-proposals.md,
 * "Import from staging": lines are added only once all of them are ready.
 * Convention: the pages don't say how Finance learns the expected number; the simulator reads it from Dataverse
 * (Finance does read Dataverse during these processes: "Failed to retrieve data from Dataverse" on the same page).
 */
export function expectedBilledLines(ctx: Ctx, dataverseInvoiceId: unknown): number | undefined {
  // A proposal that no pro-forma invoice carried over (the map always sets DataverseInvoiceId; Finance-only test
  // fixtures don't): nothing to compare with.
  if (typeof dataverseInvoiceId !== 'string' || !dataverseInvoiceId) return undefined;
  let n = 0;
  for (const a of findBy(ctx.tx, 'msdyn_actual', '_msdyn_invoice_value', dataverseInvoiceId)) {
    if (a.msdyn_transactiontypecode === TxType.BilledSales && a.msdyn_skipsync !== true) n++;
  }
  return n;
}
