import type { Ctx } from './domain/context.js';
import { importFromStaging } from './finance/import-staging.js';
import { postInvoiceProposals } from './finance/posting.js';
import { type ProcessLog, error, info } from './finance/process-log.js';
import { type Faults, runAsyncIntegration } from './dualwrite/runtime.js';

/** Finance periodic processes the simulator can run on demand or on a recurrence (labels: `processes.<id>`). */
export interface Process {
  run(ctx: Ctx, opts: { company?: string }, faults: Faults): ProcessLog[];
}

export const processes = {
  import_staging: { run: (ctx, opts) => importFromStaging(ctx, opts) },
  post_proposals: { run: (ctx, opts) => postInvoiceProposals(ctx, opts) },
  async_integration: {
    run: (ctx, _opts, faults) => {
      const r = runAsyncIntegration(ctx, faults);
      return [info('dualwrite.asyncApplied', { applied: r.applied, failed: r.failed }), ...r.errors.map((e) => error(String(e.error.key), { seq: e.seq }))];
    },
  },
} satisfies Record<string, Process>;

export type ProcessId = keyof typeof processes;
