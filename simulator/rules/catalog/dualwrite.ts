import { DUAL_WRITE, po, uo, type RuleDef } from '../types.js';

/** Dual-write: table maps, live sync, limits, companies. */
export const dualWriteRules = [
  { id: 'rule.map-paused-queue', kind: 'state', source: uo(`${DUAL_WRITE}/pause-for-maintenance.md`, 'Pause dual-write for maintenance') },
  { id: 'rule.catchup-errors-retry', kind: 'state', source: uo(`${DUAL_WRITE}/pause-for-maintenance.md`, 'Pause dual-write for maintenance') },
  { id: 'rule.map-stopped', kind: 'state', source: po('advanced-configuration/migrating-invoiced-milestones.md', 'Solution') },
  { id: 'rule.live-sync-rollback', kind: 'refusal', source: po('environment/resource-dual-write-frequent-issues.md', 'Project operations dual-write integration errors and mitigation') },
  { id: 'rule.line-limit', kind: 'refusal', source: po('environment/project-invoice-dual-write-asynchronous.md', 'Integrate project invoices using dual-write async configuration (preview)') },
  // issue 14 part 6: the platform's own behaviour
  { id: 'rule.map-run-initial-sync', kind: 'state', source: uo(`${DUAL_WRITE}/enable-entity-map.md`, 'Enable entity maps for dual-write'),
    also: [uo(`${DUAL_WRITE}/errors-and-alerts.md`, 'Re-running execution for Initial sync')] },
  { id: 'rule.initial-sync-errors', kind: 'state', source: uo(`${DUAL_WRITE}/errors-and-alerts.md`, 'Re-running execution for Initial sync'),
    also: [uo(`${DUAL_WRITE}/enable-entity-map.md`, 'Enable entity maps for dual-write')] },
  { id: 'rule.catchup-errors-purged', kind: 'state', source: uo(`${DUAL_WRITE}/errors-and-alerts.md`, 'Catch-up errors from pausing a table map') },
  { id: 'rule.map-pause-limits', kind: 'refusal', source: uo(`${DUAL_WRITE}/pause-for-maintenance.md`, 'Pause dual-write for maintenance') },
  { id: 'rule.milestone-map', kind: 'derived', source: po('environment/resource-dual-write-setup-integration.md', 'Billing milestones'),
    also: [po('environment/resource-dual-write-maps.md', 'Project Operations dual-write maps')] },
  { id: 'rule.legal-entity-boundary', kind: 'derived', source: uo(`${DUAL_WRITE}/company-data.md`, 'Company concept in Dataverse') },
] as const satisfies readonly RuleDef[];
