/**
 * The records of the simplest sales tax setup of a legal entity: one sales tax code at one rate, in one sales tax group
 * and one item sales tax group, the default item sales tax group of every project category type and of milestones.
 * For fixtures, tests and steps that need "n % sales tax" and nothing more; each record goes through the Finance
 * entities like any client's. Names are ours (`TAX<rate>`, `STD`, `ALL`).
 */
export const STANDARD_TAX_GROUP = 'STD';
export const STANDARD_ITEM_TAX_GROUP = 'ALL';

export function standardTaxSetup(company: string, percent: number, fromDate = '2000-01-01'): readonly (readonly [set: string, body: Record<string, unknown>])[] {
  const code = `TAX${String(percent).replace(/[^0-9]/g, '_')}`.slice(0, 10);
  const categories: readonly [string, string][] = [['Hours', 'Hour'], ['Expenses', 'Expense'], ['Materials', 'Item'], ['Fees', 'Fee']];
  return [
    ['SalesTaxCodes', { dataAreaId: company, TaxCode: code, TaxName: `${percent} %` }],
    ['SalesTaxCodeValues', { dataAreaId: company, TaxCodeId: code, FromDate: fromDate, Value: percent }],
    ['SalesTaxGroups', { dataAreaId: company, TaxGroupCode: STANDARD_TAX_GROUP, Description: STANDARD_TAX_GROUP }],
    ['SalesTaxGroupDetails', { dataAreaId: company, TaxGroupId: STANDARD_TAX_GROUP, TaxCodeId: code }],
    ['ItemSalesTaxGroups', { dataAreaId: company, TaxItemGroup: STANDARD_ITEM_TAX_GROUP, Name: STANDARD_ITEM_TAX_GROUP }],
    ['ItemSalesTaxGroupDetails', { dataAreaId: company, TaxItemGroupCode: STANDARD_ITEM_TAX_GROUP, TaxCodeId: code }],
    ...categories.map(([id, type]) => ['ProjectCategories', { dataAreaId: company, Category: id, CategoryName: id, TransactionType: type, ItemSalesTaxGroup: STANDARD_ITEM_TAX_GROUP }] as const),
  ];
}

/**
 * The milestone item sales tax group of that setup: a change to the company's project parameters, which exist with it.
 * The path addresses them across companies: a legal entity other than the caller's default is not found otherwise.
 */
export const standardTaxParameters = (company: string): { readonly path: string; readonly body: Record<string, unknown> } =>
  ({ path: `ProjectParameters(dataAreaId='${company}')?cross-company=true`, body: { TaxItemGroupOnAcc: STANDARD_ITEM_TAX_GROUP } });
