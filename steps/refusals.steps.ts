import { translator } from '../simulator/i18n.js';
import { step } from './support/phrases.js';
import { DATAVERSE_ROLES, actAs } from './support/roles.js';
import { describe, odataString } from './support/http.js';
import { resolveLabel } from './support/parameters.js';
import { parseNumber } from './support/numbers.js';
import type { Rec, SpecWorld } from './support/world.js';
import { dataverseByName } from '../simulator/dataverse/entities.js';
import { financeByName } from '../simulator/finance/entities.js';

/** Direct writes the integration refuses, the description fields it allows, and record counts per table. */

const actualPath = (w: SpecWorld): string => `msdyn_actuals(${w.need(w.unbilledActualId, 'unbilledActual')})`;

/** A cell of the feature typed for the field it is written to. */
function fieldValue(w: SpecWorld, field: string, text: string): unknown {
  switch (field) {
    case 'msdyn_quantity':
    case 'msdyn_amount':
      return parseNumber(text, w.lang);
    case 'msdyn_billingtype':
      return resolveLabel('billingtype', w.lang, text);
    default:
      return text;
  }
}

step('actual.edit', async function (role: string, field: string, value: string) {
  actAs(this, role, DATAVERSE_ROLES);
  await this.dv('PATCH', actualPath(this), { [field]: fieldValue(this, field, value) });
});

step('actual.tryEdit', async function (role: string, field: string, value: string) {
  actAs(this, role, DATAVERSE_ROLES);
  this.actualBefore = await this.dv('GET', actualPath(this));
  await this.tryDv('PATCH', `${actualPath(this)}`, { [field]: fieldValue(this, field, value) });
});

step('actual.tryCreate', async function (role: string) {
  actAs(this, role, DATAVERSE_ROLES);
  await this.tryDv('POST', 'msdyn_actuals', { msdyn_description: 'Manual actual' });
});

step('actual.tryDelete', async function (role: string) {
  actAs(this, role, DATAVERSE_ROLES);
  await this.tryDv('DELETE', `${actualPath(this)}`);
});

step('then.refused', function () {
  const r = this.need(this.attempt, 'attempt');
  const err = r.body.error as { code?: unknown; message?: unknown } | undefined;
  if (r.status < 400 || r.status >= 500 || r.status === 404) throw new Error(translator(this.lang)('authoring:check.refused', { got: describe(r) }));
  if (!err || typeof err.code !== 'string' || typeof err.message !== 'string' || err.message.trim() === '') {
    throw this.fail('refusalShape', { shape: '{"error":{"code","message"}}', got: JSON.stringify(r.body).slice(0, 200) });
  }
});

step('then.actualShows', async function (value: string, field: string) {
  const a = await this.dv('GET', actualPath(this));
  if (a[field] !== value) throw this.mismatch(this.label(`fields.msdyn_actual.${field}`), `"${String(a[field])}"`, `"${value}"`);
});

step('then.actualUnchanged', async function () {
  const before = this.need(this.actualBefore, 'actualBefore');
  const after = await this.dv('GET', actualPath(this));
  const changed = Object.keys({ ...before, ...after }).filter((k) => JSON.stringify(before[k]) !== JSON.stringify(after[k]));
  if (changed.length) throw this.fail('changed', { what: this.label('entities.msdyn_actual.one'), fields: changed.join(', ') });
});

/** Records of an entity: Dataverse rows of all companies, Finance rows of one legal entity. */
async function countOf(w: SpecWorld, entity: string, company?: string): Promise<number> {
  const dv = dataverseByName.get(entity);
  if (dv) {
    const rows: Rec[] = await w.dvList(dv.set);
    if (!company) return rows.length;
    const cdm = w.companies.get(company);
    if (!cdm) throw w.fail('unknownCompany', { what: w.label('entities.LegalEntity.one'), company });
    return rows.filter((r) => r._msdyn_company_value === cdm.cdmId).length;
  }
  const fo = financeByName.get(entity);
  if (!fo) throw new Error(`internal: ${entity} is neither a Dataverse nor a Finance table`);
  const area = company ?? w.currentCompany().code;
  return (await w.foList(fo.companySpecific ? `${fo.set}?cross-company=true&$filter=dataAreaId eq ${odataString(area)}` : fo.set)).filter((r) => !fo.companySpecific || r.dataAreaId === area).length;
}

step('then.tableCount', async function (entity: string, n: number) {
  const count = await countOf(this, entity);
  if (count !== n) throw this.mismatch(this.label(`entities.${entity}.other`), this.num(count), this.num(n));
});

step('then.tableCountCompany', async function (entity: string, company: string, n: number) {
  const count = await countOf(this, entity, company);
  if (count !== n) throw this.mismatch(`${this.label(`entities.${entity}.other`)} (${company})`, this.num(count), this.num(n));
});
