/**
 * Weak entity tags from record version numbers (`W/"12345"`, as Dataverse sends them) and the
 * conditional headers `If-Match` / `If-None-Match` (RFC 9110 §13.1). Comparison is weak: the opaque
 * parts are compared, `W/` is ignored, as Dataverse does for its own weak tags.
 */
import { DATAVERSE, type Flavour, odataError } from './flavour.js';

export interface EntityTag {
  readonly weak: boolean;
  readonly opaque: string;
}

/** `*` or a list of tags. */
export type EtagCondition = { readonly any: true } | { readonly any: false; readonly tags: readonly EntityTag[] };

/** The ETag of a record version. */
export const etagOf = (version: number | bigint | string): string => `W/"${String(version)}"`;

/** RFC 9110 etagc: %x21 / %x23-7E / obs-text (no DQUOTE, no control characters, no space). */
const TAG = /^(W\/)?"([\x21\x23-\x7e\x80-\xff]*)"$/;

/** One entity tag, or undefined when malformed. */
export function parseEntityTag(text: string): EntityTag | undefined {
  const m = TAG.exec(text.trim());
  return m ? { weak: m[1] !== undefined, opaque: m[2]! } : undefined;
}

/** The version inside an ETag (`W/"42"` → "42"), or undefined when malformed. */
export const versionOf = (etag: string): string | undefined => parseEntityTag(etag)?.opaque;

/**
 * Parse an `If-Match` or `If-None-Match` header value. Absent header → undefined. Malformed (empty,
 * unquoted, `*` mixed with tags, too long) → `SimError` 400 'odata.badEtag'.
 */
export function parseEtagHeader(value: string | readonly string[] | undefined, flavour: Flavour = DATAVERSE): EtagCondition | undefined {
  if (value === undefined) return undefined;
  const text = typeof value === 'string' ? value : value.join(',');
  const bad = () => odataError(flavour, 'badEtag', { value: text.slice(0, 100) });
  if (text.length > 4096) throw bad();
  const trimmed = text.trim();
  if (trimmed === '*') return { any: true };
  const tags: EntityTag[] = [];
  // Split on commas outside quotes.
  let start = 0;
  let quoted = false;
  for (let i = 0; i <= trimmed.length; i++) {
    const c = trimmed[i];
    if (c === '"') quoted = !quoted;
    else if ((c === ',' && !quoted) || i === trimmed.length) {
      const part = trimmed.slice(start, i).trim();
      start = i + 1;
      if (part === '') continue; // RFC list syntax allows empty elements
      const tag = parseEntityTag(part);
      if (!tag) throw bad();
      tags.push(tag);
    }
  }
  if (tags.length === 0) throw bad();
  return { any: false, tags };
}

const opaqueOf = (current: string | number | bigint): string | undefined =>
  typeof current === 'string' ? (parseEntityTag(current)?.opaque ?? current) : String(current);

function anyMatches(cond: Extract<EtagCondition, { any: false }>, current: string | number | bigint): boolean {
  const opaque = opaqueOf(current);
  return cond.tags.some((t) => t.opaque === opaque);
}

/**
 * Whether a request passes `If-Match`. `current` is the record's ETag (or version), null/undefined when
 * there is no record. No header → true. `*` → true when the record exists.
 */
export function ifMatchPasses(cond: EtagCondition | undefined, current: string | number | bigint | null | undefined): boolean {
  if (!cond) return true;
  if (current === null || current === undefined) return false;
  return cond.any || anyMatches(cond, current);
}

/**
 * Whether a request passes `If-None-Match`. No header → true. `*` → true only when there is no record
 * (create-only upsert). A list → true unless one tag matches (GET answers 304, writes 412).
 */
export function ifNoneMatchPasses(cond: EtagCondition | undefined, current: string | number | bigint | null | undefined): boolean {
  if (!cond) return true;
  if (current === null || current === undefined) return true;
  return cond.any ? false : !anyMatches(cond, current);
}
