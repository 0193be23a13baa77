import { po, type RuleDef } from '../types.js';

const MANAGE = (section: string) => po('proforma-invoicing/manage-proforma-invoice.md', section);
const CONFIRM = po('proforma-invoicing/confirm-proforma-invoice.md', 'Confirm a proforma project-based invoice');
const CREATE = (section: string) => po('proforma-invoicing/create-manual-proforma-invoice.md', section);

/** Pro-forma invoices in Dataverse: creating, editing a draft, confirming. */
export const invoiceRules = [
  { id: 'rule.billing-type-total', kind: 'state', source: MANAGE('Invoice line details') },
  { id: 'rule.confirmed-read-only', kind: 'refusal', source: CONFIRM },
  { id: 'rule.invoice-needs-ready-items', kind: 'refusal', source: CREATE('Manually create project invoices') },
  { id: 'rule.invoice-through-contract', kind: 'refusal', source: 'convention' },
  { id: 'rule.milestone-always-chargeable', kind: 'refusal', source: MANAGE('Invoice line details') },
  { id: 'rule.milestone-quantity-fixed', kind: 'refusal', source: 'convention' },
  { id: 'rule.quantity-not-negative', kind: 'refusal', source: 'convention' },
] as const satisfies readonly RuleDef[];
