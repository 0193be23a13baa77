import type { Rec } from '../store/types.js';
import { type Ctx, applied, insert, nextNumber, pad, patch, today } from '../domain/context.js';
import { type Dec, dec, num, toFixed } from '../domain/money.js';
import { SimError, isSimError } from '../errors.js';
import { ProposalStatus, STAGING, numberedLines } from './entities.js';
import {
  PostingType, VoucherBuilder, accountingCurrency, legalEntity, lineInvoiced, newVoucher, rateLookup, rateNumber, requireRate, roundingOf, toMST,
} from './ledger.js';
import { type ProcessLog, error, info, warning } from './process-log.js';
import { Finance } from '../errors/finance.js';
import { lineSalesTax } from './tax.js';

/**
 * Posting a project invoice proposal (post-project-invoices.md, format-update-project-invoice-proposals.md
 * "Posting result"): a customer invoice and one voucher —
 * - per time and material line whose unbilled sales were posted to WIP: Cr WIP - sales value, Dr accrued revenue
 *   (the amounts in accounting currency of the journal posting, so WIP clears exactly);
 * - per chargeable line: Cr invoiced revenue, Cr sales tax (the codes of the line's sales tax group and item sales
 *   tax group, rounded per line and code: tax.ts);
 * - Dr customer balance, the invoice total including tax (it takes the rounding remainder in accounting currency).
 * Billed sales reversals (credit notes) post the same with negative amounts.
 */

export function postProposal(ctx: Ctx, dataAreaId: string, proposalId: string): Rec {
  const id = `${dataAreaId}|${proposalId}`;
  const proposal = ctx.tx.get('ProjectInvoiceProposal', id);
  if (!proposal) throw Finance.notFound('ProjectInvoiceProposals', id);
  if (proposal.Status === ProposalStatus.Posted) throw Finance.refusal('rule.proposal-posted-once', 'ProposalPosted', 'finance.proposalPosted', { proposal: proposalId });
  const lines = numberedLines(ctx.tx, 'ProjectInvoiceProposalLine', id);
  if (lines.length === 0) throw Finance.refusal('rule.post-needs-lines', 'ProposalWithoutLines', 'finance.proposalWithoutLines', { proposal: proposalId });

  applied(ctx, 'seed.customer-facing-invoice');
  const le = legalEntity(ctx, dataAreaId);
  const mst = accountingCurrency(le);
  const currency = String(proposal.CurrencyCode ?? mst);
  const invoiceDate = String(proposal.InvoiceDate ?? today(ctx)).slice(0, 10);
  const rates = rateLookup(ctx);
  const rate = requireRate(rates, currency, mst, invoiceDate);
  // Each currency rounds to its own rule: tax in the invoice's currency, conversions in the accounting currency.
  const rounding = roundingOf(ctx);
  const curStep = rounding(currency);
  const mstStep = rounding(mst);

  // Plan every amount before the first write: a refusal leaves the proposal as it was.
  const planned = lines.map((line) => {
    const amount = dec(line.Amount);
    const chargeable = lineInvoiced(ctx, dataAreaId, line.LineProperty);
    const groups = { salesTaxGroup: line.SalesTaxGroup ? String(line.SalesTaxGroup) : null, itemSalesTaxGroup: line.ItemSalesTaxGroup ? String(line.ItemSalesTaxGroup) : null };
    const tax = chargeable ? lineSalesTax(ctx, dataAreaId, amount, groups, invoiceDate, curStep) : 0n;
    let wip: { cur: Dec; mst: Dec; currency: string } | undefined;
    if (line.SourceKind === 'TimeAndMaterial' && line.UnbilledActualId) {
      const unbilled = ctx.tx.get(STAGING, `${dataAreaId}|${String(line.UnbilledActualId)}`);
      if (unbilled && unbilled.JournalPosted === true && lineInvoiced(ctx, dataAreaId, unbilled.BillingType)) {
        const cur = dec(unbilled.Amount);
        const unbilledCurrency = String(unbilled.TransactionCurrencyId ?? currency);
        const mstAmount = unbilled.AccountingAmount !== null && unbilled.AccountingAmount !== undefined
          ? dec(unbilled.AccountingAmount)
          : toMST(cur, requireRate(rates, unbilledCurrency, mst, invoiceDate), mstStep);
        wip = { cur, mst: mstAmount, currency: unbilledCurrency };
      }
    }
    return { line, amount, chargeable, tax, wip, amountMST: toMST(amount, rate, mstStep) };
  });

  if (currency !== mst) applied(ctx, 'rule.transaction-currency');
  let invoiceAmount = 0n;
  let taxAmount = 0n;
  const voucher = newVoucher(ctx, dataAreaId);
  const v = new VoucherBuilder(dataAreaId, voucher);
  for (const p of planned) {
    const text = `${proposalId} ${String(p.line.Description ?? '')}`.trim();
    if (p.wip) v.pair(PostingType.ProjectAccruedRevenue, PostingType.ProjectWIPSalesValue, p.wip.cur, p.wip.currency, p.wip.mst, invoiceDate, text);
    if (!p.chargeable) continue;
    invoiceAmount += p.amount;
    taxAmount += p.tax;
    v.add(PostingType.ProjectInvoicedRevenue, -p.amount, currency, -p.amountMST, invoiceDate, text);
    v.add(PostingType.SalesTax, -p.tax, currency, -toMST(p.tax, rate, mstStep), invoiceDate, text);
  }
  const total = invoiceAmount + taxAmount;
  const customerMST = v.balance(PostingType.CustomerBalance, total, currency, invoiceDate, proposalId);
  v.write(ctx);

  const invoiceId = `CIV-${pad(nextNumber(ctx, `custinvoice:${dataAreaId}`), 6)}`;
  const invoice = insert(ctx, 'CustomerInvoice', `${dataAreaId}|${invoiceId}`, {
    dataAreaId, InvoiceId: invoiceId, ProposalId: proposalId, CustomerAccount: proposal.CustomerAccount ?? null, InvoiceDate: invoiceDate,
    CurrencyCode: currency, InvoiceAmount: num(invoiceAmount), SalesTaxAmount: num(taxAmount), TotalAmount: num(total),
    AmountMST: num(customerMST), ExchangeRate: rateNumber(rate), Voucher: voucher,
  });
  patch(ctx, 'ProjectInvoiceProposal', id, {
    Status: ProposalStatus.Posted, CustomerInvoiceId: invoiceId, Voucher: voucher, InvoiceDate: invoiceDate,
    InvoiceAmount: num(invoiceAmount), SalesTaxAmount: num(taxAmount),
  });
  for (const p of planned) {
    patch(ctx, 'ProjectInvoiceProposalLine', `${id}|${String(p.line.LineNum)}`, { SalesTaxAmount: num(p.tax) });
    const stagingId = `${dataAreaId}|${String(p.line.ActualsImportId ?? p.line.ActualId)}`;
    if (!ctx.tx.get(STAGING, stagingId)) continue;
    patch(ctx, STAGING, stagingId, {
      VoucherNumber: voucher, AccountingAmount: num(p.amountMST), AmountMST: num(p.amountMST), ExchangeRate: rateNumber(rate), ExchangeRateDate: invoiceDate, SalesTaxAmount: num(p.tax),
    });
  }
  return invoice;
}

/**
 * The periodic process "Post invoice proposals" (Project management and accounting › Periodic › Project invoices):
 * posts every open proposal with lines, one at a time; a proposal without lines is skipped with a warning, a
 * refused one is logged and left open.
 */
export function postInvoiceProposals(ctx: Ctx, opts: { company?: string } = {}): ProcessLog[] {
  const company = opts.company ? opts.company.toUpperCase() : undefined;
  const log: ProcessLog[] = [];
  const open = [...ctx.tx.all('ProjectInvoiceProposal')].filter((p) => p.Status !== ProposalStatus.Posted && (!company || p.dataAreaId === company));
  let posted = 0;
  let skipped = 0;
  let failed = 0;
  for (const p of open) {
    const dataAreaId = String(p.dataAreaId);
    const proposal = String(p.ProposalId);
    if (Number(p.LineCount ?? 0) === 0) {
      log.push(warning('finance.proposalWithoutLines', { proposal, company: dataAreaId }));
      skipped++;
      continue;
    }
    try {
      const inv = postProposal(ctx, dataAreaId, proposal);
      log.push(info('finance.proposalPostedAs', { proposal, company: dataAreaId, invoice: String(inv.InvoiceId), voucher: String(inv.Voucher), amount: toFixed(dec(inv.TotalAmount)), currency: String(inv.CurrencyCode) }));
      posted++;
    } catch (e) {
      // postProposal checks everything before writing, so a refusal leaves nothing half-posted.
      if (!isSimError(e)) throw e;
      log.push(error(e.key, { ...e.params, proposal, company: dataAreaId }));
      failed++;
    }
  }
  log.push(info('finance.postingFinished', { posted, skipped, failed }));
  return log;
}
