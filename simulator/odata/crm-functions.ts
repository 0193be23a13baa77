/**
 * Dataverse's query functions in `$filter` (powerapps/developer/data-platform/webapi/query/filter-rows.md
 * "Dataverse query functions"; Web API Query Function Reference), e.g.
 * `Microsoft.Dynamics.CRM.LastXHours(PropertyName='createdon',PropertyValue=12)`.
 *
 * Implemented: the date functions (on the simulated clock), On/OnOrAfter/OnOrBefore, In/NotIn and
 * Between/NotBetween. Refused with their own error: fiscal periods (the simulator has no fiscal calendar), the
 * user/business unit/team functions (no users), the hierarchy functions (no simulated table is hierarchical) and
 * ContainValues/DoesNotContainValues (no multi-select choice columns).
 *
 * Convention: date boundaries are UTC days (the simulator has no user time zone), weeks start on Sunday (the
 * default of an en-US organization), "last X days/weeks/months/years" run from the start of that day to now and
 * "next X …" from now to the end of the last day; "older than X" is strictly before now minus X.
 */
import type { Category } from './filter.js';
import { compareValues } from './filter.js';
import { parseDec } from './decimal.js';

export const CRM_NAMESPACE = 'Microsoft.Dynamics.CRM';

type Param = 'PropertyName' | 'PropertyValue' | 'PropertyValues';

export interface CrmFunctionSpec {
  readonly params: readonly Param[];
  /** Categories of the column the function accepts. */
  readonly types: readonly Category[];
  /** The first invalid value, or undefined when all are valid for a column of category `cat`. */
  readonly check: (values: readonly string[], cat: Category) => string | undefined;
  /** PropertyValue is an Edm.Int64 (the "X" functions, Web API Query Function Reference): a number, not a string. */
  readonly intValue?: boolean;
}

const DAY = 86_400_000;
const HOUR = 3_600_000;
const MINUTE = 60_000;
/** Largest X of the "X" functions (convention: keeps every date within the range JavaScript dates hold). */
export const MAX_X = 100_000;

const DATE_ONLY = ['PropertyName'] as const;
const WITH_X = ['PropertyName', 'PropertyValue'] as const;
const DATE_TYPES: readonly Category[] = ['datetime'];

const isX = (v: string): boolean => /^\d{1,6}$/.test(v) && Number(v) >= 1 && Number(v) <= MAX_X;
const isDay = (v: string): boolean => !Number.isNaN(dayOf(v));

/** Start of the UTC day of an ISO date or date-time; NaN when it is not one. */
function dayOf(v: string): number {
  if (!/^\d{4}-\d{2}-\d{2}(T\d{2}:\d{2}(:\d{2}(\.\d{1,7})?)?(Z|[+-]\d{2}:\d{2}))?$/.test(v)) return Number.NaN;
  const ms = Date.parse(v.length === 10 ? `${v}T00:00:00Z` : v);
  return Number.isNaN(ms) ? Number.NaN : dayStart(ms);
}

function dayStart(ms: number): number {
  const d = new Date(ms);
  return Date.UTC(d.getUTCFullYear(), d.getUTCMonth(), d.getUTCDate());
}

/** `ms` moved by `k` calendar months, the day of month kept where the month has it (31 Jan + 1 month = 28/29 Feb). */
function shiftMonths(ms: number, k: number): number {
  const d = new Date(ms);
  const y = d.getUTCFullYear();
  const m = d.getUTCMonth() + k;
  const last = new Date(Date.UTC(y, m + 1, 0)).getUTCDate();
  return Date.UTC(y, m, Math.min(d.getUTCDate(), last), d.getUTCHours(), d.getUTCMinutes(), d.getUTCSeconds(), d.getUTCMilliseconds());
}

const monthStart = (now: number, k: number): number => {
  const d = new Date(now);
  return Date.UTC(d.getUTCFullYear(), d.getUTCMonth() + k, 1);
};
const yearStart = (now: number, k: number): number => Date.UTC(new Date(now).getUTCFullYear() + k, 0, 1);
const weekStart = (now: number): number => dayStart(now) - new Date(now).getUTCDay() * DAY;

/** A half-open range [from, to) of instants a value must fall in. */
type Range = readonly [number, number];
type RangeOf = (now: number, x: number) => Range;

const UP_TO_NOW = 1; // "to now" includes now itself

const RANGES: Readonly<Record<string, RangeOf>> = {
  Today: (n) => [dayStart(n), dayStart(n) + DAY],
  Yesterday: (n) => [dayStart(n) - DAY, dayStart(n)],
  Tomorrow: (n) => [dayStart(n) + DAY, dayStart(n) + 2 * DAY],
  ThisWeek: (n) => [weekStart(n), weekStart(n) + 7 * DAY],
  LastWeek: (n) => [weekStart(n) - 7 * DAY, weekStart(n)],
  NextWeek: (n) => [weekStart(n) + 7 * DAY, weekStart(n) + 14 * DAY],
  ThisMonth: (n) => [monthStart(n, 0), monthStart(n, 1)],
  LastMonth: (n) => [monthStart(n, -1), monthStart(n, 0)],
  NextMonth: (n) => [monthStart(n, 1), monthStart(n, 2)],
  ThisYear: (n) => [yearStart(n, 0), yearStart(n, 1)],
  LastYear: (n) => [yearStart(n, -1), yearStart(n, 0)],
  NextYear: (n) => [yearStart(n, 1), yearStart(n, 2)],
  Last7Days: (n) => [dayStart(n) - 7 * DAY, n + UP_TO_NOW],
  Next7Days: (n) => [n, dayStart(n) + 8 * DAY],
  LastXHours: (n, x) => [n - x * HOUR, n + UP_TO_NOW],
  NextXHours: (n, x) => [n, n + x * HOUR + UP_TO_NOW],
  LastXDays: (n, x) => [dayStart(n) - x * DAY, n + UP_TO_NOW],
  NextXDays: (n, x) => [n, dayStart(n) + (x + 1) * DAY],
  LastXWeeks: (n, x) => [dayStart(n) - 7 * x * DAY, n + UP_TO_NOW],
  NextXWeeks: (n, x) => [n, dayStart(n) + (7 * x + 1) * DAY],
  LastXMonths: (n, x) => [shiftMonths(dayStart(n), -x), n + UP_TO_NOW],
  NextXMonths: (n, x) => [n, shiftMonths(dayStart(n) + DAY, x)],
  LastXYears: (n, x) => [shiftMonths(dayStart(n), -12 * x), n + UP_TO_NOW],
  NextXYears: (n, x) => [n, shiftMonths(dayStart(n) + DAY, 12 * x)],
  OlderThanXMinutes: (n, x) => [-Infinity, n - x * MINUTE],
  OlderThanXHours: (n, x) => [-Infinity, n - x * HOUR],
  OlderThanXDays: (n, x) => [-Infinity, n - x * DAY],
  OlderThanXWeeks: (n, x) => [-Infinity, n - 7 * x * DAY],
  OlderThanXMonths: (n, x) => [-Infinity, shiftMonths(n, -x)],
  OlderThanXYears: (n, x) => [-Infinity, shiftMonths(n, -12 * x)],
};

/** Functions of a calendar day given as PropertyValue. */
const DAY_RANGES: Readonly<Record<string, (day: number) => Range>> = {
  On: (d) => [d, d + DAY],
  OnOrAfter: (d) => [d, Infinity],
  OnOrBefore: (d) => [-Infinity, d + DAY],
};

const ANY_VALUE: readonly Category[] = ['string', 'number', 'datetime', 'guid', 'option'];
const ORDERED: readonly Category[] = ['string', 'number', 'datetime', 'option'];

/** Whether a function value fits a column of category `cat`. */
function validFor(v: string, cat: Category): boolean {
  switch (cat) {
    case 'number':
    case 'option':
      return parseDec(v) !== undefined && (cat === 'number' || /^-?\d{1,10}$/.test(v));
    case 'datetime':
      return isDay(v);
    case 'guid':
      return /^\{?[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}\}?$/.test(v);
    default:
      return true;
  }
}

const firstInvalid = (values: readonly string[], cat: Category): string | undefined => values.find((v) => !validFor(v, cat));

const SPECS: ReadonlyMap<string, CrmFunctionSpec> = new Map<string, CrmFunctionSpec>([
  ...Object.keys(RANGES).map((name): [string, CrmFunctionSpec] => {
    const takesX = name.includes('X');
    return [name, { params: takesX ? WITH_X : DATE_ONLY, types: DATE_TYPES, intValue: takesX, check: (v) => (takesX ? (isX(v[0] ?? '') ? undefined : (v[0] ?? '')) : undefined) }];
  }),
  ...Object.keys(DAY_RANGES).map((name): [string, CrmFunctionSpec] => [name, { params: WITH_X, types: DATE_TYPES, check: (v) => (isDay(v[0] ?? '') ? undefined : (v[0] ?? '')) }]),
  ...['In', 'NotIn'].map((name): [string, CrmFunctionSpec] => [
    name,
    { params: ['PropertyName', 'PropertyValues'], types: ANY_VALUE, check: (v, cat) => (v.length === 0 ? '[]' : firstInvalid(v, cat)) },
  ]),
  ...['Between', 'NotBetween'].map((name): [string, CrmFunctionSpec] => [
    name,
    { params: ['PropertyName', 'PropertyValues'], types: ORDERED, check: (v, cat) => (v.length !== 2 ? `[${v.join(',')}]` : firstInvalid(v, cat)) },
  ]),
]);

export type CrmFunction = string;

export function crmFunctionSpec(name: string): CrmFunctionSpec | undefined {
  return SPECS.get(name);
}

const FISCAL = ['InFiscalPeriod', 'InFiscalPeriodAndYear', 'InFiscalYear', 'InOrAfterFiscalPeriodAndYear', 'InOrBeforeFiscalPeriodAndYear', 'LastFiscalPeriod', 'LastFiscalYear', 'LastXFiscalPeriods', 'LastXFiscalYears', 'NextFiscalPeriod', 'NextFiscalYear', 'NextXFiscalPeriods', 'NextXFiscalYears', 'ThisFiscalPeriod', 'ThisFiscalYear'];
const USER = ['EqualBusinessId', 'NotEqualBusinessId', 'EqualUserId', 'NotEqualUserId', 'EqualUserLanguage', 'EqualUserOrUserHierarchy', 'EqualUserOrUserHierarchyAndTeams', 'EqualUserOrUserTeams', 'EqualUserTeams'];
const HIERARCHY = ['Above', 'AboveOrEqual', 'Under', 'UnderOrEqual', 'NotUnder'];
const MULTISELECT = ['ContainValues', 'DoesNotContainValues'];

/** The error key of a documented function the simulator refuses, or undefined when the name is not one. */
export function unsupportedCrmFunction(name: string): string | undefined {
  if (FISCAL.includes(name)) return 'functionFiscal';
  if (USER.includes(name)) return 'functionUser';
  if (HIERARCHY.includes(name)) return 'functionHierarchy';
  if (MULTISELECT.includes(name)) return 'functionMultiSelect';
  return undefined;
}

/** Every function name Dataverse documents, implemented or refused (for tests and docs). */
export const CRM_FUNCTIONS = { implemented: [...SPECS.keys()], refused: [...FISCAL, ...USER, ...HIERARCHY, ...MULTISELECT] } as const;

const inRange = (ms: number, [from, to]: Range): boolean => ms >= from && ms < to;

/** Three-valued result of a function on a record's value: null when the value is null (never matches). */
export function evalCrmFunction(fn: string, value: unknown, values: readonly string[], cat: Category, now: string | undefined, ci: boolean): boolean | null {
  if (value === null || value === undefined) return null;
  const range = RANGES[fn];
  if (range) {
    const ms = typeof value === 'string' ? Date.parse(value.length === 10 ? `${value}T00:00:00Z` : value) : Number.NaN;
    if (Number.isNaN(ms)) return null;
    const n = Date.parse(now ?? new Date().toISOString());
    return inRange(ms, range(n, Number(values[0] ?? 0)));
  }
  const dayRange = DAY_RANGES[fn];
  if (dayRange) {
    const ms = typeof value === 'string' ? Date.parse(value.length === 10 ? `${value}T00:00:00Z` : value) : Number.NaN;
    return Number.isNaN(ms) ? null : inRange(ms, dayRange(dayOf(values[0] ?? '')));
  }
  const cmp = (x: string): number | undefined => compareValues(cat, value, cat === 'guid' ? x.replace(/[{}]/g, '') : x, ci);
  switch (fn) {
    case 'In':
    case 'NotIn': {
      const hit = values.some((x) => cmp(x) === 0);
      return fn === 'In' ? hit : !hit;
    }
    case 'Between':
    case 'NotBetween': {
      const lo = cmp(values[0] ?? '');
      const hi = cmp(values[1] ?? '');
      if (lo === undefined || hi === undefined) return null;
      const within = lo >= 0 && hi <= 0;
      return fn === 'Between' ? within : !within;
    }
    default:
      return null;
  }
}
