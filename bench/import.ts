/**
 * Import from staging over 10,000 billed actuals (100 proposals), as the periodic process runs it: through the
 * service (one transaction, live dual-write of the staging changes), on a file store, durable at the end.
 * Staging rows are written as Finance's inbound creates them (same shape as tests/finance.test.ts).
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createSimulator } from '../simulator/index.js';
import { insert } from '../simulator/domain/context.js';
import { setUpLegalEntity } from '../simulator/finance/inbound.js';
import type { Ctx } from '../simulator/domain/context.js';
import { fig, now, type Figure } from './lib.js';

const N = 10_000;
const PROPOSALS = 100;
const NOW = '2026-03-02T10:00:00.000Z';

export async function run(): Promise<Figure[]> {
  const dir = mkdtempSync(join(tmpdir(), 'bench-import-'));
  const sim = await createSimulator({ store: { kind: 'file', path: join(dir, 'db.json') }, clock: NOW });
  try {
    let seq = 0;
    const guid = (): string => `aaaaaaaa-0000-4000-8000-${String(++seq).padStart(12, '0')}`;
    const row = (ctx: Ctx, type: string, invoice: string | null, extra: Record<string, unknown> = {}): string => {
      const id = guid();
      insert(ctx, 'ProjCDSActualsImport', `USPM|${id}`, {
        dataAreaId: 'USPM', ActualsImportId: id, ActualId: id, AccountingDate: '2026-01-15', DocumentDate: '2026-01-15',
        Amount: 200, Quantity: 1, UnitPrice: 200, BillingType: 'Chargeable', TransactionClassification: 'Time', TransType: type, TransactionCurrencyId: 'USD',
        InvoiceId: invoice, ProjectId: 'PRJ-1', ContractId: 'C-1', ContractLine: 'T&M', Description: `${type} ${id.slice(-4)}`,
        IsProcessed: false, IntegrationCount: 1, IsJournalized: false, JournalPosted: false, JournalId: null, VoucherNumber: null, AccountingAmount: null,
        AmountMST: null, ExchangeRate: null, SalesTaxAmount: null, InvoiceProposalId: null, InvoiceProposalLineTransId: null, ...extra,
      });
      return id;
    };
    await sim.store.transact((tx) => {
      const ctx: Ctx = { tx, now: NOW, newId: guid };
      setUpLegalEntity(ctx, insert(ctx, 'LegalEntity', 'USPM', { LegalEntityId: 'USPM', Name: 'USPM', AccountingCurrency: 'USD' }));
      for (let p = 1; p <= PROPOSALS; p++) {
        const id = `INV-${String(p).padStart(5, '0')}`;
        insert(ctx, 'ProjectInvoiceProposal', `USPM|${id}`, {
          dataAreaId: 'USPM', ProposalId: id, ContractId: 'C-1', CustomerAccount: 'US-001', CurrencyCode: 'USD', InvoiceDate: '2026-01-20',
          Description: 'Proposal', Status: 'Open', LineCount: 0, InvoiceAmount: 0, SalesTaxAmount: 0, SalesTaxGroup: null, CustomerInvoiceId: null, Voucher: null,
        });
      }
      for (let i = 0; i < N; i++) {
        const invoice = `INV-${String((i % PROPOSALS) + 1).padStart(5, '0')}`;
        const unbilled = row(ctx, 'UnbilledSales', null, { IsProcessed: true, JournalPosted: true, IsJournalized: true });
        const billed = row(ctx, 'BilledSales', invoice);
        const rel = guid();
        insert(ctx, 'ProjCDSTransactionRelationshipImport', `USPM|${rel}`, {
          dataAreaId: 'USPM', RelationshipId: rel, Transaction1: billed, Transaction1Role: 'BilledSales', Transaction1Type: 'msdyn_actual',
          Transaction2: unbilled, Transaction2Role: 'UnbilledSales', Transaction2Type: 'msdyn_actual',
        });
      }
    });
    const t0 = now();
    const rec = await sim.service.runProcess('import_staging');
    const ms = now() - t0;
    const last = (rec.lastLog as { params: Record<string, unknown> }[]).at(-1)?.params;
    if (last?.proposalLines !== N) throw new Error(`import: expected ${N} proposal lines, got ${JSON.stringify(last)}`);
    return [fig('import', `import from staging, ${N / 1000}k billed actuals → ${PROPOSALS} proposals`, ms, 'ms', '<=', 1000, 'service.runProcess on a file store: one transaction with live dual-write, durable')];
  } finally {
    await sim.close();
    rmSync(dir, { recursive: true, force: true });
  }
}
