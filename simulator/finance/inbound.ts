import type { Rec } from '../store/types.js';
import { type Ctx, insert, patch } from '../domain/context.js';
import type { SimError } from '../errors.js';
import { foEntity, foId, PeriodUnit, ProposalStatus, STAGING } from './entities.js';
import { Finance } from '../errors/finance.js';
import type { RuleId } from '../rules/index.js';
import { customerTaxGroup } from './tax.js';

/**
 * What Finance does with a row that dual-write brings from Dataverse: validate it as the data entity's
 * validateWrite would, then create or update the target record. A refusal rolls back the whole live-sync
 * transaction on both sides.
 */
const financeRefusal = (rule: RuleId, key: string, params: Record<string, string | number>): SimError => Finance.refusal(rule, 'FinanceValidation', key, params);

function legalEntity(ctx: Ctx, dataAreaId: unknown): Rec {
  const le = dataAreaId ? ctx.tx.get('LegalEntity', String(dataAreaId)) : undefined;
  if (!le) throw financeRefusal('rule.legal-entity-boundary', 'finance.unknownCompany', { company: String(dataAreaId ?? '') });
  return le;
}

/** Proposal numbers follow the Dataverse Invoice ID; the number sequence must allow them (format-update-project-invoice-proposals.md). */
function checkNumberSequence(ctx: Ctx, dataAreaId: string, proposalId: string): void {
  const seqId = `${dataAreaId}|ProjInvoiceProposal`;
  const seq = ctx.tx.get('NumberSequence', seqId);
  if (!seq) return;
  const n = numberPart(proposalId);
  const highest = seq.HighestUsed ? numberPart(String(seq.HighestUsed)) : -1;
  if (highest >= 0 && n < highest && seq.AllowUserChangesToLowerNumber !== true) {
    throw financeRefusal('rule.number-sequence', 'finance.numberLower', { number: proposalId, highest: String(seq.HighestUsed) });
  }
  if (highest >= 0 && n > highest + 1 && seq.AllowUserChangesToHigherNumber !== true) {
    throw financeRefusal('rule.number-sequence', 'finance.numberHigher', { number: proposalId, highest: String(seq.HighestUsed) });
  }
  if (n > highest) patch(ctx, 'NumberSequence', seqId, { HighestUsed: proposalId });
}

const numberPart = (id: string): number => Number((/(\d+)(?!.*\d)/.exec(id) ?? ['', '0'])[1]);

export function receiveFromDataverse(ctx: Ctx, entity: string, values: Record<string, unknown>): Rec {
  const def = foEntity(entity);
  const le = legalEntity(ctx, values.dataAreaId);
  const id = foId(def, values);
  const existing = ctx.tx.get(entity, id);
  if (entity === STAGING) {
    const lp = String(values.BillingType ?? 'NotSpecified');
    if (values.TransType !== 'Cost' && !ctx.tx.get('ProjectLineProperty', `${le.LegalEntityId}|${lp}`)) {
      throw financeRefusal('rule.line-property-required', 'finance.linePropertyMissing', { lineProperty: lp, company: String(le.LegalEntityId) });
    }
  }
  if (existing) return patch(ctx, entity, id, values);
  switch (entity) {
    case 'ProjectInvoiceProposal':
      checkNumberSequence(ctx, String(le.LegalEntityId), String(values.ProposalId));
      return insert(ctx, entity, id, { ...values, Status: ProposalStatus.Open, LineCount: 0, InvoiceAmount: 0, SalesTaxAmount: 0, SalesTaxGroup: customerTaxGroup(ctx, String(le.LegalEntityId), values.CustomerAccount), CustomerInvoiceId: null, Voucher: null });
    case STAGING:
      return insert(ctx, entity, id, {
        ...values, IsProcessed: false, IntegrationCount: 1, IsJournalized: false, JournalPosted: false, JournalId: null,
        VoucherNumber: null, AccountingAmount: null, AmountMST: null, ExchangeRate: null, SalesTaxAmount: null, InvoiceProposalId: null, InvoiceProposalLineTransId: null,
      });
    default:
      return insert(ctx, entity, id, values);
  }
}

/** Line properties every project legal entity needs (resource-configure-integration-per-legal-entity.md). */
export const LINE_PROPERTIES: readonly { id: string; invoiced: boolean }[] = [
  { id: 'NotSpecified', invoiced: false }, { id: 'Chargeable', invoiced: true }, { id: 'NonChargeable', invoiced: false },
  { id: 'Complimentary', invoiced: false }, { id: 'NotAvailable', invoiced: false },
];

/** A new legal entity comes with its line properties, its project parameters and the invoice proposal number sequence. */
export function setUpLegalEntity(ctx: Ctx, le: Rec): void {
  const company = String(le.LegalEntityId);
  for (const lp of LINE_PROPERTIES) {
    const id = `${company}|${lp.id}`;
    if (!ctx.tx.get('ProjectLineProperty', id)) insert(ctx, 'ProjectLineProperty', id, { dataAreaId: company, LinePropertyId: lp.id, Name: lp.id, ToBeInvoiced: lp.invoiced });
  }
  // Its Project management and accounting parameters; convention: the journal period unit starts as Days (journal-periods.ts).
  if (!ctx.tx.get('ProjectParameter', company)) insert(ctx, 'ProjectParameter', company, { dataAreaId: company, IntegrationJournalPeriodUnit: PeriodUnit.Days });
  const seqId = `${company}|ProjInvoiceProposal`;
  if (!ctx.tx.get('NumberSequence', seqId)) {
    insert(ctx, 'NumberSequence', seqId, {
      dataAreaId: company, NumberSequenceCode: 'ProjInvoiceProposal', Reference: 'Invoice proposal',
      AllowUserChangesToLowerNumber: true, AllowUserChangesToHigherNumber: true, HighestUsed: null,
    });
  }
}
