import type { Rec } from './store/types.js';
import type { Ctx } from './domain/context.js';
import { SimError } from './errors.js';
import { iso, parseDuration, parseInstant } from './clock.js';
import type { Runner, SimEvent } from './runner.js';
import { importFromStaging } from './finance/import-staging.js';
import { postInvoiceProposals } from './finance/posting.js';
import { type ProcessLog, error, info } from './finance/process-log.js';
import { type Faults, logActivity, runAsyncIntegration } from './dualwrite/runtime.js';
import { purgeCatchUpErrors } from './dualwrite/queue-limits.js';

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

export const isProcessId = (id: string): id is ProcessId => Object.hasOwn(processes, id);

/** One schedule row per process (no recurrence until one is set). */
export function ensureProcessRows(ctx: Ctx): void {
  for (const p of Object.keys(processes) as ProcessId[]) {
    if (!ctx.tx.get('sim_process', p)) ctx.tx.put('sim_process', p, { id: p, recurrenceMinutes: null, nextRunAt: null, lastRunAt: null, lastLog: [] });
  }
}

// ---- scheduling: runs on demand, recurrences and the clock (moved from service.ts) ---------------------------
export async function runProcess(r: Runner, id: ProcessId, opts: { company?: string } = {}): Promise<Rec> {
  const proc = processes[id];
  const rec = await r.exec((ctx) => {
    const log = proc.run(ctx, opts, r.faults);
    const row = ctx.tx.get('sim_process', id) ?? { id };
    const next = row.recurrenceMinutes ? iso(Date.parse(ctx.now) + Number(row.recurrenceMinutes) * 60_000) : null;
    const out = { ...row, lastRunAt: ctx.now, nextRunAt: next, lastLog: log };
    ctx.tx.put('sim_process', id, out);
    return out;
  });
  r.emit({ type: 'process', data: { id, at: rec.lastRunAt, log: rec.lastLog } } satisfies SimEvent);
  return rec;
}

export async function setRecurrence(r: Runner, id: ProcessId, minutes: number | null): Promise<Rec> {
  return r.exec((ctx) => {
    const row = ctx.tx.get('sim_process', id) ?? { id, lastLog: [] };
    const out = { ...row, recurrenceMinutes: minutes, nextRunAt: minutes ? iso(Date.parse(ctx.now) + minutes * 60_000) : null };
    ctx.tx.put('sim_process', id, out);
    return out;
  });
}

/** Moves the clock forward; each periodic process due on the way runs at its due time. */
export async function advanceClock(r: Runner, body: { advance?: unknown; to?: unknown }): Promise<string> {
  const from = Date.parse(r.now());
  let target: number;
  if (typeof body.advance === 'string') target = from + parseDuration(body.advance);
  else if (body.to !== undefined) target = Date.parse(parseInstant(body.to));
  else throw new SimError(400, 'InvalidClockRequest', 'sim.badClockRequest');
  if (target < from) throw new SimError(400, 'ClockBackwards', 'sim.clockBackwards', { now: r.now() });
  for (;;) {
    const due = [...r.store.all('sim_process')]
      .filter((p) => typeof p.nextRunAt === 'string' && Date.parse(p.nextRunAt) <= target)
      .sort((a, b) => Date.parse(String(a.nextRunAt)) - Date.parse(String(b.nextRunAt)))[0];
    if (!due) break;
    await r.direct((ctx) => ctx.tx.put('sim_meta', 'clock', { now: String(due.nextRunAt) }));
    await runProcess(r, due.id as ProcessId);
  }
  const now = iso(target);
  await r.direct((ctx) => {
    ctx.tx.put('sim_meta', 'clock', { now });
    // catch-up errors are kept 1 day (dualwrite/queue-limits.ts); `ctx.now` is still the time before the move
    const at = { ...ctx, now };
    for (const [mapId, n] of purgeCatchUpErrors(at)) logActivity(at, mapId, 'catchUpErrorsPurged', { n });
  });
  r.emit({ type: 'clock', data: { now } } satisfies SimEvent);
  return now;
}
