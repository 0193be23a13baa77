import { DataTable } from '@cucumber/cucumber';
import { step } from './support/phrases.js';
import { resolveLabel } from './support/parameters.js';
import type { Rec, SpecWorld } from './support/world.js';
import { cellReaders, matches, show } from './invoicing.steps.js';

/**
 * All actuals of the scenario's time entry, compared as a whole with a table (Microsoft's actuals tables,
 * actuals/ActualsonTM.md and ActualonFP.md): every row must be found and no other actual may exist. Columns are
 * the actual's field labels; an empty cell or "—" means the field has no value (e.g. the billing type of a cost
 * actual). A table of only the header row means: the time entry has no actuals.
 */

const NONE = new Set(['', '—', '-']);

function reader(field: string): ((w: SpecWorld, text: string) => unknown) | undefined {
  const read = cellReaders[field];
  if (!read) return undefined;
  if (field === 'msdyn_quantity' || field === 'msdyn_amount' || field === 'msdyn_skipsync') return read;
  return (w, text) => (NONE.has(text.trim()) ? null : read(w, text));
}

const same = (field: string, actual: unknown, expected: unknown): boolean =>
  expected === null ? actual === null || actual === undefined : matches(field, actual, expected);

/**
 * Records compared as a whole with a table whose columns are the actual's field labels: each row must be found,
 * and no other record may exist. `what` names the records in the message.
 */
export function compareWhole(w: SpecWorld, table: DataTable, found: readonly Rec[], what: string): void {
  const [header, ...rows] = table.raw();
  if (!header) throw w.fail('tableHeader');
  const fields = header.map((h) => String(resolveLabel('field', w.lang, h)));
  fields.forEach((f, i) => {
    if (!reader(f)) throw w.fail('column', { column: header[i] ?? f, columns: Object.keys(cellReaders).map((c) => `"${w.label(`fields.msdyn_actual.${c}`)}"`).join(', ') });
  });
  const expected = rows.map((row) => Object.fromEntries(fields.map((f, i) => [f, reader(f)?.(w, row[i] ?? '')])));
  const remaining = [...found];
  const missing: number[] = [];
  expected.forEach((e, k) => {
    const i = remaining.findIndex((a) => fields.every((f) => same(f, a[f], e[f])));
    if (i < 0) missing.push(k);
    else remaining.splice(i, 1);
  });
  if (missing.length || remaining.length) {
    throw new Error([
      w.failText('rowsDifferAll', { what, columns: header.join(' | ') }),
      ...missing.map((k) => `  ${w.failText('rowAbsent', { row: rows[k]?.join(' | ') ?? String(k) })}`),
      ...remaining.map((r) => `  ${w.failText('rowUnexpected', { row: show(w, fields, r) })}`),
    ].join('\n'));
  }
}

step('then.timeEntryActuals', async function (table: DataTable) {
  const found = await this.dvList(`msdyn_actuals?$filter=_msdyn_timeentry_value eq ${this.need(this.timeEntryId, 'timeEntry')}`);
  compareWhole(this, table, found, this.label('entities.msdyn_actual.other'));
});

/** Every actual of the contract's project, time and milestones (the fixed price rows end with the milestone's billed sales). */
step('then.projectActuals', async function (table: DataTable) {
  const found = await this.dvList(`msdyn_actuals?$filter=_msdyn_project_value eq ${this.currentContract().projectId}`);
  compareWhole(this, table, found, this.label('entities.msdyn_actual.other'));
});
