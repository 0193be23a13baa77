/**
 * Generates simulator/schema/catalog/dataverse.json, the column catalogue of the simulated Dataverse tables, from
 * Microsoft's generated table references (MicrosoftDocs/dynamics-365-customer-engagement, `…/entities/<table>.md`).
 * Runs offline on a copy that is already here:
 *
 *   node --import ./register.mjs scripts/schema/catalog.ts --git <git dir> [--ref HEAD] --path ce/developer/entities \
 *        --repository <owner/name> [--upstream <owner/name>] [--read YYYY-MM-DD]
 *   node --import ./register.mjs scripts/schema/catalog.ts --dir <folder with <table>.md> --repository <owner/name> \
 *        [--commit <sha>] [--commit-date <iso>] [--path <path of the folder in the repository>]
 *
 * Only facts are kept (names, types, lengths, ranges, option values and English labels, required levels,
 * targets, create/update validity); descriptions and display names are not copied.
 */
import { git, sourceArgs } from './source-args.js';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { projectPath } from '../../simulator/paths.js';
import { parseReference, type RefColumn } from './reference-md.js';
import { CATALOG_TABLES, includeColumn, type CatalogColumn, type CatalogFile, type CatalogTable } from '../../simulator/schema/catalog.js';




function main(): void {
  const parsed = sourceArgs(process.argv.slice(2), projectPath('simulator', 'schema', 'catalog', 'dataverse.json'), ['path', 'repository', 'upstream']);
  const a = { ...parsed, path: parsed.extra.path ?? 'ce/developer/entities', repository: parsed.extra.repository, upstream: parsed.extra.upstream };
  if (!a.repository) throw new Error('--repository <owner/name> is required (it is recorded as the source)');
  let commit = a.commit ?? null;
  let commitDate = a.commitDate ?? null;
  if (a.git) {
    [commit, commitDate] = git(a.git, 'log', '-1', '--format=%H %cI', a.ref).trim().split(' ') as [string, string];
  }
  const read = (table: string): string | undefined => {
    const path = `${a.path}/${table}.md`;
    if (a.git) {
      try { return git(a.git, 'show', `${commit}:${path}`); } catch { return undefined; }
    }
    const file = join(a.dir as string, `${table}.md`);
    return existsSync(file) ? readFileSync(file, 'utf8') : undefined;
  };
  const simulated = new Set<string>(CATALOG_TABLES);
  const tables: Record<string, CatalogTable> = {};
  const omittedTotal: Record<string, number> = {};
  for (const name of CATALOG_TABLES) {
    const md = read(name);
    if (md === undefined) {
      tables[name] = { source: null, columns: {}, omitted: {} };
      continue;
    }
    const ref = parseReference(md);
    const columns: Record<string, CatalogColumn> = {};
    const omitted: Record<string, number> = {};
    const lookups = new Set(ref.columns.filter((c) => ['Lookup', 'Customer', 'Owner'].includes(c.type)).map((c) => c.logicalName));
    for (const c of ref.columns) {
      const why = includeColumn(c, simulated, lookups);
      if (why !== true) { omitted[why] = (omitted[why] ?? 0) + 1; omittedTotal[why] = (omittedTotal[why] ?? 0) + 1; continue; }
      columns[c.logicalName] = toCatalog(c, simulated);
    }
    tables[name] = {
      source: { repository: a.repository as string, ...(a.upstream ? { upstream: a.upstream } : {}), path: `${a.path}/${name}.md`, commit, commitDate, read: a.read },
      ...(ref.primaryId ? { primaryId: ref.primaryId } : {}),
      ...(ref.primaryName ? { primaryName: ref.primaryName } : {}),
      columns: Object.fromEntries(Object.entries(columns).sort(([x], [y]) => (x < y ? -1 : 1))),
      omitted,
    };
  }
  const out: CatalogFile = {
    generatedBy: 'scripts/schema/catalog.ts',
    notes: {
      omitted: omittedTotal,
      localizedLabels: {
        de: null,
        nl: null,
        why: 'no German or Dutch edition of the references could be read: MicrosoftDocs/dynamics-365-customer-engagement.de-de and .nl-nl have no copy to fetch, and localized learn.microsoft.com pages are no source this generator reads; option labels here are English only',
        simulator: 'formatted values take labels:options.<set>.<value> from locales/<lng>/labels.json where the locales have it; otherwise the English label of this catalogue, in every language (convention)',
      },
      ...(a.upstream ? { source: `read from ${String(a.repository)}, a copy of ${a.upstream} (the upstream repository was larger than what could be fetched); commit and date per table are the copy's` } : {}),
    },
    tables,
  };
  mkdirSync(dirname(a.out), { recursive: true });
  writeFileSync(a.out, `${JSON.stringify(out, null, 1)}\n`);
  const counts = Object.entries(tables).map(([n, t]) => `${n}: ${t.source ? Object.keys(t.columns).length : 'no reference'}`);
  process.stdout.write(`wrote ${a.out}\n${counts.join('\n')}\n`);
}

function toCatalog(c: RefColumn, simulated: ReadonlySet<string>): CatalogColumn {
  return {
    type: c.type,
    requiredLevel: c.requiredLevel,
    validForCreate: c.validForCreate,
    validForUpdate: c.validForUpdate,
    ...(c.maxLength !== undefined ? { maxLength: c.maxLength } : {}),
    ...(c.minValue !== undefined ? { minValue: c.minValue } : {}),
    ...(c.maxValue !== undefined ? { maxValue: c.maxValue } : {}),
    ...(c.precision !== undefined ? { precision: c.precision } : {}),
    ...(c.format ? { format: c.format } : {}),
    ...(c.dateTimeBehavior ? { dateTimeBehavior: c.dateTimeBehavior } : {}),
    ...(c.targets ? { targets: c.targets.filter((t) => simulated.has(t)) } : {}),
    ...(c.globalOptionSet ? { globalOptionSet: c.globalOptionSet } : {}),
    ...(c.options ? { options: c.options } : {}),
  };
}

main();
