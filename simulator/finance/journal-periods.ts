import { findBy, type Rec } from '../store/types.js';
import { type Ctx, insert, nextNumber, pad } from '../domain/context.js';
import { JournalStatus, LedgerPeriodStatus, PeriodUnit } from './entities.js';

/**
 * Which journal a new integration journal line goes to, and whether the ledger takes a date
 * (project-operations-integration-journal.md, "Create records in the Project Operations Integration journal").
 */

export type PeriodUnitName = (typeof PeriodUnit)[keyof typeof PeriodUnit];

/**
 * The company's "Period unit on Project Operations Integration journal". Convention: a company without the parameter
 * record (or a value outside the four) groups by Days, the first value the page lists; the page names no default.
 */
export function periodUnitOf(ctx: Ctx, dataAreaId: string): PeriodUnitName {
  const v = ctx.tx.get('ProjectParameter', dataAreaId)?.IntegrationJournalPeriodUnit;
  return typeof v === 'string' && Object.hasOwn(PeriodUnit, v) ? (v as PeriodUnitName) : PeriodUnit.Days;
}

/** The first day of the period a date belongs to: the day, its month, its year; null for All (one journal). */
export function periodStart(unit: PeriodUnitName, date: string): string | null {
  const day = date.slice(0, 10);
  switch (unit) {
    case PeriodUnit.Days: return day;
    case PeriodUnit.Months: return `${day.slice(0, 7)}-01`;
    case PeriodUnit.Years: return `${day.slice(0, 4)}-01-01`;
    default: return null;
  }
}

/** A new journal number of the company (its own sequence): `PIJ-000001`. */
export const newJournalId = (ctx: Ctx, dataAreaId: string): string => `PIJ-${pad(nextNumber(ctx, `journal:${dataAreaId}`), 6)}`;

/** The next line number of a journal: lines can be deleted, so numbers are never reused. */
export const nextLineNum = (ctx: Ctx, dataAreaId: string, journalId: string): number => nextNumber(ctx, `journalLine:${dataAreaId}|${journalId}`);

/**
 * The journal that takes lines of a period: a Draft journal of that period created by the import (not one holding
 * lines moved after posting errors); none available (posted, in error, being posted) → a new one. The page states
 * this for All; convention: the same for Days, Months and Years (one journal per period, not per run).
 */
export function journalForPeriod(ctx: Ctx, dataAreaId: string, start: string | null, created: Map<string, string>): string {
  const k = `${dataAreaId}|${start ?? ''}`;
  const known = created.get(k);
  if (known) return known;
  for (const j of findBy(ctx.tx, 'ProjectIntegrationJournal', ['dataAreaId', 'Status'], [dataAreaId, JournalStatus.Draft])) {
    if ((j.PeriodStartDate ?? null) === start && !j.OriginalJournalId) {
      created.set(k, String(j.JournalId));
      return String(j.JournalId);
    }
  }
  const journalId = newJournalId(ctx, dataAreaId);
  insert(ctx, 'ProjectIntegrationJournal', `${dataAreaId}|${journalId}`, {
    dataAreaId, JournalId: journalId, Description: null, Status: JournalStatus.Draft, LineCount: 0, OriginalJournalId: null, PeriodStartDate: start,
  });
  created.set(k, journalId);
  return journalId;
}

/**
 * The ledger period a date falls in, when one is not open (On hold or Closed): the ledger takes no transaction
 * there. Convention: a date in no recorded period is open (the simulator's companies have no fiscal calendar).
 */
export function closedPeriodAt(ctx: Ctx, dataAreaId: string, date: string): Rec | undefined {
  const day = date.slice(0, 10);
  for (const p of findBy(ctx.tx, 'LedgerPeriod', 'dataAreaId', dataAreaId)) {
    if (String(p.StartDate) <= day && day <= String(p.EndDate) && p.Status !== LedgerPeriodStatus.Open) return p;
  }
  return undefined;
}
