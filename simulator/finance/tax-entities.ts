import type { EntityDef, FieldDef } from '../schema.js';

/**
 * The sales tax setup of a legal entity (issue 14 part 4), as the Finance data entities of the Common Data Model
 * pages name their columns (MicrosoftDocs/common-data-model-and-service, schema/core/operationsCommon/Entities/…):
 * - Finance/Tax/TaxCodeEntity ("Sales tax codes"): TaxCode, TaxName, TaxRoundOff, TaxRoundOffType;
 * - Finance/Tax/TaxCodeValueEntity ("Sales tax code values"): TaxCodeId, FromDate, ToDate, Value (the rate in percent);
 * - Finance/Tax/TaxGroupEntity ("Sales tax groups"): TaxGroupCode, Description;
 * - Finance/Tax/TaxGroupDataEntity ("Sales tax group details"): TaxGroupId, TaxCodeId, ExemptTax;
 * - Finance/Tax/TaxItemGroupHeadingEntity ("Item sales tax group"): TaxItemGroup, Name;
 * - Finance/Tax/TaxItemGroupEntity ("Sales tax item groups", one code of an item group a row): TaxItemGroupCode, TaxCodeId, ExemptTax;
 * - Finance/AccountsReceivable/CustCustomerV3Entity: CustomerAccount, SalesTaxGroup (the customer's default);
 * - ProfessionalServices/ProjectManagementAndAccounting/ProjectCategoryEntity: Category, CategoryName, TransactionType,
 *   ItemSalesTaxGroup (the project category's default).
 * - ProfessionalServices/ProjectManagementAndAccounting/Parameter/ProjParameters (a table page; no entity page):
 *   TaxItemGroupOnAcc, the "Fixed price milestone item sales tax group".
 * The pages give no public collection names. SalesTaxCodes, SalesTaxGroups, ItemSalesTaxGroups and CustomersV3 are the
 * ones public OData clients use; SalesTaxCodeValues, SalesTaxGroupDetails, ItemSalesTaxGroupDetails and
 * ProjectCategories and ProjectParameters are ours (convention, docs/api.md "Sales tax"). Keys: the pages' key columns with dataAreaId.
 */
const s = (extra: Partial<FieldDef> = {}): FieldDef => ({ type: 'string', maxLength: 60, ...extra });
const code = (extra: Partial<FieldDef> = {}): FieldDef => s({ maxLength: 10, ...extra });
const company: FieldDef = { type: 'string', maxLength: 4, required: true };

/** TaxRoundOffType values the simulator rounds by (tax-calculation-rounding-rules.md, "Rounding method"). */
export const TAX_ROUND_OFF_TYPES = ['Normal', 'Downward', 'RoundingUp'] as const;
export type TaxRoundOffType = (typeof TAX_ROUND_OFF_TYPES)[number];

/** ProjCategory transaction types that carry an item sales tax group (format-update-project-invoice-proposals.md, "Billing sales tax"). */
export const PROJECT_CATEGORY_TYPES = ['Hour', 'Expense', 'Item', 'Fee'] as const;

export const taxEntities: readonly EntityDef[] = [
  {
    logicalName: 'SalesTaxCode', set: 'SalesTaxCodes', key: ['dataAreaId', 'TaxCode'], primaryName: 'TaxCode', companySpecific: true,
    fields: {
      dataAreaId: company, TaxCode: code({ required: true }), TaxName: s(),
      // The rounding precision (0: the currency's) and method of the code's amounts.
      TaxRoundOff: { type: 'decimal' }, TaxRoundOffType: s({ maxLength: 20 }),
    },
  },
  {
    logicalName: 'SalesTaxCodeValue', set: 'SalesTaxCodeValues', key: ['dataAreaId', 'TaxCodeId', 'FromDate'], primaryName: 'TaxCodeId', companySpecific: true,
    fields: { dataAreaId: company, TaxCodeId: code({ required: true }), FromDate: { type: 'date', required: true }, ToDate: { type: 'date' }, Value: { type: 'decimal', required: true } },
  },
  {
    logicalName: 'SalesTaxGroup', set: 'SalesTaxGroups', key: ['dataAreaId', 'TaxGroupCode'], primaryName: 'TaxGroupCode', companySpecific: true,
    fields: { dataAreaId: company, TaxGroupCode: code({ required: true }), Description: s() },
  },
  {
    logicalName: 'SalesTaxGroupDetail', set: 'SalesTaxGroupDetails', key: ['dataAreaId', 'TaxGroupId', 'TaxCodeId'], primaryName: 'TaxGroupId', companySpecific: true,
    fields: { dataAreaId: company, TaxGroupId: code({ required: true }), TaxCodeId: code({ required: true }), ExemptTax: { type: 'bool' } },
  },
  {
    logicalName: 'ItemSalesTaxGroup', set: 'ItemSalesTaxGroups', key: ['dataAreaId', 'TaxItemGroup'], primaryName: 'TaxItemGroup', companySpecific: true,
    fields: { dataAreaId: company, TaxItemGroup: code({ required: true }), Name: s() },
  },
  {
    logicalName: 'ItemSalesTaxGroupDetail', set: 'ItemSalesTaxGroupDetails', key: ['dataAreaId', 'TaxItemGroupCode', 'TaxCodeId'], primaryName: 'TaxItemGroupCode', companySpecific: true,
    fields: { dataAreaId: company, TaxItemGroupCode: code({ required: true }), TaxCodeId: code({ required: true }), ExemptTax: { type: 'bool' } },
  },
  {
    logicalName: 'Customer', set: 'CustomersV3', key: ['dataAreaId', 'CustomerAccount'], primaryName: 'CustomerAccount', companySpecific: true,
    fields: { dataAreaId: company, CustomerAccount: s({ required: true, maxLength: 20 }), OrganizationName: s(), SalesTaxGroup: code() },
  },
  {
    logicalName: 'ProjectCategory', set: 'ProjectCategories', key: ['dataAreaId', 'Category'], primaryName: 'Category', companySpecific: true,
    fields: {
      dataAreaId: company, Category: s({ required: true, maxLength: 30 }), CategoryName: s(),
      TransactionType: s({ maxLength: 10 }), ItemSalesTaxGroup: code(),
    },
  },
];
