import type { Rec } from './store/types.js';
import { type Ctx, today } from './domain/context.js';
import type { Service } from './service.js';
import { dvEntity, BillingMethod, MilestoneStatus } from './dataverse/entities.js';
import { foEntity } from './finance/entities.js';
import { createRecord } from './dataverse/records.js';
import { createFinanceRecord } from './finance/records.js';
import { approveTimeEntry, approveExpense } from './dataverse/work.js';
import { markContractReady } from './dataverse/backlog.js';
import { confirmInvoice, createInvoice } from './dataverse/invoices.js';
import { importFromStaging } from './finance/import-staging.js';
import { postJournal } from './finance/journal.js';
import { postProposal } from './finance/posting.js';

/**
 * Demo data for `npm start`: two legal entities (USPM in USD, DEMF in EUR) with contracts at every stage of the
 * flow (one of USPM's in EUR) — work ready to invoice, a draft invoice, a confirmed invoice whose proposal waits for its lines, and
 * posted invoices whose actuals carry the accounting details written back from Finance.
 */
export async function seedDemo(service: Service): Promise<void> {
  const run = <T>(fn: (ctx: Ctx) => T): Promise<T> => service.exec(fn);
  const dv = (ctx: Ctx, entity: string, values: Record<string, unknown>): Rec => createRecord(ctx, dvEntity(entity), values);
  const id = (r: Rec, entity: string): string => String(r[`${entity}id`]);

  await run((ctx) => {
    createFinanceRecord(ctx, foEntity('LegalEntity'), { LegalEntityId: 'USPM', Name: 'Contoso Robotics USA', AccountingCurrency: 'USD', SalesTaxPercent: 10 }, undefined);
    createFinanceRecord(ctx, foEntity('LegalEntity'), { LegalEntityId: 'DEMF', Name: 'Contoso Entertainment System Germany', AccountingCurrency: 'EUR', SalesTaxPercent: 19 }, undefined);
    // Rates of the ledger's exchange rate type, quoted per 100 units as Finance shows them (108.50 USD per 100 EUR).
    const rate = (FromCurrency: string, ToCurrency: string, Rate: number): Rec => createFinanceRecord(ctx, foEntity('ExchangeRate'), {
      RateTypeName: 'Default', FromCurrency, ToCurrency, StartDate: '2020-01-01', Rate, ConversionFactor: 'Hundred',
    }, undefined);
    rate('EUR', 'USD', 108.5);
    rate('USD', 'EUR', 92.17);
    for (const [CurrencyCode, Name] of [['USD', 'US Dollar'], ['EUR', 'Euro']]) createFinanceRecord(ctx, foEntity('Currency'), { CurrencyCode, Name, GeneralRoundingRule: 0.01 }, undefined);
  });
  const companies = await run((ctx) => {
    const byCode = (code: string): string => {
      for (const c of ctx.tx.all('cdm_company')) if (c.cdm_companycode === code) return String(c.cdm_companyid);
      throw new Error(`legal entity ${code} did not reach Dataverse`);
    };
    const usd = dv(ctx, 'transactioncurrency', { isocurrencycode: 'USD', currencyname: 'US Dollar', currencyprecision: 2 });
    const eur = dv(ctx, 'transactioncurrency', { isocurrencycode: 'EUR', currencyname: 'Euro', currencyprecision: 2 });
    return { USPM: byCode('USPM'), DEMF: byCode('DEMF'), USD: id(usd, 'transactioncurrency'), EUR: id(eur, 'transactioncurrency') };
  });

  interface Plan { company: 'USPM' | 'DEMF'; currency: 'USD' | 'EUR'; customer: string; contract: string; rate: number; cost: number; hours: number[]; expense?: number; milestones?: [string, number, boolean][] }
  const plans: Record<string, Plan> = {
    posted: { company: 'USPM', currency: 'USD', customer: 'Contoso Ltd.', contract: 'ERP rollout', rate: 200, cost: 100, hours: [8, 6], expense: 120.5, milestones: [['Design sign-off', 5000, true], ['Go-live', 10000, false]] },
    waiting: { company: 'USPM', currency: 'USD', customer: 'Adventure Works', contract: 'Cloud migration', rate: 180, cost: 95, hours: [8, 8, 4] },
    ready: { company: 'USPM', currency: 'USD', customer: 'Contoso Ltd.', contract: 'Data platform', rate: 210, cost: 110, hours: [7.5, 6] },
    draft: { company: 'DEMF', currency: 'EUR', customer: 'Fabrikam GmbH', contract: 'Lagerverwaltung', rate: 150, cost: 80, hours: [8, 4] },
    postedEur: { company: 'DEMF', currency: 'EUR', customer: 'Fabrikam GmbH', contract: 'Wartungsvertrag', rate: 140, cost: 75, hours: [6] },
    // A contract in EUR in the USD legal entity: Finance converts at the EUR→USD rate (issue 14 part 2).
    postedForeign: { company: 'USPM', currency: 'EUR', customer: 'Litware Europe', contract: 'Robot line Europe', rate: 133.33, cost: 90, hours: [7.5] },
  };

  const contracts: Record<string, string> = {};
  const setUp = (p: Plan): Promise<string> =>
    run((ctx) => {
      const companyId = companies[p.company];
      let account: Rec | undefined;
      for (const a of ctx.tx.all('account')) if (a.name === p.customer && a._msdyn_company_value === companyId) account = a;
      account ??= dv(ctx, 'account', { name: p.customer, _msdyn_company_value: companyId, _transactioncurrencyid_value: companies[p.currency] });
      const project = dv(ctx, 'msdyn_project', { msdyn_subject: p.contract, _msdyn_customer_value: id(account, 'account'), _msdyn_company_value: companyId });
      const contract = dv(ctx, 'salesorder', { name: p.contract, _customerid_value: id(account, 'account'), _msdyn_company_value: companyId, _transactioncurrencyid_value: companies[p.currency] });
      dv(ctx, 'salesorderdetail', {
        productdescription: `${p.contract} – T&M`, _salesorderid_value: id(contract, 'salesorder'), _msdyn_project_value: id(project, 'msdyn_project'),
        msdyn_billingmethod: BillingMethod.TimeAndMaterial, priceperunit: p.rate, msdyn_costperunit: p.cost,
      });
      if (p.milestones) {
        const fp = dv(ctx, 'salesorderdetail', { productdescription: `${p.contract} – fixed price`, _salesorderid_value: id(contract, 'salesorder'), msdyn_billingmethod: BillingMethod.FixedPrice, extendedamount: p.milestones.reduce((s, m) => s + m[1], 0) });
        for (const [name, amount, ready] of p.milestones) {
          dv(ctx, 'msdyn_contractlinescheduleofvalue', { msdyn_name: name, _msdyn_contractlineid_value: id(fp, 'salesorderdetail'), msdyn_amount: amount, msdyn_invoicedate: today(ctx), msdyn_invoicestatus: ready ? MilestoneStatus.Ready : MilestoneStatus.NotReady });
        }
      }
      p.hours.forEach((h, i) => {
        const entry = dv(ctx, 'msdyn_timeentry', { msdyn_description: `Consulting day ${i + 1}`, msdyn_date: today(ctx), msdyn_duration: Math.round(h * 60), _msdyn_project_value: id(project, 'msdyn_project'), msdyn_resourcename: 'Bob Kozak' });
        approveTimeEntry(ctx, id(entry, 'msdyn_timeentry'));
      });
      if (p.expense) {
        const exp = dv(ctx, 'msdyn_expense', { msdyn_expensetype: 'Travel', msdyn_transactiondate: today(ctx), msdyn_amount: p.expense, _msdyn_project_value: id(project, 'msdyn_project') });
        approveExpense(ctx, id(exp, 'msdyn_expense'));
      }
      return id(contract, 'salesorder');
    });
  for (const stage of ['posted', 'ready', 'draft', 'postedEur', 'postedForeign']) contracts[stage] = await setUp(plans[stage] as Plan);

  // Finance imports the unbilled work into the integration journal; posting it puts WIP on the ledger.
  await run((ctx) => {
    importFromStaging(ctx, {});
    for (const j of [...ctx.tx.all('ProjectIntegrationJournal')]) postJournal(ctx, String(j.dataAreaId), String(j.JournalId));
  });
  // The "waiting" contract's work is approved after that journal: its proposal waits for the next one.
  contracts.waiting = await setUp(plans.waiting as Plan);

  const invoices: Record<string, Rec> = {};
  for (const stage of ['posted', 'waiting', 'draft', 'postedEur', 'postedForeign']) {
    invoices[stage] = await run((ctx) => {
      markContractReady(ctx, String(contracts[stage]));
      const inv = createInvoice(ctx, String(contracts[stage]));
      return stage === 'draft' ? inv : confirmInvoice(ctx, String(inv.invoiceid));
    });
  }
  await run((ctx) => markContractReady(ctx, String(contracts.ready)));
  // Import from staging adds the proposal lines; posting creates the customer invoice and writes back.
  await run((ctx) => importFromStaging(ctx, {}));
  await run((ctx) => {
    for (const stage of ['posted', 'postedEur', 'postedForeign']) {
      const inv = invoices[stage] as Rec;
      const company = ctx.tx.get('cdm_company', String(inv._msdyn_company_value));
      postProposal(ctx, String(company?.cdm_companycode), String(inv.invoicenumber));
    }
  });
}
