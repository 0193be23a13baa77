import type { Ctx } from './domain/context.js';
import { importFromStaging } from './finance/import-staging.js';
import { postInvoiceProposals } from './finance/posting.js';
import type { ProcessLog } from './finance/process-log.js';

/** Finance periodic processes the simulator can run on demand or on a recurrence (labels: `processes.<id>`). */
export interface Process {
  run(ctx: Ctx, opts: { company?: string }): ProcessLog[];
}

export const processes = {
  import_staging: { run: (ctx, opts) => importFromStaging(ctx, opts) },
  post_proposals: { run: (ctx, opts) => postInvoiceProposals(ctx, opts) },
} satisfies Record<string, Process>;

export type ProcessId = keyof typeof processes;
