/**
 * Reads the facts of one Common Data Model table page (MicrosoftDocs/common-data-model-and-service,
 * `common-data-model/schema/core/operationsCommon/Tables/…/<Table>.md`): per attribute its name and the values of
 * its "Properties" table (dataFormat, isNullable, isReadOnly, isPrimaryKey, maximumLength, …), its extended data
 * type when the page names one, the enum values of a constrained list, and the table it links to. Display names,
 * descriptions and trait explanations are Microsoft's text and are not read.
 */

export interface CdmColumn {
  readonly name: string;
  /** The page's dataFormat: string, guid, int32, int64, decimal, date, dateTime, boolean, … */
  readonly dataFormat: string;
  readonly isNullable?: boolean;
  readonly isReadOnly?: boolean;
  readonly isPrimaryKey?: boolean;
  readonly maximumLength?: number;
  /** The extended data type / data type the page gives (`dataType` property), when it gives one. */
  readonly dataType?: string;
  /** Enum values (name and value) when the page lists them. */
  readonly enumValues?: readonly { readonly name: string; readonly value: number }[];
  /** For `Relationship_*` identifiers: the referenced table (`is.linkedEntity.identifier`). */
  readonly linkedEntity?: string;
}

export interface CdmTable { readonly name: string; readonly columns: readonly CdmColumn[] }

const FACT_PROPERTIES = new Set(['dataFormat', 'isNullable', 'isReadOnly', 'isPrimaryKey', 'maximumLength', 'dataType']);

export function parseCdmTable(md: string): CdmTable {
  const title = /^# .*\((\w+)\)\s*$/m.exec(md);
  const columns: CdmColumn[] = [];
  // Each attribute starts with `### <a href=#X name="X">X</a>`.
  const parts = md.split(/^### <a href=#\w+ name="(\w+)">\w+<\/a>\s*$/m);
  for (let i = 1; i + 1 < parts.length; i += 2) {
    const name = parts[i] as string;
    const body = parts[i + 1] as string;
    const props = new Map<string, string>();
    const table = /#### Properties\s*\n\s*(<table>.*?<\/table>)/s.exec(body);
    for (const m of (table?.[1] ?? '').matchAll(/<tr><td>(\w+)<\/td><td>([^<]*)<\/td><\/tr>/g)) {
      if (FACT_PROPERTIES.has(m[1] as string)) props.set(m[1] as string, (m[2] as string).trim());
    }
    const dataFormat = props.get('dataFormat');
    if (!dataFormat) continue;
    const bool = (k: string): boolean | undefined => (props.has(k) ? props.get(k) === 'true' : undefined);
    const maxLen = props.has('maximumLength') ? Number(props.get('maximumLength')) : undefined;
    const linked = /is\.linkedEntity\.identifier.*?\/(\w+)\.cdm\.json\/\w+/s.exec(body);
    const enums = [...body.matchAll(/<tr><td>(\w+)<\/td><td>(\d+)<\/td><\/tr>/g)].map((m) => ({ name: m[1] as string, value: Number(m[2]) }));
    const col: CdmColumn = {
      name, dataFormat,
      ...(bool('isNullable') !== undefined ? { isNullable: bool('isNullable') } : {}),
      ...(bool('isReadOnly') !== undefined ? { isReadOnly: bool('isReadOnly') } : {}),
      ...(bool('isPrimaryKey') !== undefined ? { isPrimaryKey: bool('isPrimaryKey') } : {}),
      ...(maxLen !== undefined && Number.isInteger(maxLen) ? { maximumLength: maxLen } : {}),
      ...(props.get('dataType') ? { dataType: props.get('dataType') } : {}),
      ...(/is\.constrainedList/.test(body) && enums.length ? { enumValues: enums } : {}),
      ...(linked ? { linkedEntity: linked[1] } : {}),
    };
    columns.push(col);
  }
  return { name: title?.[1] ?? '', columns };
}
