/**
 * Generates simulator/schema/catalog/finance.json, the column catalogue of the simulated Finance staging tables,
 * from Microsoft's Common Data Model table pages (MicrosoftDocs/common-data-model-and-service,
 * `common-data-model/schema/core/operationsCommon/Tables/ProfessionalServices/ProjectManagementAndAccounting/Miscellaneous/<Table>.md`).
 * Runs offline on a copy that is already here:
 *
 *   node --import ./register.mjs scripts/schema/finance-catalog.ts --git <git dir> [--ref HEAD] [--read YYYY-MM-DD]
 *   node --import ./register.mjs scripts/schema/finance-catalog.ts --dir <folder with <Table>.md> --commit <sha> --commit-date <iso>
 *
 * Only facts are kept (names, data formats, lengths, enum values, nullable/read-only/primary-key flags, linked
 * tables); display names and descriptions are not copied.
 */
import { git, sourceArgs } from './source-args.js';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { projectPath } from '../../simulator/paths.js';
import { parseCdmTable, type CdmColumn } from './cdm-md.js';
import { FINANCE_CATALOG_TABLES, type FinanceCatalogColumn, type FinanceCatalogFile, type FinanceCatalogTable } from '../../simulator/schema/finance-catalog.js';

const REPOSITORY = 'MicrosoftDocs/common-data-model-and-service';
const FOLDER = 'common-data-model/schema/core/operationsCommon/Tables/ProfessionalServices/ProjectManagementAndAccounting/Miscellaneous';




function main(): void {
  const a = sourceArgs(process.argv.slice(2), projectPath('simulator', 'schema', 'catalog', 'finance.json'));
  if (a.dir && (!a.commit || !a.commitDate)) throw new Error('--dir needs --commit and --commit-date (recorded as the source)');
  const tables: Record<string, FinanceCatalogTable> = {};
  for (const name of FINANCE_CATALOG_TABLES) {
    const path = `${FOLDER}/${name}.md`;
    let md: string;
    let commit: string;
    let commitDate: string;
    if (a.git) {
      // The commit that last changed this page, as its source.
      [commit, commitDate] = git(a.git, 'log', '-1', '--format=%H %cI', a.ref, '--', path).trim().split(' ') as [string, string];
      md = git(a.git, 'show', `${commit}:${path}`);
    } else {
      md = readFileSync(join(a.dir as string, `${name}.md`), 'utf8');
      commit = a.commit as string;
      commitDate = a.commitDate as string;
    }
    const page = parseCdmTable(md);
    if (page.name !== name || page.columns.length === 0) throw new Error(`${path}: not the page of ${name}`);
    tables[name] = {
      source: { repository: REPOSITORY, path, commit, commitDate, read: a.read },
      columns: Object.fromEntries(page.columns.map((c) => [c.name, toCatalog(c)])),
    };
  }
  const out: FinanceCatalogFile = {
    generatedBy: 'scripts/schema/finance-catalog.ts',
    notes: {
      order: 'columns in the order of the page',
      facts: 'the pages give a data format per column, nullable/read-only/primary-key flags and linked tables; they give no maximum length, enum values or extended data type for these tables, so none are recorded',
      DataAreaId: "the page spells the company column DataAreaId; the simulator's OData entities keep dataAreaId, the name Finance's OData data entities use for the company key (part of every company-specific composite key and of dual-write's company mapping)",
      companyKey: "ProjCDSTransactionRelationshipImport's page lists no DataAreaId; the simulator's entity still carries dataAreaId, the company key of Finance's company-specific OData entities",
      relationship: 'Relationship_*Id columns are identifiers the Common Data Model adds for linked tables (is.linkedEntity.identifier); RecId is the table\'s record id. The simulator declares them and leaves them null',
    },
    tables,
  };
  mkdirSync(dirname(a.out), { recursive: true });
  writeFileSync(a.out, `${JSON.stringify(out, null, 1)}\n`);
  process.stdout.write(`wrote ${a.out}\n${Object.entries(tables).map(([n, t]) => `${n}: ${Object.keys(t.columns).length}`).join('\n')}\n`);
}

function toCatalog(c: CdmColumn): FinanceCatalogColumn {
  return {
    dataFormat: c.dataFormat,
    ...(c.dataType ? { dataType: c.dataType } : {}),
    ...(c.maximumLength !== undefined ? { maxLength: c.maximumLength } : {}),
    ...(c.enumValues ? { enumValues: c.enumValues } : {}),
    ...(c.isNullable !== undefined ? { isNullable: c.isNullable } : {}),
    ...(c.isReadOnly !== undefined ? { isReadOnly: c.isReadOnly } : {}),
    ...(c.isPrimaryKey !== undefined ? { isPrimaryKey: c.isPrimaryKey } : {}),
    ...(c.linkedEntity ? { linkedEntity: c.linkedEntity } : {}),
  };
}

main();
