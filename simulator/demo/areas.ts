/**
 * Which part of the picture a Gherkin step touches, by step id (the keys of `locales/en/steps.json`).
 * Areas are the `data-area` names of the page: Dataverse `backlog`, `proforma`, `confirm`, `actuals`; dual-write
 * `map-<mapId>` and `writeback`; Finance `proposals`, `staging`, `import`, `journal`, `lines`, `post`, `invoices`;
 * and `clock`.
 *
 * Step ids not listed fall back to the words of the id (ids are English: `confirm_invoice`, `import_staging`…).
 * The page also lights up whatever a commit touches, so an unknown step still shows where it acts.
 */
export const AREAS = [
  'backlog', 'proforma', 'confirm', 'actuals', 'map-pi_v2', 'map-actuals', 'map-txconn', 'map-legal_entities', 'writeback',
  'proposals', 'staging', 'import', 'journal', 'lines', 'post', 'invoices', 'clock',
] as const;
export type Area = (typeof AREAS)[number];

/** Explicit areas of known step ids (exact id). */
export const STEP_AREAS: Readonly<Record<string, readonly Area[]>> = {};

/** Fallback: words in a step id (or, without one, in its phrase) → areas. Every matching rule adds its areas. */
const RULES: readonly [RegExp, readonly Area[]][] = [
  [/legal.?entit|company|currency/i, ['map-legal_entities']],
  [/hours?|time.?entr|expense|approv|ready|backlog|milestone|unbilled/i, ['backlog']],
  [/pro.?forma|create.?invoice|draft|invoice.?(created|exists)|correct/i, ['proforma']],
  [/confirm/i, ['confirm', 'map-pi_v2', 'map-actuals']],
  [/actuals?\b|billed/i, ['actuals']],
  [/proposal/i, ['proposals']],
  [/staging|import/i, ['staging', 'import']],
  [/journal/i, ['journal']],
  [/lines?\b/i, ['lines']],
  [/\bpost|posted|posting/i, ['post', 'invoices']],
  [/customer.?invoice/i, ['invoices']],
  [/voucher|accounting|exchange.?rate|sales.?tax|write.?back/i, ['writeback', 'actuals']],
  [/map|pause|resume|stop|queue|catch.?up|dual.?write/i, ['map-pi_v2', 'map-actuals']],
  [/connection|relationship/i, ['map-txconn']],
  [/clock|advance|recurrence|later/i, ['clock']],
];

export function areasOf(stepId: string | undefined, phrase?: string): Area[] {
  if (stepId && STEP_AREAS[stepId]) return [...(STEP_AREAS[stepId] as readonly Area[])];
  const words = (stepId ?? phrase ?? '').replace(/[_.-]+/g, ' ');
  const out = new Set<Area>();
  for (const [re, areas] of RULES) if (re.test(words)) for (const a of areas) out.add(a);
  return [...out];
}
