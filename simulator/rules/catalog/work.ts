import type { RuleDef } from '../types.js';

/** Time, expense and journal entries before they become actuals. The pages describe approval, not its refusals. */
export const workRules = [
  { id: 'rule.project-needs-company', kind: 'refusal', source: 'convention' },
  { id: 'rule.entry-approved-once', kind: 'refusal', source: 'convention' },
  { id: 'rule.time-entry-duration', kind: 'refusal', source: 'convention' },
  { id: 'rule.journal-posted-read-only', kind: 'refusal', source: 'convention' },
  { id: 'rule.journal-needs-lines', kind: 'refusal', source: 'convention' },
] as const satisfies readonly RuleDef[];
