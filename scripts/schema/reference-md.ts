/**
 * Reads the facts of one generated table reference page (MicrosoftDocs, `…/entities/<table>.md`): per column its
 * logical name, type, lengths and ranges, option values with their labels, required level, lookup targets and
 * whether it is valid for create/update. Descriptions and display names are not read: they are Microsoft's text.
 *
 * Two generations of the page are understood: the 2017–2019 one ("## Writable attributes" / "## Read-only
 * attributes", "#### X Options", bare values) and the current one ("## Writable columns/attributes",
 * "#### X Choices/Options", values in backticks or bold).
 */
import type { CatalogColumn, CatalogOption } from '../../simulator/schema/catalog.js';

/** A column as the page gives it: the catalogue's facts, plus its logical name (the catalogue's key). */
export interface RefColumn extends CatalogColumn {
  readonly logicalName: string;
}

export interface RefTable {
  readonly logicalName?: string;
  readonly primaryId?: string;
  readonly primaryName?: string;
  readonly entitySetName?: string;
  readonly columns: readonly RefColumn[];
}

/** A table cell without markdown decoration: backticks, bold, links. */
function clean(cell: string): string {
  return cell.trim().replace(/^\*\*(.*)\*\*$/, '$1').replace(/^`(.*)`$/, '$1').replace(/\[([^\]]*)\]\([^)]*\)/g, '$1').trim();
}

function cells(line: string): string[] {
  const inner = line.trim().replace(/^\|/, '').replace(/\|$/, '');
  return inner.split('|').map(clean);
}

const isRow = (line: string): boolean => line.trim().startsWith('|');
const isRule = (line: string): boolean => /^\|\s*:?-+/.test(line.trim());

/** The rows of the markdown table starting at or after `from` (header and rule skipped). */
function tableAt(lines: readonly string[], from: number): { rows: string[][]; end: number } {
  let i = from;
  while (i < lines.length && !isRow(lines[i] ?? '')) {
    if (/^#{1,4}\s/.test(lines[i] ?? '')) return { rows: [], end: i };
    i++;
  }
  const rows: string[][] = [];
  for (; i < lines.length && isRow(lines[i] ?? ''); i++) {
    const line = lines[i] ?? '';
    if (isRule(line)) continue;
    rows.push(cells(line));
  }
  return { rows: rows.slice(1), end: i };
}

const num = (s: string | undefined): number | undefined => (s !== undefined && /^-?\d+(\.\d+)?$/.test(s) ? Number(s) : undefined);

export function parseReference(markdown: string): RefTable {
  const lines = markdown.split(/\r?\n/);
  const columns: RefColumn[] = [];
  let section: 'writable' | 'readonly' | 'other' = 'other';
  const table: { logicalName?: string; primaryId?: string; primaryName?: string; entitySetName?: string } = {};
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i] ?? '';
    const h2 = /^##\s+(.*)$/.exec(line);
    if (h2) {
      const title = (h2[1] ?? '').toLowerCase();
      section = title.startsWith('writable') ? 'writable' : title.startsWith('read-only') ? 'readonly' : 'other';
      if (title.startsWith('entity properties') || title === 'properties') {
        const { rows, end } = tableAt(lines, i + 1);
        for (const [k, v] of rows) {
          if (k === 'LogicalName') table.logicalName = v;
          else if (k === 'PrimaryIdAttribute') table.primaryId = v;
          else if (k === 'PrimaryNameAttribute') table.primaryName = v;
          else if (k === 'EntitySetName') table.entitySetName = v;
        }
        i = end - 1;
      }
      continue;
    }
    if (section === 'other' || !/^###\s+<a name="BKMK_/.test(line)) continue;
    const { rows, end } = tableAt(lines, i + 1);
    const props = new Map(rows.map((r) => [r[0] ?? '', r[1] ?? '']));
    i = end - 1;
    const logicalName = props.get('LogicalName');
    const type = props.get('Type');
    if (!logicalName || !type) continue;
    // Options follow as "#### <Schema> Options" or "#### <Schema> Choices/Options".
    let options: CatalogOption[] | undefined;
    for (let j = end; j < lines.length; j++) {
      const l = lines[j] ?? '';
      if (/^#{2,3}\s/.test(l)) break;
      if (/^####\s+.*(Options|Choices)/.test(l)) {
        const t = tableAt(lines, j + 1);
        options = [];
        const header = cells(lines.slice(j + 1).find(isRow) ?? '');
        const stateAt = header.indexOf('State');
        for (const r of t.rows) {
          const value = num(r[0]);
          if (value === undefined) continue;
          const state = stateAt >= 0 ? num(r[stateAt]) : undefined;
          options.push({ value, label: r[1] ?? '', ...(state !== undefined ? { state } : {}) });
        }
        i = t.end - 1;
        break;
      }
    }
    const explicitCreate = props.get('IsValidForCreate');
    const explicitUpdate = props.get('IsValidForUpdate');
    const writable = section === 'writable';
    const targets = props.get('Targets');
    const column: RefColumn = {
      logicalName,
      type,
      requiredLevel: props.get('RequiredLevel') ?? 'None',
      validForCreate: explicitCreate !== undefined ? explicitCreate === 'True' : writable,
      validForUpdate: explicitUpdate !== undefined ? explicitUpdate === 'True' : writable,
      ...(num(props.get('MaxLength')) !== undefined ? { maxLength: num(props.get('MaxLength')) } : {}),
      ...(num(props.get('MinValue')) !== undefined ? { minValue: num(props.get('MinValue')) } : {}),
      ...(num(props.get('MaxValue')) !== undefined ? { maxValue: num(props.get('MaxValue')) } : {}),
      ...(num(props.get('Precision')) !== undefined ? { precision: num(props.get('Precision')) } : {}),
      ...(props.get('Format') ? { format: props.get('Format') } : {}),
      ...(props.get('DateTimeBehavior') ? { dateTimeBehavior: props.get('DateTimeBehavior') } : {}),
      ...(targets ? { targets: targets.split(',').map((s) => s.trim()).filter(Boolean) } : {}),
      ...(props.get('GlobalChoiceName') ? { globalOptionSet: props.get('GlobalChoiceName') } : {}),
      ...(options ? { options } : {}),
    };
    columns.push(column);
  }
  return { ...table, columns };
}
