import type { RuleId } from '../rules/index.js';

/**
 * The dual-write table maps of the project invoice integration, as data (domain.md §2.6, §3).
 * `dir` of a field pair uses the dual-write management API's sync directions: FO→CE 1, CE→FO 2, both 3.
 */
import { ScopedMap, currentSchema, scopedList } from '../schema/scope.js';

export type MapId = 'legal_entities' | 'pi_v2' | 'actuals' | 'txconn' | 'milestones' | 'customerinvoices';

export const SyncDirection = { ToDataverse: 1, ToFinance: 2, Both: 3 } as const;

export interface FieldPair {
  readonly dataverse: string;
  readonly finance: string;
  readonly dir: 1 | 2 | 3;
  /** Name of a transform in transforms.ts; none = the value as it is. */
  readonly transform?: string;
  /** A schema extension's value map for this pair, in dual-write's JSON (schema/extensions.ts, transforms.ts valueMapped). */
  readonly transforms?: readonly ValueMapTransform[];
}

/** A dual-write transform of a column mapping, as dual-write's JSON writes it (dual-write/customizing-mappings.md). */
export interface ValueMapTransform {
  readonly transformType: 'ValueMap';
  /** Finance value → Dataverse value (an option value, as text or a number; null: no value). */
  readonly valueMap: Readonly<Record<string, string | number | null>>;
}

export interface TableMap {
  readonly id: MapId;
  /** Display name: `labels:maps.<id>`. */
  readonly version: string;
  readonly dataverse: string;
  readonly finance: string;
  /** Which side creates the rows. */
  readonly master: 'dataverse' | 'finance';
  readonly integrationKey: { readonly dataverse: string; readonly finance: readonly string[] };
  /** Name of a source-row filter in runtime.ts (the map's query filter, on the side the map reads from). */
  readonly filter?: 'confirmedInvoices' | 'syncedActuals' | 'actualConnections' | 'postedProposals';
  /** The state after installation when not Running: a map the administrator must run first. */
  readonly initialState?: 'NotRunning';
  /** Where the company of a row comes from when its table has no company column: lookups to follow to a row that has one. */
  readonly companyVia?: readonly { readonly lookup: string; readonly table: string }[];
  readonly fields: readonly FieldPair[];
  /** The rule of the registry the map's carrying applies, where one states it (simulator/rules/). */
  readonly rule?: RuleId;
  /** Order in the solution: maps are run in this order (resource-dual-write-maps.md install order). */
  readonly order: number;
}

const f = (dataverse: string, finance: string, dir: 1 | 2 | 3, transform?: string): FieldPair => ({ dataverse, finance, dir, transform });

/** The built-in maps; read them through `tableMaps` (an instance's field-map extensions included). */
export const builtinTableMaps: readonly TableMap[] = [
  {
    id: 'legal_entities', version: '1.0.0.2', dataverse: 'cdm_company', finance: 'LegalEntity', master: 'finance', order: 1,
    integrationKey: { dataverse: 'cdm_companycode', finance: ['LegalEntityId'] },
    fields: [f('cdm_companycode', 'LegalEntityId', 1), f('cdm_name', 'Name', 1), f('msdyn_accountingcurrencycode', 'AccountingCurrency', 1)],
  },
  {
    id: 'pi_v2', version: '1.0.0.5', dataverse: 'invoice', finance: 'ProjectInvoiceProposal', master: 'dataverse', order: 2, filter: 'confirmedInvoices',
    integrationKey: { dataverse: 'invoicenumber', finance: ['dataAreaId', 'ProposalId'] },
    fields: [
      f('_msdyn_company_value', 'dataAreaId', 2, 'company'), f('invoicenumber', 'ProposalId', 2), f('invoiceid', 'DataverseInvoiceId', 2),
      f('_salesorderid_value', 'ContractId', 2, 'contract'), f('_customerid_value', 'CustomerAccount', 2, 'account'),
      f('_transactioncurrencyid_value', 'CurrencyCode', 2, 'currency'), f('msdyn_invoicedate', 'InvoiceDate', 2), f('name', 'Description', 2),
      f('msdyn_hascorrections', 'IsCorrection', 2),
    ],
  },
  {
    id: 'actuals', version: '1.0.0.19', dataverse: 'msdyn_actual', finance: 'ProjCDSActualsImport', master: 'dataverse', order: 3, filter: 'syncedActuals',
    integrationKey: { dataverse: 'msdyn_actualid', finance: ['dataAreaId', 'ActualsImportId'] },
    fields: [
      f('_msdyn_company_value', 'dataAreaId', 2, 'company'), f('msdyn_actualid', 'ActualsImportId', 2), f('msdyn_actualid', 'ActualId', 2),
      f('msdyn_accountingdate', 'AccountingDate', 2), f('msdyn_documentdate', 'DocumentDate', 2),
      f('msdyn_adjustmentstatus', 'AdjustmentStatus', 2, 'adjustmentStatus'), f('msdyn_amount', 'Amount', 2),
      f('msdyn_billingstatus', 'BillingStatusId', 2, 'billingStatus'), f('msdyn_billingtype', 'BillingType', 2, 'lineProperty'),
      f('_msdyn_salescontract_value', 'ContractId', 2, 'contract'), f('_msdyn_salescontractlineid_value', 'ContractLine', 2, 'contractLine'),
      f('msdyn_description', 'Description', 2), f('_msdyn_invoice_value', 'InvoiceId', 2, 'invoiceNumber'),
      f('_msdyn_project_value', 'ProjectId', 2, 'project'), f('msdyn_quantity', 'Quantity', 2),
      f('msdyn_transactionclassification', 'TransactionClassification', 2, 'transClass'),
      f('_transactioncurrencyid_value', 'TransactionCurrencyId', 2, 'currency'), f('msdyn_transactiontypecode', 'TransType', 2, 'transType'),
      f('msdyn_price', 'UnitPrice', 2), f('_msdyn_accountcustomer_value', 'CustomerAccountNumber', 2, 'account'),
      // Written back after posting (resource-dual-write-estimates-actuals.md).
      f('msdyn_vouchernumber', 'VoucherNumber', 1), f('msdyn_accountingcurrencyamount', 'AccountingAmount', 1),
      f('msdyn_exchangerate', 'ExchangeRate', 1), f('msdyn_salestaxamount', 'SalesTaxAmount', 1), f('msdyn_isjournalized', 'IsJournalized', 1),
    ],
  },
  {
    id: 'txconn', version: '1.0.0.1', dataverse: 'msdyn_transactionconnection', finance: 'ProjCDSTransactionRelationshipImport', master: 'dataverse', order: 4, filter: 'actualConnections',
    integrationKey: { dataverse: 'msdyn_transactionconnectionid', finance: ['dataAreaId', 'RelationshipId'] },
    fields: [
      f('_msdyn_company_value', 'dataAreaId', 2, 'company'), f('msdyn_transactionconnectionid', 'RelationshipId', 2),
      f('msdyn_transaction1', 'Transaction1', 2), f('msdyn_transaction1role', 'Transaction1Role', 2), f('msdyn_transaction1type', 'Transaction1Type', 2),
      f('msdyn_transaction2', 'Transaction2', 2), f('msdyn_transaction2role', 'Transaction2Role', 2), f('msdyn_transaction2type', 'Transaction2Type', 2),
    ],
  },
  {
    // resource-dual-write-setup-integration.md "Billing milestones": this map synchronizes billing milestones to project
    // on-account transactions in Finance; resource-dual-write-maps.md lists it (1.0.0.7, initial sync not required).
    // Like the actuals, a milestone lands in its integration table, ProjCDSContractLineMilestoneImport (columns from the
    // Common Data Model page of that table: TransactionId, ContractLineRef, InvoiceDate, Description, CurrencyId, Amount).
    // A milestone has no company or currency column: those of its contract line's contract (convention).
    id: 'milestones', version: '1.0.0.7', dataverse: 'msdyn_contractlinescheduleofvalue', finance: 'ProjCDSContractLineMilestoneImport', master: 'dataverse', order: 5,
    rule: 'rule.milestone-map',
    companyVia: [{ lookup: '_msdyn_contractlineid_value', table: 'salesorderdetail' }, { lookup: '_salesorderid_value', table: 'salesorder' }],
    integrationKey: { dataverse: 'msdyn_contractlinescheduleofvalueid', finance: ['dataAreaId', 'TransactionId'] },
    fields: [
      f('_msdyn_contractlineid_value', 'dataAreaId', 2, 'companyOfContractLine'), f('msdyn_contractlinescheduleofvalueid', 'TransactionId', 2),
      f('_msdyn_contractlineid_value', 'ContractLineRef', 2, 'contractLine'), f('msdyn_invoicedate', 'InvoiceDate', 2), f('msdyn_name', 'Description', 2),
      f('_msdyn_contractlineid_value', 'CurrencyId', 2, 'currencyOfContractLine'), f('msdyn_amount', 'Amount', 2),
    ],
  },
  {
    // Enhanced pro-forma invoice (invoicing/format-update-project-invoice-proposals.md, "Enhanced proforma invoice
    // summary for integrated deployments"): after posting in Finance, the customer invoice number and date and the
    // project invoice status Posted come back to the pro-forma invoice. The page says to enable this map first, so
    // it is installed Not running. Convention: the Finance entity is the proposal itself; the Dataverse columns
    // for the customer invoice number and date are not documented (ours, marked `sim`). The invoice-level tax amount
    // the page also lists lands in the invoice's Total Tax column, totaltax (ce/developer/entities/invoice.md; the
    // page names no column: convention).
    id: 'customerinvoices', version: '1.0.0.0', dataverse: 'invoice', finance: 'ProjectInvoiceProposal', master: 'dataverse', order: 6,
    filter: 'postedProposals', initialState: 'NotRunning',
    integrationKey: { dataverse: 'invoicenumber', finance: ['dataAreaId', 'ProposalId'] },
    fields: [
      f('invoicenumber', 'ProposalId', 1), f('msdyn_customerinvoicenumber', 'CustomerInvoiceId', 1),
      f('msdyn_customerinvoicedate', 'InvoiceDate', 1), f('msdyn_projectinvoicestatus', 'Status', 1, 'proposalStatus'),
      f('totaltax', 'SalesTaxAmount', 1),
    ],
  },
];

export const tableMaps: readonly TableMap[] = scopedList(builtinTableMaps, (s) => s.maps);
export const mapById: ReadonlyMap<MapId, TableMap> = new ScopedMap(builtinTableMaps.map((m) => [m.id, m]), (s) => s.mapById);

/**
 * Performance: the maps whose Dataverse or Finance table is `table`, in solution order, for the current schema scope
 * (the same list `tableMaps` answers with). Dual-write looks at every write of every transaction; this spares it a
 * walk of all maps through the scope's proxy per write. Keyed by the scope's own list, which is built once per
 * schema and never changed, so an index cannot outlive or cross the scope it was made from.
 */
export function mapsOfTable(table: string): readonly TableMap[] {
  const list = currentSchema()?.maps ?? builtinTableMaps;
  let index = mapsByTable.get(list);
  if (index === undefined) {
    index = new Map();
    for (const m of list) {
      for (const t of m.dataverse === m.finance ? [m.dataverse] : [m.dataverse, m.finance]) {
        const of = index.get(t);
        if (of) of.push(m);
        else index.set(t, [m]);
      }
    }
    mapsByTable.set(list, index);
  }
  return index.get(table) ?? NO_MAPS;
}
const mapsByTable = new WeakMap<readonly TableMap[], Map<string, TableMap[]>>();
const NO_MAPS: readonly TableMap[] = [];

/** Map states as the dual-write management API numbers them (DWLibary/DWEnums.cs). */
export const MapStateCode = { None: 0, Stopped: 1, InitialSync: 2, CatchUp: 3, Running: 4, Paused: 5, NotRunning: 6 } as const;
/** enable-entity-map.md: Not running → (Run) Initializing (the initial write) → Running; Paused → (Run) Resuming → Running. */
export type MapState = 'NotRunning' | 'Initializing' | 'Running' | 'Paused' | 'Resuming' | 'Stopped';
export const stateCode = (s: MapState): number =>
  ({ NotRunning: MapStateCode.NotRunning, Initializing: MapStateCode.InitialSync, Running: MapStateCode.Running, Paused: MapStateCode.Paused, Resuming: MapStateCode.CatchUp, Stopped: MapStateCode.Stopped })[s];
