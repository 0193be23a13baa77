/**
 * The `Prefer` request header (RFC 7240) as OData uses it: `return=representation|minimal`,
 * `odata.maxpagesize=N`, `odata.include-annotations="…"`. Preferences are comma-separated, names are
 * case-insensitive, values may be quoted strings, parameters follow `;`. A preference that is not
 * understood or malformed is ignored (RFC 7240 §2), and only the first occurrence of a name counts.
 */

export interface PreferParam {
  readonly name: string;
  readonly value?: string;
}

export interface Preference {
  /** Lower case. */
  readonly name: string;
  readonly value?: string;
  readonly params: readonly PreferParam[];
}

export interface AnnotationPattern {
  /** `*`, `Namespace.*` or a full term name such as `OData.Community.Display.V1.FormattedValue`. */
  readonly pattern: string;
  /** Written with a leading `-`. */
  readonly exclude: boolean;
}

export interface Prefer {
  readonly return?: 'representation' | 'minimal';
  readonly returnRepresentation: boolean;
  readonly maxPageSize?: number;
  readonly includeAnnotations?: readonly AnnotationPattern[];
  /** Every preference, first occurrence of each name, in order. */
  readonly preferences: readonly Preference[];
}

/** Upper bound of `odata.maxpagesize` honoured (Dataverse pages at most 5000 records). */
export const MAX_PAGE_SIZE = 5000;

const TOKEN = /^[!#$%&'*+.^_`|~0-9A-Za-z-]+$/;

/** Split on `sep` outside double quotes (backslash escapes inside quotes). */
function splitOutsideQuotes(text: string, sep: string): string[] {
  const out: string[] = [];
  let cur = '';
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i]!;
    if (quoted && c === '\\' && i + 1 < text.length) {
      cur += c + text[++i];
      continue;
    }
    if (c === '"') quoted = !quoted;
    if (c === sep && !quoted) {
      out.push(cur);
      cur = '';
    } else cur += c;
  }
  out.push(cur);
  return out;
}

/** `name[=value]` with optional quoted value; undefined when malformed. */
function nameValue(text: string): PreferParam | undefined {
  const eq = text.indexOf('=');
  const name = (eq < 0 ? text : text.slice(0, eq)).trim();
  if (!TOKEN.test(name)) return undefined;
  if (eq < 0) return { name: name.toLowerCase() };
  let value = text.slice(eq + 1).trim();
  if (value.startsWith('"')) {
    if (value.length < 2 || !value.endsWith('"')) return undefined;
    value = value.slice(1, -1).replace(/\\(.)/g, '$1');
  } else if (value !== '' && !TOKEN.test(value)) return undefined;
  return { name: name.toLowerCase(), value };
}

/** All preferences of one or more `Prefer` header values. */
export function parsePreferences(header: string | readonly string[] | undefined): Preference[] {
  if (header === undefined) return [];
  const text = typeof header === 'string' ? header : header.join(',');
  if (text.length > 8192) return [];
  const out: Preference[] = [];
  for (const item of splitOutsideQuotes(text, ',')) {
    if (item.trim() === '') continue;
    const [head, ...rest] = splitOutsideQuotes(item, ';');
    const pref = nameValue(head!);
    if (!pref || out.some((p) => p.name === pref.name)) continue;
    const params = rest.filter((r) => r.trim() !== '').map(nameValue);
    if (params.some((p) => p === undefined)) continue;
    out.push({ ...pref, params: params as PreferParam[] });
  }
  return out;
}

export function parseAnnotationPatterns(value: string): AnnotationPattern[] {
  const out: AnnotationPattern[] = [];
  for (const raw of value.split(',')) {
    const t = raw.trim();
    if (!t) continue;
    const exclude = t.startsWith('-');
    const pattern = exclude ? t.slice(1) : t;
    if (pattern === '*' || /^[A-Za-z_][A-Za-z0-9_]*(\.[A-Za-z_][A-Za-z0-9_]*)*(\.\*)?$/.test(pattern)) out.push({ pattern, exclude });
  }
  return out;
}

export function parsePrefer(header: string | readonly string[] | undefined): Prefer {
  const preferences = parsePreferences(header);
  const get = (name: string) => preferences.find((p) => p.name === name);
  const result: { -readonly [K in keyof Prefer]: Prefer[K] } = { returnRepresentation: false, preferences };
  const ret = get('return')?.value?.toLowerCase();
  if (ret === 'representation' || ret === 'minimal') {
    result.return = ret;
    result.returnRepresentation = ret === 'representation';
  }
  const size = get('odata.maxpagesize')?.value;
  if (size !== undefined && /^\d{1,9}$/.test(size)) {
    const n = Number(size);
    if (n > 0) result.maxPageSize = Math.min(n, MAX_PAGE_SIZE);
  }
  const annotations = get('odata.include-annotations')?.value;
  if (annotations !== undefined) result.includeAnnotations = parseAnnotationPatterns(annotations);
  return result;
}

/** Specificity of a pattern matching `name`: 0 = no match; exact beats `ns.*` (longer first) beats `*`. */
function specificity(pattern: string, name: string): number {
  const p = pattern.toLowerCase();
  const n = name.toLowerCase();
  if (p === '*') return 1;
  if (p.endsWith('.*')) return n.startsWith(p.slice(0, -1)) ? 1 + p.length : 0;
  return p === n ? Number.MAX_SAFE_INTEGER : 0;
}

/**
 * Whether an annotation term (e.g. `OData.Community.Display.V1.FormattedValue`) is requested: the most
 * specific matching pattern decides; an exclusion wins over an inclusion of equal specificity.
 */
export function includesAnnotation(patterns: readonly AnnotationPattern[] | undefined, name: string): boolean {
  if (!patterns) return false;
  let best = 0;
  let included = false;
  for (const p of patterns) {
    const s = specificity(p.pattern, name);
    if (s === 0) continue;
    if (s > best) {
      best = s;
      included = !p.exclude;
    } else if (s === best && p.exclude) included = false;
  }
  return included;
}

/** `Preference-Applied` header value for what the server honoured, or undefined when nothing. */
export function preferenceApplied(applied: {
  readonly return?: 'representation' | 'minimal';
  readonly maxPageSize?: number;
  readonly includeAnnotations?: readonly AnnotationPattern[];
}): string | undefined {
  const parts: string[] = [];
  if (applied.return) parts.push(`return=${applied.return}`);
  if (applied.maxPageSize !== undefined) parts.push(`odata.maxpagesize=${applied.maxPageSize}`);
  if (applied.includeAnnotations?.length) {
    const list = applied.includeAnnotations.map((p) => `${p.exclude ? '-' : ''}${p.pattern}`).join(',');
    parts.push(`odata.include-annotations="${list}"`);
  }
  return parts.length ? parts.join(',') : undefined;
}
