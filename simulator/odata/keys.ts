/**
 * Entity keys in resource paths:
 *   Dataverse primary key     `accounts(00000000-0000-0000-0000-000000000001)`
 *   Dataverse alternate key   `accounts(accountnumber='A1')`, `contacts(employeeid=12345)`
 *   Finance compound key      `ProjectInvoiceProposals(dataAreaId='USPM',ProposalId='INV-00001')`
 * Values are quoted strings ('' escapes a quote), integers or GUIDs. Segments are given as they appear
 * in the URL (percent-encoded) and decoded here, once.
 */
import { DATAVERSE, type Flavour, odataError } from './flavour.js';
import { isGuid } from './ids.js';
import { isForbiddenName } from './schema.js';

export type KeyValue = string | number;

export type ParsedKey =
  | { readonly kind: 'id'; readonly id: string }
  | { readonly kind: 'named'; readonly parts: ReadonlyMap<string, KeyValue> };

export interface EntitySegment {
  /** Entity set name. */
  readonly set: string;
  /** Absent for a collection. */
  readonly key?: ParsedKey;
}

const SET_NAME = /^[A-Za-z_][A-Za-z0-9_]{0,127}$/;
const KEY_NAME = /^[A-Za-z_][A-Za-z0-9_]{0,127}$/;
const INTEGER = /^-?\d{1,15}$/;
const MAX_SEGMENT = 2048;

/** Parse `set` or `set(key)` from one raw path segment. */
export function parseEntitySegment(segment: string, flavour: Flavour = DATAVERSE): EntitySegment {
  const badKey = () => odataError(flavour, 'badKey', { value: segment.slice(0, 100) });
  if (segment.length > MAX_SEGMENT) throw badKey();
  let text: string;
  try {
    text = decodeURIComponent(segment);
  } catch {
    throw badKey();
  }
  const open = text.indexOf('(');
  const set = open < 0 ? text : text.slice(0, open);
  if (!SET_NAME.test(set)) throw odataError(flavour, 'badSegment', { segment: set.slice(0, 100) }, 404);
  if (open < 0) return { set };
  if (!text.endsWith(')')) throw badKey();
  return { set, key: parseKeyPredicate(text.slice(open + 1, -1), flavour) };
}

/** Parse the text between the parentheses of a key predicate (already percent-decoded). */
/** An unquoted Edm.Date literal (OData ABNF dateValue): YYYY-MM-DD. */
const DATE_LITERAL = /^\d{4}-\d{2}-\d{2}$/;

export function parseKeyPredicate(text: string, flavour: Flavour = DATAVERSE): ParsedKey {
  const badKey = () => odataError(flavour, 'badKey', { value: text.slice(0, 100) });
  const trimmed = text.trim();
  if (trimmed === '') throw badKey();
  if (!trimmed.includes('=')) {
    if (!isGuid(trimmed)) throw badKey();
    return { kind: 'id', id: trimmed.toLowerCase() };
  }
  const parts = new Map<string, KeyValue>();
  let i = 0;
  const src = text;
  for (;;) {
    const eq = src.indexOf('=', i);
    if (eq < 0) throw badKey();
    const name = src.slice(i, eq).trim();
    if (!KEY_NAME.test(name) || isForbiddenName(name) || parts.has(name)) throw badKey();
    let j = eq + 1;
    while (src[j] === ' ') j++;
    let value: KeyValue;
    if (src[j] === "'") {
      let out = '';
      let k = j + 1;
      for (;;) {
        const q = src.indexOf("'", k);
        if (q < 0) throw badKey();
        out += src.slice(k, q);
        if (src[q + 1] === "'") {
          out += "'";
          k = q + 2;
          continue;
        }
        j = q + 1;
        break;
      }
      value = out;
    } else {
      const end = src.indexOf(',', j);
      const raw = src.slice(j, end < 0 ? src.length : end).trim();
      if (isGuid(raw)) value = raw.toLowerCase();
      else if (INTEGER.test(raw)) value = Number(raw);
      else if (DATE_LITERAL.test(raw) && !Number.isNaN(Date.parse(raw))) value = raw; // Edm.Date key part, e.g. a rate's StartDate
      else throw badKey();
      j = end < 0 ? src.length : end;
    }
    parts.set(name, value);
    while (src[j] === ' ') j++;
    if (j >= src.length) break;
    if (src[j] !== ',') throw badKey();
    i = j + 1;
  }
  return { kind: 'named', parts };
}

/**
 * The values of exactly the key properties `names` (a primary or alternate key). A bare GUID fills a
 * single-property key. Missing part → 400 'odata.missingKey'; a part not in `names` → 400 'odata.unknownKey'.
 */
export function requireKeyParts(key: ParsedKey, names: readonly string[], flavour: Flavour = DATAVERSE): Record<string, KeyValue> {
  const out: Record<string, KeyValue> = {};
  if (key.kind === 'id') {
    if (names.length !== 1) throw odataError(flavour, 'missingKey', { property: names[1] ?? names[0] ?? '' });
    out[names[0]!] = key.id;
    return out;
  }
  for (const name of key.parts.keys()) {
    if (!names.includes(name)) throw odataError(flavour, 'unknownKey', { property: name });
  }
  for (const name of names) {
    const v = key.parts.get(name);
    if (v === undefined) throw odataError(flavour, 'missingKey', { property: name });
    out[name] = v;
  }
  return out;
}

/** Key predicate text for a URL (`OData-EntityId`, nextLink): a GUID bare, named parts quoted. */
export function formatKey(values: Readonly<Record<string, KeyValue>> | string): string {
  if (typeof values === 'string') return `(${values})`;
  const quote = (v: KeyValue) => (typeof v === 'number' ? String(v) : `'${v.replaceAll("'", "''")}'`);
  return `(${Object.entries(values).map(([k, v]) => `${k}=${quote(v)}`).join(',')})`;
}
