/**
 * The query string of a request to Finance and Operations' OData endpoint (`/data/`), checked before anything runs.
 *
 * Served, as dynamics-365-unified-operations-public: articles/fin-ops-core/dev-itpro/data-entities/odata.md documents
 * them ("Supported features from the OData specification", "Cross-company behavior", "Querying or browsing an OData
 * endpoint"): `$filter`, `$count`, `$orderby`, `$skip`, `$top`, `$expand`, `$select`, the `$skiptoken` of its
 * server-driven paging, `$format=json`, and the custom option `cross-company`. Everything else is refused with a 400,
 * never ignored: the other OData options (`$apply`, `$search`, `$compute`, `$format=xml` …) and any other parameter
 * (`savedQuery`, `fetchXml`, parameter aliases, …). Which options a request may carry depends on what it addresses.
 */
import { SimError } from '../errors.js';
import { FINANCE, odataError } from '../odata/flavour.js';
import { SYSTEM_OPTIONS } from '../odata/query.js';

/** What a request addresses: a collection, one record, `Set/$count`, or a write or bound action. */
export type FinanceTarget = 'collection' | 'record' | 'count' | 'write';

export interface FinanceQuery {
  /** `cross-company=true`: all companies instead of the user's default company. */
  readonly crossCompany: boolean;
  /** The system query options to apply (`$format` already taken care of). */
  readonly options: Readonly<Record<string, string>>;
}

type Option = (typeof SYSTEM_OPTIONS)[number];
const ALLOWED: Readonly<Record<FinanceTarget, readonly Option[]>> = {
  collection: ['$filter', '$select', '$orderby', '$top', '$skip', '$count', '$expand', '$skiptoken'],
  record: ['$select', '$expand'],
  // OData 4.0 part 2 §11.2.9 ($count segment): only $filter narrows what is counted.
  count: ['$filter'],
  write: [],
};
/** Options OData defines (part 2, §5): known, so "not supported" rather than "not known". */
const ODATA_OPTIONS: ReadonlySet<string> = new Set([...SYSTEM_OPTIONS, '$apply', '$search', '$compute', '$format', '$index', '$levels', '$schemaversion', '$deltatoken', '$id']);
/** `$format` values that mean the JSON the service answers anyway (odata.md's example is `$format=json`). */
const JSON_FORMAT = /^(json|application\/json(\s*;\s*[a-z.]+=[a-z0-9.]+)*)$/i;

export function financeQuery(raw: Readonly<Record<string, unknown>>, target: FinanceTarget): FinanceQuery {
  let crossCompany = false;
  const options: Record<string, string> = {};
  for (const [name, value] of Object.entries(raw)) {
    if (value === undefined) continue;
    // Express's 'simple' parser gives an array for a repeated name.
    if (typeof value !== 'string') throw odataError(FINANCE, 'duplicateOption', { option: name.slice(0, 100) });
    const lower = name.toLowerCase();
    if (name === 'cross-company') {
      crossCompany = crossCompanyValue(value);
      continue;
    }
    if (!name.startsWith('$')) throw odataError(FINANCE, 'unknownOption', { option: name.slice(0, 100) });
    if (lower === '$format') {
      if (!JSON_FORMAT.test(value.trim())) throw odataError(FINANCE, 'unsupportedOption', { option: `$format=${value.slice(0, 60)}` });
      continue;
    }
    if (!(ALLOWED[target] as readonly string[]).includes(lower)) {
      throw odataError(FINANCE, ODATA_OPTIONS.has(lower) ? 'unsupportedOption' : 'unknownOption', { option: name.slice(0, 100) });
    }
    options[name] = value;
  }
  return { crossCompany, options };
}

/**
 * `cross-company` is a Boolean (odata.md: `?cross-company=true`); `false` is the default behaviour.
 * convention: any other value is refused, as the house refuses what it does not understand.
 */
function crossCompanyValue(value: string): boolean {
  const v = value.trim().toLowerCase();
  if (v === 'true') return true;
  if (v === 'false') return false;
  throw new SimError(400, FINANCE.code, 'finance.query.badCrossCompany', { value: value.slice(0, 40), option: 'cross-company' });
}
