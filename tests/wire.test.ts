/**
 * The Dataverse wire format written straight to text (simulator/http/wire.ts, `dataverseWireText`) is exactly what
 * `JSON.stringify` makes of the wire object: with and without `$select`, with formatted values and lookup names,
 * with strings that need escaping, and with every column null.
 */
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { dataverseWire, dataverseWireText, FORMATTED, LOOKUP_NAME, type WireOptions } from '../simulator/http/wire.js';
import { dvEntity } from '../simulator/dataverse/entities.js';
import { createMemoryStore } from '../simulator/store/index.js';
import { translator } from '../simulator/i18n.js';

describe('Dataverse wire as text', () => {
  it('equals JSON.stringify of the wire object, member for member and in order', async () => {
    const db = createMemoryStore();
    const company = '00000000-0000-4000-8000-000000000001';
    await db.transact((tx) => tx.put('cdm_company', company, { cdm_companyid: company, cdm_companycode: 'USPM', cdm_name: 'Contoso "US"\n', versionnumber: 3 }));
    const account = dvEntity('account');
    const rec = { accountid: '00000000-0000-4000-8000-000000000002', name: 'Fabrikam \u2028 "quoted" \\ back', accountnumber: 'A-1', _msdyn_company_value: company, creditlimit: 1234.5, versionnumber: 42 };
    const cases: Array<Partial<WireOptions>> = [
      {},
      { select: ['name', '_msdyn_company_value'] },
      { annotations: (n) => n === FORMATTED || n === LOOKUP_NAME },
      { annotations: () => true, select: ['creditlimit', '_msdyn_company_value'] },
    ];
    for (const lang of ['en', 'de'] as const) {
      for (const c of cases) {
        const opts: WireOptions = { t: translator(lang), lang, db, ...c };
        assert.equal(`{${dataverseWireText(account, rec, opts)}}`, JSON.stringify(dataverseWire(account, rec, opts)));
      }
    }
    const empty = { accountid: '00000000-0000-4000-8000-000000000003' };
    const opts: WireOptions = { t: translator('en'), lang: 'en', db };
    const text = `{${dataverseWireText(account, empty, opts)}}`;
    assert.equal(text, JSON.stringify(dataverseWire(account, empty, opts)));
    // Every column is answered, null ones too (no $select: all properties; webapi/query/select-columns.md).
    assert.ok(Object.keys(JSON.parse(text) as object).length > 100);
    await db.close();
  });
});
