import { translator, type Lang } from '../i18n.js';
import { tableMaps } from '../dualwrite/maps.js';

/**
 * Which part of the picture a Gherkin step touches, by step id (the keys of `locales/en/steps.json`).
 * Areas are the `data-area` names of the page: Dataverse `backlog`, `proforma`, `confirm`, `actuals`; dual-write
 * `map-<mapId>` and `writeback`; Finance `proposals`, `staging`, `import`, `journal`, `lines`, `post`, `invoices`;
 * and `clock`. Steps whose parameter decides (which map, which process, which table) are resolved from the
 * step's text and the labels of its language. The page also lights up whatever a commit touches.
 */
export const AREAS = [
  'backlog', 'proforma', 'confirm', 'actuals', 'map-pi_v2', 'map-actuals', 'map-txconn', 'map-legal_entities', 'map-milestones', 'map-customerinvoices', 'writeback',
  'proposals', 'staging', 'import', 'journal', 'lines', 'post', 'invoices', 'clock',
] as const;
export type Area = (typeof AREAS)[number];

const CONFIRM: readonly Area[] = ['confirm', 'map-pi_v2', 'map-actuals', 'actuals', 'proposals', 'staging'];
const APPROVE: readonly Area[] = ['backlog', 'map-actuals', 'staging'];
const DRAFT: readonly Area[] = ['proforma'];
const PROPOSAL: readonly Area[] = ['proposals', 'map-pi_v2'];
// Posting writes the accounting details back (actuals) and, through the export map when it runs, the customer invoice
// number, date and status Posted to the pro-forma invoice (format-update-project-invoice-proposals.md).
const POST: readonly Area[] = ['post', 'proposals', 'invoices', 'writeback', 'actuals', 'map-customerinvoices'];
// A contract line milestone goes to Finance through its own map (resource-dual-write-setup-integration.md, "Billing milestones").
const MILESTONE: readonly Area[] = ['backlog', 'map-milestones'];

/** Areas of the step ids of locales/en/steps.json. */
export const STEP_AREAS: Readonly<Record<string, readonly Area[]>> = {
  'setup.legalEntity': ['map-legal_entities'],
  'setup.contract': ['backlog'],
  'setup.tmLine': ['backlog'],
  'setup.milestone': MILESTONE,
  'work.approved': APPROVE,
  'work.approvedReady': APPROVE,
  'work.many': APPROVE,
  'backlog.markReady': ['backlog'],
  'invoice.create': ['backlog', 'proforma'],
  'invoice.createNamed': ['backlog', 'proforma'],
  'invoice.createConfirm': ['proforma', ...CONFIRM],
  'invoice.confirm': CONFIRM,
  'invoice.confirmNamed': CONFIRM,
  'invoice.tryConfirm': CONFIRM,
  'invoice.tryConfirmNamed': CONFIRM,
  'invoice.editQuantity': DRAFT,
  'invoice.tryEditQuantity': DRAFT,
  'invoice.editBillingType': DRAFT,
  'invoice.action': DRAFT,
  'invoice.tryAction': DRAFT,
  'invoice.tryEdit': DRAFT,
  'invoice.tryDelete': DRAFT,
  'invoice.setStatus': DRAFT,
  'invoice.trySetStatus': DRAFT,
  'invoice.markPaid': ['confirm'],
  'invoice.tryMarkPaid': DRAFT,
  'process.run': ['import', 'staging', 'lines', 'journal'],
  'journal.post': ['import', 'journal'],
  'journal.posted': ['import', 'journal', 'staging'],
  'proposal.post': POST,
  'proposal.tryPost': POST,
  'proposal.tryCreate': PROPOSAL,
  'proposal.tryDelete': PROPOSAL,
  'proposal.editDescription': PROPOSAL,
  'finance.numberSequenceLower': ['proposals'],
  'finance.removeLineProperty': ['map-actuals', 'staging'],
  'finance.addLineProperty': ['map-actuals', 'staging'],
  'map.pause': ['map-actuals'],
  'map.stop': ['map-actuals'],
  'map.resume': ['map-actuals'],
  'map.retry': ['map-actuals'],
  'map.state': ['map-actuals'],
  'map.queued': ['map-actuals'],
  'map.errors': ['map-actuals'],
  'map.run': ['map-actuals', 'writeback'],
  'map.rerunInitialSync': ['map-actuals'],
  'map.initialSyncErrors': ['map-actuals'],
  'clock.hours': ['clock'],
  'clock.days': ['clock'],
  'work.tryApprove': APPROVE,
  'actual.edit': ['backlog', 'actuals'],
  'actual.tryEdit': ['backlog', 'actuals'],
  'actual.tryCreate': ['backlog', 'actuals'],
  'actual.tryDelete': ['backlog', 'actuals'],
  'then.invoiceStatus': DRAFT,
  'then.invoiceStatusNamed': DRAFT,
  'then.customerInvoiceShown': ['map-customerinvoices', 'proforma'],
  'then.invoiceTotal': DRAFT,
  'then.invoiceName': DRAFT,
  'then.proposalExists': PROPOSAL,
  'then.proposalExistsNamed': PROPOSAL,
  'then.noProposal': PROPOSAL,
  'then.proposalNoLines': ['proposals', 'lines'],
  'then.proposalLines': ['proposals', 'lines'],
  'then.importMismatch': ['import', 'proposals'],
  'then.proposalAmount': ['proposals', 'lines'],
  'then.proposalCompany': PROPOSAL,
  'then.tableCount': [],
  'then.tableCountCompany': [],
  'then.actualsCreated': ['actuals'],
  'then.noActualsCreated': ['actuals'],
  'then.originalBillingStatus': ['backlog'],
  'then.originalAdjustmentStatus': ['backlog'],
  'then.backlogHours': ['backlog'],
  'then.milestoneStatus': MILESTONE,
  'then.refused': [],
  'then.accountingDetails': ['actuals', 'writeback', 'invoices'],
  'then.voucher': ['actuals', 'writeback', 'invoices'],
  'then.actualShows': ['backlog', 'actuals'],
  'then.actualUnchanged': ['backlog', 'actuals'],
  // Refusals of the backlog and the contract, draft edits, time approval, currencies (issue 12, 14).
  'backlog.tryMarkOriginalReady': ['backlog'],
  'backlog.tryMarkCostReady': ['backlog'],
  'contract.tryChangeCompany': ['backlog'],
  'then.contractCompany': ['backlog'],
  'setup.milestoneCost': MILESTONE,
  'setup.fpLine': ['backlog'],
  'setup.contractIn': ['backlog'],
  'setup.exchangeRate': ['import', 'journal', 'post'],
  'invoice.tryEditBillingType': DRAFT,
  'invoice.editPrice': DRAFT,
  'invoice.tryClose': DRAFT,
  'invoice.tryCancel': DRAFT,
  'invoice.deleteDetail': DRAFT,
  'then.projectActuals': ['actuals'],
  'then.timeEntryActuals': ['actuals'],
  'time.enter': ['backlog'],
  'time.submit': ['backlog'],
  'time.billableHours': ['backlog'],
  'time.approve': APPROVE,
  'time.recall': ['backlog', 'actuals', 'map-actuals'],
  'time.tryRecall': ['backlog', 'actuals'],
  'time.approveRecall': ['actuals', 'map-actuals'],
  'time.cancelApproval': ['actuals', 'map-actuals'],
  'time.tryCancelApproval': ['actuals'],
  'contract.confirm': ['backlog', 'actuals', 'map-actuals'],
  'then.timeJournalLines': ['backlog'],
  'then.invoiceCurrency': DRAFT,
  'then.proposalCurrency': PROPOSAL,
  'then.customerInvoiceCurrency': ['invoices'],
  'then.costCurrency': ['actuals'],
  'then.unbilledCurrency': ['actuals'],
  'then.billedCurrency': ['actuals'],
  'then.unbilledAccountingDetails': ['writeback', 'actuals'],
  'then.unbilledLacks': ['actuals'],
  'then.billedLacks': ['actuals'],
  'then.jobLogNoRate': ['import'],
  // expenses (issue 14, part 1)
  'expense.categoryPrices': ['backlog'],
  'expense.priceListDates': ['backlog'],
  'expense.lineExcludes': ['backlog'],
  'expense.approved': APPROVE,
  'expense.approvedUnits': APPROVE,
  'expense.then.actuals': ['actuals'],
  'expense.then.billedLacks': ['actuals'],
  'expense.then.voucher': ['writeback', 'actuals'],
  'expense.then.proposalLine': PROPOSAL,
  'expense.then.categoryPriceCurrency': ['backlog'],
  'entry.material': ['backlog'],
  'entry.fee': ['backlog'],
  'entry.feeAsCost': ['backlog'],
  'entry.confirm': APPROVE,
  'entry.tryConfirm': ['backlog', 'actuals'],
  'entry.tryChangeQuantity': ['backlog'],
  'contract.noFees': ['backlog'],
  'then.entryNotInvoiceable': ['actuals', 'backlog'],
  'then.proposalLineTable': ['proposals', 'lines'],
  'then.allVouchers': ['actuals', 'writeback', 'invoices'],
  'journal.periodUnit': ['import', 'journal'],
  'journal.ledgerPeriod': ['journal'],
  'journal.deleteUnbilledLine': ['journal', 'staging'],
  'journal.tryDeleteUnbilledLine': ['journal'],
  'journal.tryPostErrorJournal': ['journal'],
  'journal.resetErrorJournal': ['journal'],
  'journal.thenPeriodNotOpen': ['journal'],
  'journal.thenErrorJournal': ['journal'],
  'journal.thenOwnVouchers': ['journal'],
  'journal.thenJournalVoucherLines': ['journal', 'writeback'],
  'journal.thenInvoiceVoucherLines': ['invoices'],
  // Sales tax (issue 14 part 4): the setup is Finance's, the groups live on the proposal lines.
  'tax.legalEntity': ['map-legal_entities'],
  'tax.code': ['post'],
  'tax.codeChanged': ['post'],
  'tax.group': ['post'],
  'tax.itemGroup': ['post'],
  'tax.customerGroup': ['proposals'],
  'tax.categoryHours': ['lines'],
  'tax.setLineGroup': ['lines'],
  'tax.setLineItemGroup': ['lines'],
  'tax.trySetLineItemGroup': ['lines'],
  'tax.deleteAll': ['lines', 'staging', 'proposals'],
  'tax.thenLineGroups': ['lines'],
  'tax.thenInvoiceTax': ['invoices'],
  'tax.thenProformaTax': ['proforma'],
};

/** Areas of the record tables a step may name (by their localized entity label). */
const TABLE_AREAS: Readonly<Record<string, readonly Area[]>> = {
  msdyn_actual: ['actuals'], invoice: ['proforma'], ProjectInvoiceProposal: ['proposals'], ProjectInvoiceProposalLine: ['lines'],
  ProjCDSActualsImport: ['staging'], ProjectIntegrationJournal: ['journal'], ProjectIntegrationJournalLine: ['journal'],
  CustomerInvoice: ['invoices'], LedgerVoucher: ['invoices'], msdyn_contractlinescheduleofvalue: MILESTONE, ProjCDSContractLineMilestoneImport: ['map-milestones'],
};

/** Fallback for step ids not in the table: words of the id (or the phrase). */
const RULES: readonly [RegExp, readonly Area[]][] = [
  [/legal.?entit|company/i, ['map-legal_entities']],
  [/milestone/i, MILESTONE],
  [/hours?|time.?entr|expense|approv|ready|backlog|unbilled/i, ['backlog']],
  [/pro.?forma|create.?invoice|draft|correct/i, ['proforma']],
  [/confirm/i, CONFIRM],
  [/proposal/i, ['proposals']],
  [/staging|import/i, ['staging', 'import']],
  [/journal/i, ['journal']],
  [/\bpost/i, POST],
  [/voucher|accounting|exchange.?rate|sales.?tax|write.?back/i, ['writeback', 'actuals']],
  [/\bmap\b|pause|resume|queue|catch.?up/i, ['map-pi_v2', 'map-actuals']],
  [/clock|advance|recurrence/i, ['clock']],
];

/** The part of the picture a step touches: its id's areas, refined by what its text names. */
export function areasOf(stepId: string | undefined, text = '', lang: Lang = 'en'): Area[] {
  const out = new Set<Area>();
  const known = stepId ? STEP_AREAS[stepId] : undefined;
  if (known) for (const a of known) out.add(a);
  else for (const [re, areas] of RULES) if (re.test((stepId ?? text).replace(/[_.-]+/g, ' '))) for (const a of areas) out.add(a);

  const t = translator(lang);
  const has = (label: string): boolean => label.length > 0 && text.toLowerCase().includes(label.toLowerCase());
  if (stepId?.startsWith('map.')) {
    // the maps the picture draws (all six have a card)
    const named = tableMaps.filter((m) => (AREAS as readonly string[]).includes(`map-${m.id}`) && has(t(`labels:maps.${m.id}`)));
    if (named.length) {
      out.clear();
      for (const m of named) out.add(`map-${m.id}` as Area);
    }
  }
  if (stepId === 'process.run' && has(t('labels:processes.post_proposals'))) {
    out.clear();
    for (const a of POST) out.add(a);
  }
  if (stepId?.startsWith('then.tableCount')) {
    for (const [table, areas] of Object.entries(TABLE_AREAS)) {
      if (has(t(`labels:entities.${table}.other`)) || has(t(`labels:entities.${table}.one`))) for (const a of areas) out.add(a);
    }
  }
  return [...out];
}
