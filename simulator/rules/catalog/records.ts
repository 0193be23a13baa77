import { DUAL_WRITE, uo, type RuleDef } from '../types.js';

/** Rules of Dataverse records that are not specific to invoicing. */
export const recordRules = [
  { id: 'rule.company-read-only', kind: 'refusal', source: uo(`${DUAL_WRITE}/company-data.md`, 'Company striping and bootstrapping') },
  { id: 'rule.contract-with-invoices', kind: 'refusal', source: 'convention' },
] as const satisfies readonly RuleDef[];
