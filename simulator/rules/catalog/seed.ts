import { po, type RuleDef } from '../types.js';

/** The seed page the specifications start from: environment/resource-dual-write-project-invoice.md (one section). */
const seed = (section = 'Project invoice integration') => po('environment/resource-dual-write-project-invoice.md', section);

export const seedRules = [
  { id: 'seed.topic', kind: 'context', source: seed() },
  { id: 'seed.pm-backlog-proforma', kind: 'derived', source: seed() },
  { id: 'seed.customer-facing-invoice', kind: 'derived', source: seed() },
  { id: 'seed.details-synchronized', kind: 'derived', source: seed() },
  { id: 'seed.accounting-written-back', kind: 'state', source: seed() },
  { id: 'seed.figure', kind: 'context', source: seed() },
  { id: 'seed.header-on-confirm', kind: 'derived', source: seed() },
  { id: 'seed.one-way', kind: 'refusal', source: seed() },
  { id: 'seed.no-create-delete', kind: 'refusal', source: seed() },
  { id: 'seed.confirm-creates-actuals', kind: 'derived', source: seed() },
  { id: 'seed.actuals-map', kind: 'derived', source: seed() },
  { id: 'seed.see-estimates-actuals', kind: 'context', source: seed() },
  { id: 'seed.import-creates-lines', kind: 'derived', source: seed() },
  { id: 'seed.import-billed-sales', kind: 'derived', source: seed() },
  { id: 'seed.see-proposals', kind: 'context', source: seed() },
] as const satisfies readonly RuleDef[];
