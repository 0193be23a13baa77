import type { EntityDef, FieldDef } from '../schema.js';
import type { ReadView, Rec } from '../store/types.js';
import { stagingFields } from '../schema/finance-catalog.js';
import { ScopedMap, scopedList } from '../schema/scope.js';
import { taxEntities } from './tax-entities.js';

/**
 * Finance and Operations data entities. Microsoft documents the tables (ProjProposalJour, ProjCDSActualsImport…)
 * but not public names for all of these entities, so the collection names are ours (DESIGN.md).
 * Every company-specific record carries `dataAreaId`; its store id is its key values joined by '|'.
 */
const s = (extra: Partial<FieldDef> = {}): FieldDef => ({ type: 'string', maxLength: 60, ...extra });
const d = (extra: Partial<FieldDef> = {}): FieldDef => ({ type: 'decimal', ...extra });
const m = (extra: Partial<FieldDef> = {}): FieldDef => ({ type: 'money', ...extra });
const dt: FieldDef = { type: 'date' };
const b: FieldDef = { type: 'bool' };
const ro = { readOnly: true } as const;

export const ProposalStatus = { Open: 'Open', Posted: 'Posted' } as const;
export const JournalStatus = { Draft: 'Draft', Error: 'Error', Processing: 'Processing', Posted: 'Posted' } as const;
/**
 * The values of "Period unit on Project Operations Integration journal" (Project management and accounting parameters,
 * tab Project Operations on Dynamics 365 Customer Engagement; project-operations-integration-journal.md).
 */
export const PeriodUnit = { Days: 'Days', Months: 'Months', Years: 'Years', All: 'All' } as const;
/** Statuses of a ledger period (Finance's FiscalPeriodStatus: On hold, Open, Closed). */
export const LedgerPeriodStatus = { Open: 'Open', OnHold: 'OnHold', Closed: 'Closed' } as const;

const oneWay = { rule: 'seed.no-create-delete', key: 'proposal.oneWay' } as const;
const systemOnly = { rule: 'rule.system-records', key: 'finance.systemOnly' } as const;

/** The built-in entities; read them through `financeEntities` (an instance's extensions included). */
export const builtinFinanceEntities: readonly EntityDef[] = [
  {
    logicalName: 'LegalEntity', set: 'LegalEntities', key: ['LegalEntityId'], primaryName: 'Name',
    fields: { LegalEntityId: s({ required: true, maxLength: 4 }), Name: s(), AccountingCurrency: s({ required: true, maxLength: 3 }) },
  },
  {
    // CurrencyEntity, public collection Currencies, key CurrencyCode (CDM operationsCommon/Entities/System/SystemAdministration/
    // CurrencyEntity.md lists the columns; collection and key as public OData clients use them). GeneralRoundingRule
    // is the step amounts in the currency are rounded to; 0 (not set) rounds to cents (ledger.ts roundingOf).
    logicalName: 'Currency', set: 'Currencies', key: ['CurrencyCode'], primaryName: 'CurrencyCode',
    fields: { CurrencyCode: s({ required: true, maxLength: 3 }), Name: s(), Symbol: s({ maxLength: 5 }), GeneralRoundingRule: d() },
  },
  {
    // ExchangeRateEntity, public collection ExchangeRates, not company-specific (CDM .../SystemAdministration/ExchangeRateEntity.md
    // for the columns; collection, entity type and payload as public OData clients send them). A rate is quoted per
    // ConversionFactor units of FromCurrency ("Hundred": Rate per 100). The key is not documented; ours: rate type,
    // currency pair and start date (convention, docs/api.md "Exchange rates").
    logicalName: 'ExchangeRate', set: 'ExchangeRates', key: ['RateTypeName', 'FromCurrency', 'ToCurrency', 'StartDate'], primaryName: 'RateTypeName',
    fields: {
      RateTypeName: s({ required: true, maxLength: 20 }), RateTypeDescription: s(), FromCurrency: s({ required: true, maxLength: 3 }), ToCurrency: s({ required: true, maxLength: 3 }),
      StartDate: { type: 'date', required: true }, EndDate: dt, Rate: d({ required: true }), ConversionFactor: s({ maxLength: 20 }),
    },
  },
  {
    logicalName: 'ProjectLineProperty', set: 'ProjectLineProperties', key: ['dataAreaId', 'LinePropertyId'], primaryName: 'LinePropertyId', companySpecific: true,
    fields: { dataAreaId: s({ required: true }), LinePropertyId: s({ required: true }), Name: s(), ToBeInvoiced: b },
  },
  {
    logicalName: 'NumberSequence', set: 'NumberSequences', key: ['dataAreaId', 'NumberSequenceCode'], primaryName: 'NumberSequenceCode', companySpecific: true,
    fields: {
      dataAreaId: s({ required: true }), NumberSequenceCode: s({ required: true }), Reference: s(),
      AllowUserChangesToLowerNumber: b, AllowUserChangesToHigherNumber: b, HighestUsed: s(ro),
    },
  },
  {
    logicalName: 'ProjectInvoiceProposal', set: 'ProjectInvoiceProposals', key: ['dataAreaId', 'ProposalId'], primaryName: 'ProposalId', companySpecific: true,
    refuse: { create: oneWay, delete: oneWay }, updatable: ['InvoiceDate', 'Description', 'SalesTaxGroup'],
    fields: {
      dataAreaId: s(ro), ProposalId: s(ro), ContractId: s(ro), CustomerAccount: s(ro), CurrencyCode: s(ro), InvoiceDate: dt, Description: s(),
      DataverseInvoiceId: { type: 'guid', readOnly: true }, IsCorrection: { type: 'bool', readOnly: true },
      Status: { type: 'string', readOnly: true, optionSet: 'proposalStatus' }, LineCount: { type: 'int', readOnly: true },
      // SalesTaxGroup: the billing sales tax group, from the customer when the proposal arrives; new lines take it.
      InvoiceAmount: m(ro), SalesTaxAmount: m(ro), SalesTaxGroup: s({ maxLength: 10 }), CustomerInvoiceId: s(ro), Voucher: s(ro),
    },
  },
  {
    logicalName: 'ProjectInvoiceProposalLine', set: 'ProjectInvoiceProposalLines', key: ['dataAreaId', 'ProposalId', 'LineNum'], primaryName: 'ProposalId', companySpecific: true,
    // The accountant may change a line's sales tax group and item sales tax group before posting
    // (correct-project-invoice-proposals.md, "Adjust sales tax"); nothing else of a line.
    refuse: { create: systemOnly, delete: systemOnly }, updatable: ['SalesTaxGroup', 'ItemSalesTaxGroup'],
    fields: {
      dataAreaId: s(ro), ProposalId: s(ro), LineNum: { type: 'int', readOnly: true }, ActualId: { type: 'guid', readOnly: true }, ProjectId: s(ro), ContractLine: s(ro),
      TransactionClassification: s(ro), LineProperty: s(ro), Quantity: d(ro), SalesPrice: m(ro), Amount: m(ro), CurrencyCode: s(ro), Description: s(ro),
      SalesTaxGroup: s({ maxLength: 10 }), ItemSalesTaxGroup: s({ maxLength: 10 }), SalesTaxAmount: m(ro),
    },
  },
  {
    logicalName: 'ProjCDSActualsImport', set: 'ProjCDSActualsImports', key: ['dataAreaId', 'ActualsImportId'], primaryName: 'ActualsImportId', companySpecific: true,
    refuse: { create: systemOnly, update: systemOnly, delete: systemOnly },
    // Every column of the Common Data Model page is declared (simulator/schema/catalog/finance.json); the ones below
    // are those the domain fills, with the types the dual-write map writes (names of enums, line properties and contract
    // lines; NoYes as booleans), not the table's integers: docs/api.md "Columns".
    fields: stagingFields('ProjCDSActualsImport', {
      dataAreaId: s(ro), ActualsImportId: s(ro), ActualId: { type: 'guid', readOnly: true }, AccountingDate: dt, DocumentDate: dt, AdjustmentStatus: s(ro),
      Amount: m(ro), AmountMST: m(ro), BillingStatusId: s(ro), BillingType: s(ro), ContractId: s(ro), ContractLine: s(ro), Description: s(ro),
      ExchangeRate: d(ro), InvoiceId: s(ro), IsJournalized: b, ProjectId: s(ro), Quantity: d(ro), TransactionClassification: s(ro),
      TransactionCurrencyId: s(ro), TransType: s(ro), UnitPrice: m(ro), CustomerAccountNumber: s(ro),
      IsProcessed: b, IntegrationCount: { type: 'int', readOnly: true }, VoucherNumber: s(ro), SalesTaxAmount: m(ro), AccountingAmount: m(ro),
      InvoiceProposalId: s(ro), InvoiceProposalLineTransId: s(ro), JournalId: s(ro), JournalPosted: b,
    }),
  },
  {
    logicalName: 'ProjCDSTransactionRelationshipImport', set: 'ProjCDSTransactionRelationshipImports', key: ['dataAreaId', 'RelationshipId'], primaryName: 'RelationshipId', companySpecific: true,
    refuse: { create: systemOnly, update: systemOnly, delete: systemOnly },
    // The page's TransactionRelationshipId/Transaction1Id/Transaction2Id are declared (null); the dual-write map
    // fills RelationshipId/Transaction1/Transaction2, which stay as simulator columns (`sim`).
    fields: stagingFields('ProjCDSTransactionRelationshipImport', {
      dataAreaId: s(ro), RelationshipId: { type: 'guid', readOnly: true }, Transaction1: { type: 'guid', readOnly: true }, Transaction1Role: s(ro), Transaction1Type: s(ro),
      Transaction2: { type: 'guid', readOnly: true }, Transaction2Role: s(ro), Transaction2Type: s(ro),
    }),
  },
  {
    // The integration table of the milestone map (Common Data Model: Tables/ProfessionalServices/ProjectManagementAndAccounting/
    // Transaction/ProjCDSContractLineMilestoneImport.md): the columns the map fills. TransactionId is the milestone's GUID.
    logicalName: 'ProjCDSContractLineMilestoneImport', set: 'ProjCDSContractLineMilestoneImports', key: ['dataAreaId', 'TransactionId'], primaryName: 'TransactionId', companySpecific: true,
    refuse: { create: systemOnly, update: systemOnly, delete: systemOnly },
    fields: { dataAreaId: s(ro), TransactionId: s(ro), ContractLineRef: s(ro), InvoiceDate: dt, Description: s(ro), CurrencyId: s(ro), Amount: m(ro) },
  },
  {
    // Project management and accounting parameters of a company, created with it. No public entity documents the
    // integration journal's period unit: collection `ProjectParameters` (after CDM ProjectParameterEntity, whose 10.0.13
    // column list predates the field) and column `IntegrationJournalPeriodUnit` are ours (convention, docs/api.md).
    logicalName: 'ProjectParameter', set: 'ProjectParameters', key: ['dataAreaId'], primaryName: 'dataAreaId', companySpecific: true,
    refuse: { create: systemOnly, delete: systemOnly }, updatable: ['IntegrationJournalPeriodUnit', 'TaxItemGroupOnAcc'],
    fields: {
      dataAreaId: s(ro),
      IntegrationJournalPeriodUnit: { type: 'option', options: Object.values(PeriodUnit), optionSet: 'integrationJournalPeriodUnit', required: true },
      // The item sales tax group of milestone (on-account) lines (tax.ts; sales tax setup in tax-entities.ts).
      TaxItemGroupOnAcc: s({ maxLength: 10 }),
    },
  },
  {
    // A ledger period of a company and its status (close-general-ledger-at-period-end). The ledger calendar has no
    // public entity in our sources: collection and columns are ours, minimal (convention, docs/api.md). A date in no
    // period is open.
    logicalName: 'LedgerPeriod', set: 'LedgerPeriods', key: ['dataAreaId', 'StartDate'], primaryName: 'StartDate', companySpecific: true,
    fields: {
      dataAreaId: s({ required: true }), StartDate: { type: 'date', required: true }, EndDate: { type: 'date', required: true },
      Status: { type: 'option', options: Object.values(LedgerPeriodStatus), optionSet: 'ledgerPeriodStatus', required: true },
    },
  },
  {
    // The Project Operations integration journal (project-operations-integration-journal.md). No public entity is
    // documented: collection and column names are ours. `OriginalJournalId` is the page's "Original journal",
    // `PeriodStartDate` the start of the period unit the journal groups (none for All).
    logicalName: 'ProjectIntegrationJournal', set: 'ProjectIntegrationJournals', key: ['dataAreaId', 'JournalId'], primaryName: 'JournalId', companySpecific: true,
    refuse: { create: systemOnly, update: systemOnly, delete: systemOnly },
    fields: {
      dataAreaId: s(ro), JournalId: s(ro), Description: s(ro), Status: { type: 'string', readOnly: true, optionSet: 'journalLineStatus' }, LineCount: { type: 'int', readOnly: true },
      OriginalJournalId: s(ro), PeriodStartDate: { type: 'date', readOnly: true },
    },
  },
  {
    // Lines can be deleted before they are posted (records.ts → journal-lines.ts); each has its own voucher.
    logicalName: 'ProjectIntegrationJournalLine', set: 'ProjectIntegrationJournalLines', key: ['dataAreaId', 'JournalId', 'LineNum'], primaryName: 'JournalId', companySpecific: true,
    refuse: { create: systemOnly, update: systemOnly },
    fields: {
      dataAreaId: s(ro), JournalId: s(ro), LineNum: { type: 'int', readOnly: true }, ActualId: { type: 'guid', readOnly: true }, ActualsImportId: s(ro),
      TransType: s(ro), TransactionClassification: s(ro), ProjectId: s(ro), Quantity: d(ro), Amount: m(ro), CurrencyCode: s(ro), AccountingDate: dt,
      Status: { type: 'string', readOnly: true, optionSet: 'journalLineStatus' }, Voucher: s(ro),
    },
  },
  {
    logicalName: 'CustomerInvoice', set: 'CustomerInvoices', key: ['dataAreaId', 'InvoiceId'], primaryName: 'InvoiceId', companySpecific: true,
    refuse: { create: systemOnly, update: systemOnly, delete: systemOnly },
    fields: {
      dataAreaId: s(ro), InvoiceId: s(ro), ProposalId: s(ro), CustomerAccount: s(ro), InvoiceDate: dt, CurrencyCode: s(ro),
      InvoiceAmount: m(ro), SalesTaxAmount: m(ro), TotalAmount: m(ro), AmountMST: m(ro), ExchangeRate: d(ro), Voucher: s(ro),
    },
  },
  {
    logicalName: 'LedgerVoucher', set: 'LedgerVouchers', key: ['dataAreaId', 'Voucher', 'LineNum'], primaryName: 'Voucher', companySpecific: true,
    refuse: { create: systemOnly, update: systemOnly, delete: systemOnly },
    fields: {
      dataAreaId: s(ro), Voucher: s(ro), LineNum: { type: 'int', readOnly: true }, AccountingDate: dt, MainAccount: s(ro), PostingType: s(ro),
      AmountCur: m(ro), CurrencyCode: s(ro), AmountMST: m(ro), Text: s(ro),
    },
  },
  ...taxEntities,
];

// The current instance's entities: the built-in ones with its schema extensions (schema/scope.ts).
export const financeEntities: readonly EntityDef[] = scopedList(builtinFinanceEntities, (sc) => sc.finance);
export const financeBySet: ReadonlyMap<string, EntityDef> = new ScopedMap(builtinFinanceEntities.map((e) => [e.set, e]), (sc) => sc.financeBySet);
export const financeByName: ReadonlyMap<string, EntityDef> = new ScopedMap(builtinFinanceEntities.map((e) => [e.logicalName, e]), (sc) => sc.financeByName);

export function foEntity(name: string): EntityDef {
  const e = financeByName.get(name);
  if (!e) throw new Error(`unknown Finance entity ${name}`);
  return e;
}
/** The Actuals staging table (Project Operations integration actuals lands here). */
export const STAGING = 'ProjCDSActualsImport';

/** Store id of a Finance record: its key values joined by '|'. */
export const foId = (def: EntityDef, rec: Readonly<Record<string, unknown>>): string => def.key.map((k) => String(rec[k])).join('|');

/** The lines of a header, in order: ids `<header id>|1`, `|2`, … up to the first missing number (lines are never removed). */
export function numberedLines(view: ReadView, table: string, headerId: string): Rec[] {
  const out: Rec[] = [];
  for (let n = 1; ; n++) {
    const line = view.get(table, `${headerId}|${n}`);
    if (!line) return out;
    out.push(line);
  }
}
