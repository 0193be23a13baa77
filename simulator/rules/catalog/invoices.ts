import { po, type RuleDef } from '../types.js';

const MANAGE = (section: string) => po('proforma-invoicing/manage-proforma-invoice.md', section);
const CONFIRM = po('proforma-invoicing/confirm-proforma-invoice.md', 'Confirm a proforma project-based invoice');
const CREATE = (section: string) => po('proforma-invoicing/create-manual-proforma-invoice.md', section);
const UPDATE = (section: string) => po('proforma-invoicing/update-ild-on-an-invoice.md', section);

/** Pro-forma invoices in Dataverse: creating, editing a draft, confirming. */
export const invoiceRules = [
  { id: 'rule.draft-detail-edit', kind: 'state', source: UPDATE('Editable fields on invoice line details for an invoice line that uses the Time and Material billing method'), also: [CREATE('Edit a draft invoice')] },
  { id: 'rule.draft-detail-delete', kind: 'derived', source: CREATE('Edit a draft invoice') },
  { id: 'rule.invoice-reversal-unadjustable', kind: 'state', source: po('actuals/ActualsonTM.md', 'Actual impact in a time and materials engagement, row "The invoice is confirmed"') },
  { id: 'rule.billing-type-total', kind: 'state', source: MANAGE('Invoice line details') },
  { id: 'rule.confirmed-read-only', kind: 'refusal', source: CONFIRM },
  { id: 'rule.invoice-needs-ready-items', kind: 'refusal', source: 'convention', also: [CREATE('Manually create project invoices')] },
  { id: 'rule.invoice-through-contract', kind: 'refusal', source: 'convention' },
  { id: 'rule.milestone-always-chargeable', kind: 'refusal', source: MANAGE('Invoice line details') },
  { id: 'rule.milestone-quantity-fixed', kind: 'refusal', source: 'convention' },
  { id: 'rule.quantity-not-negative', kind: 'refusal', source: 'convention' },
] as const satisfies readonly RuleDef[];
