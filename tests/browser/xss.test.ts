import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { Rec } from '../../simulator/store/types.js';
import { BillingMethod, dvEntity } from '../../simulator/dataverse/entities.js';
import { createRecord } from '../../simulator/dataverse/records.js';
import { approveTimeEntry } from '../../simulator/dataverse/work.js';
import { demoServer } from './support.js';

/**
 * The demo page shows data as text: a customer, a contract and a time entry whose names are HTML/script payloads
 * appear literally in the backlog box and in the details panel; no element is created from them, no script runs,
 * no dialog opens.
 */
const IMG = '<img src=x onerror="window.__xss=1">';
const SCRIPT = '<script>window.__xss=2</script>';

const env = demoServer({
  prepare: (sim) => sim.service.exec((ctx) => {
    const dv = (e: string, v: Record<string, unknown>): Rec => createRecord(ctx, dvEntity(e), v);
    const company = [...ctx.tx.all('cdm_company')].find((c) => c.cdm_companycode === 'USPM') as Rec;
    const account = dv('account', { name: IMG, _msdyn_company_value: company.cdm_companyid });
    const project = dv('msdyn_project', { msdyn_subject: SCRIPT, _msdyn_customer_value: account.accountid, _msdyn_company_value: company.cdm_companyid });
    const contract = dv('salesorder', { name: IMG, _customerid_value: account.accountid, _msdyn_company_value: company.cdm_companyid });
    dv('salesorderdetail', { productdescription: SCRIPT, _salesorderid_value: contract.salesorderid, _msdyn_project_value: project.msdyn_projectid, msdyn_billingmethod: BillingMethod.TimeAndMaterial, priceperunit: 100, msdyn_costperunit: 50 });
    const entry = dv('msdyn_timeentry', { msdyn_description: `${SCRIPT}${IMG}`, msdyn_date: '2026-03-02', msdyn_duration: 60, _msdyn_project_value: project.msdyn_projectid });
    approveTimeEntry(ctx, String(entry.msdyn_timeentryid));
  }),
});

test('the demo page shows HTML in the data as text and runs none of it', async () => {
  const page = await env.browser.newPage({ viewport: { width: 1280, height: 720 } });
  const dialogs: string[] = [];
  page.on('dialog', (d) => { dialogs.push(d.message()); void d.dismiss(); });
  await page.goto(`${env.url}/?lang=en`);
  await page.waitForSelector('body[data-ready="true"]', { timeout: 60_000 });

  const backlog = page.locator('[data-box="backlog"]');
  await backlog.getByText(IMG, { exact: false }).first().waitFor({ timeout: 60_000 });
  const text = await backlog.innerText();
  assert.ok(text.includes(IMG), 'the contract name is shown literally');

  // Open the record: the details panel shows the payloads as text too.
  await backlog.locator('.chip', { hasText: IMG }).first().click();
  await page.waitForFunction((s) => document.querySelector('#detail-body')?.textContent?.includes(s) ?? false, SCRIPT, { timeout: 60_000 });

  assert.equal(await page.locator('img[src="x"]').count(), 0, 'no element made from data');
  assert.equal(await page.locator('body script').count(), 0, 'no script element made from data');
  assert.equal(await page.evaluate(() => (window as unknown as { __xss?: number }).__xss), undefined, 'no injected script ran');
  assert.deepEqual(dialogs, []);
  await page.close();
});
