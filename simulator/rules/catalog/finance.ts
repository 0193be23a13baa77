import { po, type RuleDef } from '../types.js';

const PROPOSALS = (section: string) => po('invoicing/format-update-project-invoice-proposals.md', section);

/** Finance and Operations: project invoice proposals and the integration journal. */
export const financeRules = [
  { id: 'rule.lines-need-posted-unbilled', kind: 'derived', source: PROPOSALS('Manage project invoice proposals') },
  { id: 'rule.number-sequence', kind: 'derived', source: PROPOSALS('Create project invoice proposals') },
  { id: 'rule.post-needs-lines', kind: 'refusal', source: 'convention' },
  { id: 'rule.proposal-posted-once', kind: 'refusal', source: 'convention' },
  { id: 'rule.system-records', kind: 'refusal', source: 'convention' },
  { id: 'rule.journal-post-draft-only', kind: 'refusal', source: 'convention', also: [po('project-accounting/project-operations-integration-journal.md', 'Post the Project Operations integration journal')] },
  { id: 'rule.exchange-rate-required', kind: 'refusal', source: 'convention', also: [po('project-accounting/project-operations-integration-journal.md', 'Create records in the Project Operations Integration journal')] },
  { id: 'rule.line-property-required', kind: 'refusal', source: po('environment/resource-configure-integration-per-legal-entity.md', 'Configure Project management and accounting parameters') },
] as const satisfies readonly RuleDef[];
