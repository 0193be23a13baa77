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

step('then.timeEntryActuals', async function (table: DataTable) {
  const [header, ...rows] = table.raw();
  if (!header) throw this.fail('tableHeader');
  const fields = header.map((h) => String(resolveLabel('field', this.lang, h)));
  fields.forEach((f, i) => {
    if (!reader(f)) throw this.fail('column', { column: header[i] ?? f, columns: Object.keys(cellReaders).map((c) => `"${this.label(`fields.msdyn_actual.${c}`)}"`).join(', ') });
  });
  const id = this.need(this.timeEntryId, 'timeEntry');
  const found: Rec[] = await this.dvList(`msdyn_actuals?$filter=_msdyn_timeentry_value eq ${id}`);
  const expected = rows.map((row) => Object.fromEntries(fields.map((f, i) => [f, reader(f)?.(this, row[i] ?? '')])));
  const remaining = [...found];
  const missing: number[] = [];
  expected.forEach((e, k) => {
    const i = remaining.findIndex((a) => fields.every((f) => same(f, a[f], e[f])));
    if (i < 0) missing.push(k);
    else remaining.splice(i, 1);
  });
  if (missing.length || remaining.length) {
    throw new Error([
      this.failText('rowsDifferAll', { what: this.label('entities.msdyn_actual.other'), columns: header.join(' | ') }),
      ...missing.map((k) => `  ${this.failText('rowAbsent', { row: rows[k]?.join(' | ') ?? String(k) })}`),
      ...remaining.map((r) => `  ${this.failText('rowUnexpected', { row: show(this, fields, r) })}`),
    ].join('\n'));
  }
});
