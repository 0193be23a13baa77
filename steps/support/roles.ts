import { translator } from '../../simulator/i18n.js';
import type { SpecWorld } from './world.js';

/**
 * Who does what (seed page): the project manager works in Dataverse (backlog, pro-forma invoices,
 * actuals); the project accountant and the accounts receivable clerk work in Finance and Operations apps.
 */
export const DATAVERSE_ROLES = ['project_manager'] as const;
export const FINANCE_ROLES = ['project_accountant', 'ar_clerk'] as const;

export function actAs(world: SpecWorld, role: string, allowed: readonly string[]): void {
  if (allowed.includes(role)) return;
  const who = world.label(`roles.${role}`);
  const owners = allowed.map((r) => world.label(`roles.${r}`)).join(' / ');
  throw new Error(translator(world.lang)('authoring:role.notTheirJob', { who, owners }));
}
