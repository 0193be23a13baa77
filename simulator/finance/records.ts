import type { Rec } from '../store/types.js';
import type { EntityDef, EntityRefusal } from '../schema.js';
import { type Ctx, insert, patch } from '../domain/context.js';
import { SimError } from '../errors.js';
import { foId } from './entities.js';
import { setUpLegalEntity } from './inbound.js';
import { CONVERSION_FACTORS } from './ledger.js';
import { deleteJournalLine } from './journal.js';
import { dec } from '../domain/money.js';
import { Finance } from '../errors/finance.js';
import { checkLineGroupChange, checkTaxWrite } from './tax.js';

/**
 * An exchange rate the ledger can use: a positive rate and a conversion factor the simulator knows (`One`,
 * `Hundred`); another factor is refused rather than stored and ignored. Convention: Finance's other factors
 * are not documented in the sources we use (docs/api.md "Exchange rates").
 */
function checkExchangeRate(rec: Record<string, unknown>): void {
  const factor = rec.ConversionFactor;
  if (factor !== undefined && factor !== null && !Object.hasOwn(CONVERSION_FACTORS, String(factor))) {
    throw Finance.refusal('rule.conversion-factor', 'ConversionFactorNotSupported', 'finance.conversionFactor', { value: String(factor).slice(0, 40), values: Object.keys(CONVERSION_FACTORS).join(', ') });
  }
  if ('Rate' in rec && dec(rec.Rate) <= 0n) throw Finance.badRequest('finance.rateNotPositive', { rate: String(rec.Rate) });
}

/** Generic Finance writes; proposals and staging are the integration's, so most entities refuse them. */
export const refused = ({ rule, key }: EntityRefusal, entity: string): SimError =>
  new SimError(key === 'proposal.oneWay' ? 405 : 400, key === 'proposal.oneWay' ? 'ProjectInvoiceProposalOneWay' : 'SystemManagedEntity', key, { entity }, undefined, rule);

export function createFinanceRecord(ctx: Ctx, def: EntityDef, values: Record<string, unknown>, defaultCompany: string | undefined): Rec {
  if (def.refuse?.create) throw refused(def.refuse.create, def.set);
  const rec: Record<string, unknown> = { ...values };
  if (def.companySpecific) rec.dataAreaId = String(rec.dataAreaId ?? defaultCompany ?? '').toUpperCase();
  if (def.logicalName === 'LegalEntity') rec.LegalEntityId = String(rec.LegalEntityId).toUpperCase();
  if (def.logicalName === 'ExchangeRate') checkExchangeRate(rec);
  if (def.logicalName === 'LedgerPeriod') checkLedgerPeriod(rec);
  for (const k of def.key) if (rec[k] === undefined || rec[k] === null || rec[k] === '') throw Finance.badRequest('payload.required', { property: k, entity: def.set });
  if (def.companySpecific && !ctx.tx.get('LegalEntity', String(rec.dataAreaId))) throw Finance.badRequest('finance.unknownCompany', { company: String(rec.dataAreaId) });
  if (def.companySpecific) checkTaxWrite(ctx, def.logicalName, String(rec.dataAreaId), rec);
  const id = foId(def, rec);
  if (ctx.tx.get(def.logicalName, id)) throw Finance.duplicateKey(def.set, id);
  const out = insert(ctx, def.logicalName, id, rec);
  if (def.logicalName === 'LegalEntity') setUpLegalEntity(ctx, out);
  return out;
}

export function updateFinanceRecord(ctx: Ctx, def: EntityDef, id: string, values: Record<string, unknown>): Rec {
  if (def.refuse?.update) throw refused(def.refuse.update, def.set);
  const outside = def.updatable ? Object.keys(values).filter((k) => !def.updatable?.includes(k)) : [];
  if (outside.length) throw Finance.badRequest('payload.readOnly', { property: outside[0] ?? '', entity: def.set });
  for (const k of def.key) if (k in values && values[k] !== ctx.tx.get(def.logicalName, id)?.[k]) throw Finance.badRequest('payload.readOnly', { property: k, entity: def.set });
  if (def.logicalName === 'ExchangeRate') checkExchangeRate(values);
  const current = ctx.tx.get(def.logicalName, id);
  if (def.logicalName === 'LedgerPeriod') checkLedgerPeriod(values, current);
  if (def.companySpecific && current) checkTaxWrite(ctx, def.logicalName, String(current.dataAreaId), values);
  if (def.logicalName === 'ProjectInvoiceProposalLine' && current) checkLineGroupChange(ctx, current);
  return patch(ctx, def.logicalName, id, values);
}

/** A ledger period ends on or after its start (convention: a period backwards is refused rather than never matching). */
function checkLedgerPeriod(rec: Record<string, unknown>, old?: Rec): void {
  const start = String(rec.StartDate ?? old?.StartDate ?? '');
  const end = String(rec.EndDate ?? old?.EndDate ?? '');
  if (start && end && end < start) throw Finance.badRequest('finance.periodEndsBeforeStart', { start, end });
}

export function deleteFinanceRecord(ctx: Ctx, def: EntityDef, id: string): void {
  if (def.refuse?.delete) throw refused(def.refuse.delete, def.set);
  if (def.logicalName === 'ProjectIntegrationJournalLine') return deleteJournalLine(ctx, id);
  ctx.tx.del(def.logicalName, id);
}
