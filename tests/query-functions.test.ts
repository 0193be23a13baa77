/**
 * Unit tests of the Dataverse query layer's additions (issue 11): parameter aliases, Dataverse query functions on a
 * fixed simulated clock, and `$apply` (groupby/aggregate, decimal-exact).
 */
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { SimError } from '../simulator/errors.js';
import { DATAVERSE, FINANCE } from '../simulator/odata/flavour.js';
import { evaluateFilter, parseFilter } from '../simulator/odata/filter.js';
import { applyQuery, parseQuery } from '../simulator/odata/query.js';
import { defineSchema } from '../simulator/odata/schema.js';
import { parseApply, runApply } from '../simulator/odata/apply.js';
import { CRM_FUNCTIONS } from '../simulator/odata/crm-functions.js';

const schema = defineSchema('Microsoft.Dynamics.CRM.thing', {
  id: 'guid', name: 'string', amount: 'money', qty: 'decimal', count: 'int', status: 'option', on: 'datetime', day: 'date', flag: 'bool',
}, { keys: ['id'] });

function throwsKey(fn: () => unknown, key: string, code = '0x80060888', status = 400): void {
  assert.throws(fn, (e: unknown) => {
    assert.ok(e instanceof SimError, String(e));
    assert.deepEqual({ key: e.key, code: e.code, status: e.status }, { key, code, status });
    return true;
  });
}

const NOW = '2026-03-04T10:30:00Z'; // a Wednesday
const test = (filter: string, rec: Record<string, unknown>, aliases?: Map<string, string>): boolean =>
  evaluateFilter(parseFilter(filter, schema, { aliases }), rec, { now: NOW });
const fn = (name: string, prop: string, extra = ''): string => `Microsoft.Dynamics.CRM.${name}(PropertyName='${prop}'${extra})`;

describe('parameter aliases', () => {
  const q = (s: string) => parseQuery(s, schema);
  const rows = [{ id: 'a', name: 'Alpha', count: 3 }, { id: 'b', name: 'Beta', count: 1 }, { id: 'c', name: null, count: 2 }];
  const ids = (s: string) => applyQuery(rows, q(s), schema).value.map((r) => r.id);

  it('stand for literals in $filter and for properties in $orderby', () => {
    assert.deepEqual(ids("$filter=name eq @p1&@p1='beta'"), ['b']);
    assert.deepEqual(ids('$filter=count gt @n&@n=1&$orderby=@o desc&@o=count'), ['a', 'c']);
    assert.deepEqual(ids('$filter=contains(@col,@v)&@col=name&@v=%27ph%27'), ['a']);
    assert.deepEqual(ids("$filter=@cond&@cond=name eq 'Alpha' or count eq 2"), ['a', 'c']);
  });
  it('a complex alias value keeps its own precedence (wrapped in parentheses)', () => {
    assert.deepEqual(ids("$filter=@c and count eq 1&@c=name eq 'Alpha' or name eq 'Beta'"), ['b']);
  });
  it('are refused without a value, in another alias, with an invalid value, twice, or outside $filter/$orderby', () => {
    throwsKey(() => q('$filter=name eq @p1'), 'odata.aliasWithoutValue');
    throwsKey(() => q('$orderby=@o'), 'odata.aliasWithoutValue');
    throwsKey(() => q("$filter=name eq @p1&@p1=@p2&@p2='x'"), 'odata.aliasInAlias');
    throwsKey(() => q("$filter=name eq @p1&@p1='open"), 'odata.badAliasValue');
    throwsKey(() => q("$orderby=@o&@o=name desc"), 'odata.badAliasValue');
    throwsKey(() => q("$filter=name eq @p1&@p1='a'&@p1='b'"), 'odata.duplicateOption');
    throwsKey(() => q('$select=@s&@s=name'), 'odata.aliasNotAllowed');
    throwsKey(() => q('$top=@t&@t=1'), 'odata.aliasNotAllowed');
    throwsKey(() => q("$filter=name eq @p1&@p1=1"), 'odata.typeMismatch');
  });
  it('are not taken on Finance (the OData layer answers as before)', () => {
    throwsKey(() => parseQuery("$filter=name eq @p1&@p1='x'", schema, { flavour: FINANCE }), 'odata.syntax', 'BadRequest');
  });
});

describe('Dataverse query functions (clock fixed at Wednesday 2026-03-04 10:30 UTC)', () => {
  it('date ranges: today, yesterday, this week (from Sunday), this month, this year', () => {
    assert.equal(test(fn('Today', 'on'), { on: '2026-03-04T00:00:00Z' }), true);
    assert.equal(test(fn('Today', 'on'), { on: '2026-03-03T23:59:59Z' }), false);
    assert.equal(test(fn('Today', 'day'), { day: '2026-03-04' }), true);
    assert.equal(test(fn('Yesterday', 'day'), { day: '2026-03-03' }), true);
    assert.equal(test(fn('Tomorrow', 'day'), { day: '2026-03-05' }), true);
    assert.equal(test(fn('ThisWeek', 'day'), { day: '2026-03-01' }), true);
    assert.equal(test(fn('ThisWeek', 'day'), { day: '2026-02-28' }), false);
    assert.equal(test(fn('LastWeek', 'day'), { day: '2026-02-28' }), true);
    assert.equal(test(fn('NextWeek', 'day'), { day: '2026-03-08' }), true);
    assert.equal(test(fn('ThisMonth', 'day'), { day: '2026-03-31' }), true);
    assert.equal(test(fn('LastMonth', 'day'), { day: '2026-02-01' }), true);
    assert.equal(test(fn('NextMonth', 'day'), { day: '2026-04-30' }), true);
    assert.equal(test(fn('ThisYear', 'day'), { day: '2026-12-31' }), true);
    assert.equal(test(fn('LastYear', 'day'), { day: '2025-01-01' }), true);
    assert.equal(test(fn('NextYear', 'day'), { day: '2026-12-31' }), false);
  });
  it('last/next X hours, days, weeks, months, years and older than X', () => {
    assert.equal(test(fn('LastXHours', 'on', ',PropertyValue=2'), { on: '2026-03-04T08:30:00Z' }), true);
    assert.equal(test(fn('LastXHours', 'on', ',PropertyValue=2'), { on: '2026-03-04T08:29:59Z' }), false);
    assert.equal(test(fn('LastXHours', 'on', ',PropertyValue=2'), { on: '2026-03-04T10:30:01Z' }), false, 'the future is not in the last hours');
    assert.equal(test(fn('NextXHours', 'on', ',PropertyValue=1'), { on: '2026-03-04T11:30:00Z' }), true);
    assert.equal(test(fn('LastXDays', 'day', ',PropertyValue=3'), { day: '2026-03-01' }), true);
    assert.equal(test(fn('LastXDays', 'day', ',PropertyValue=3'), { day: '2026-02-28' }), false);
    assert.equal(test(fn('Last7Days', 'day'), { day: '2026-02-25' }), true);
    assert.equal(test(fn('Next7Days', 'on'), { on: '2026-03-11T23:59:59Z' }), true);
    assert.equal(test(fn('NextXDays', 'on', ',PropertyValue=1'), { on: '2026-03-05T23:00:00Z' }), true);
    assert.equal(test(fn('NextXDays', 'on', ',PropertyValue=1'), { on: '2026-03-06T00:00:00Z' }), false);
    assert.equal(test(fn('LastXWeeks', 'day', ',PropertyValue=1'), { day: '2026-02-25' }), true);
    assert.equal(test(fn('LastXMonths', 'day', ',PropertyValue=1'), { day: '2026-02-04' }), true);
    assert.equal(test(fn('LastXMonths', 'day', ',PropertyValue=1'), { day: '2026-02-03' }), false);
    assert.equal(test(fn('NextXYears', 'day', ',PropertyValue=1'), { day: '2027-03-04' }), true);
    assert.equal(test(fn('OlderThanXDays', 'on', ',PropertyValue=2'), { on: '2026-03-02T10:29:59Z' }), true);
    assert.equal(test(fn('OlderThanXDays', 'on', ',PropertyValue=2'), { on: '2026-03-02T10:30:00Z' }), false);
    assert.equal(test(fn('OlderThanXMonths', 'day', ',PropertyValue=1'), { day: '2026-02-03' }), true);
    assert.equal(test(fn('Today', 'on'), { on: null }), false, 'null never matches');
  });
  it('On, OnOrAfter, OnOrBefore, Between, NotBetween, In, NotIn', () => {
    assert.equal(test(fn('On', 'on', ",PropertyValue='2026-01-15'"), { on: '2026-01-15T18:00:00Z' }), true);
    assert.equal(test(fn('OnOrAfter', 'day', ',PropertyValue=2026-01-15'), { day: '2026-01-15' }), true);
    assert.equal(test(fn('OnOrBefore', 'day', ',PropertyValue=2026-01-15'), { day: '2026-01-16' }), false);
    assert.equal(test(fn('Between', 'amount', ',PropertyValues=["10","20.5"]'), { amount: 20.5 }), true);
    assert.equal(test(fn('Between', 'amount', ',PropertyValues=["10","20.5"]'), { amount: 20.51 }), false);
    assert.equal(test(fn('NotBetween', 'count', ',PropertyValues=[1,2]'), { count: 3 }), true);
    assert.equal(test(fn('In', 'name', ',PropertyValues=["alpha","beta"]'), { name: 'Beta' }), true, 'case-insensitive as Dataverse');
    assert.equal(test(fn('NotIn', 'status', ',PropertyValues=["1","2"]'), { status: 3 }), true);
    assert.equal(test(fn('NotIn', 'status', ',PropertyValues=["1","2"]'), { status: null }), false);
    const aliases = new Map([['@p', "'name'"], ['@v', '["x","y"]'], ['@d', "'on'"], ['@x', '2']]);
    assert.equal(test('Microsoft.Dynamics.CRM.In(PropertyName=@p,PropertyValues=@v)', { name: 'y' }, aliases), true);
    // The reference's own example form: both parameters as aliases.
    assert.equal(test('Microsoft.Dynamics.CRM.OlderThanXMinutes(PropertyName=@d,PropertyValue=@x)', { on: '2026-03-04T10:27:59Z' }, aliases), true);
  });
  it('refuses wrong parameters, values, column types, and the functions the simulator cannot answer', () => {
    const p = (f: string) => parseFilter(f, schema);
    throwsKey(() => p(fn('LastXDays', 'on')), 'odata.functionParameters');
    throwsKey(() => p(fn('Today', 'on', ',PropertyValue=1')), 'odata.functionParameters');
    throwsKey(() => p("Microsoft.Dynamics.CRM.Today(PropertyValue='on')"), 'odata.functionParameters');
    throwsKey(() => p(fn('LastXDays', 'on', ',PropertyValue=0')), 'odata.functionValue');
    throwsKey(() => p(fn('LastXDays', 'on', ",PropertyValue='3'")), 'odata.functionValue', '0x80060888', 400);
    throwsKey(() => p(fn('LastXDays', 'on', ',PropertyValue=1.5')), 'odata.functionValue');
    throwsKey(() => p(fn('On', 'on', ",PropertyValue='tomorrow'")), 'odata.functionValue');
    throwsKey(() => p(fn('Between', 'count', ',PropertyValues=[1]')), 'odata.functionValue');
    throwsKey(() => p(fn('In', 'count', ',PropertyValues=["x"]')), 'odata.functionValue');
    throwsKey(() => p(fn('Today', 'name')), 'odata.typeMismatch');
    throwsKey(() => p(fn('Today', 'nosuch')), 'odata.unknownProperty');
    throwsKey(() => p(fn('Under', 'id', `,PropertyValue='${'0'.repeat(8)}-0000-0000-0000-${'0'.repeat(12)}'`)), 'odata.functionHierarchy');
    throwsKey(() => p(fn('ThisFiscalYear', 'on')), 'odata.functionFiscal');
    throwsKey(() => p(fn('EqualUserId', 'id')), 'odata.functionUser');
    throwsKey(() => p(fn('ContainValues', 'status', ',PropertyValues=["1"]')), 'odata.functionMultiSelect');
    throwsKey(() => p(fn('Someday', 'on')), 'odata.unknownFunction');
    throwsKey(() => p("Other.Namespace.Today(PropertyName='on')"), 'odata.unknownFunction');
    throwsKey(() => parseFilter(fn('Today', 'on'), schema, { flavour: FINANCE }), 'odata.unknownFunction', 'BadRequest');
  });
  it('every documented name is either implemented or refused, none both', () => {
    const both = CRM_FUNCTIONS.implemented.filter((n) => (CRM_FUNCTIONS.refused as readonly string[]).includes(n));
    assert.deepEqual(both, []);
    assert.ok(CRM_FUNCTIONS.implemented.length + CRM_FUNCTIONS.refused.length >= 60, 'Dataverse documents more than 60');
  });
});

describe('$apply', () => {
  const rows = [
    { id: '1', name: 'A', amount: 0.1, qty: 1, status: 1, on: '2026-01-01T00:00:00Z' },
    { id: '2', name: 'a', amount: 0.2, qty: 2, status: 1, on: '2026-02-01T00:00:00Z' },
    { id: '3', name: 'B', amount: 0.7, qty: 3, status: 2, on: '2026-03-01T00:00:00Z' },
    { id: '4', name: null, amount: null, qty: 4, status: 2, on: null },
  ];
  const run = (text: string) => runApply(rows, parseApply(text, schema, { flavour: DATAVERSE }), DATAVERSE);

  it('aggregate: sum (decimal-exact), average, min, max, countdistinct and $count', () => {
    assert.deepEqual(run('aggregate(amount with sum as total,qty with average as avg,on with min as first,on with max as last,name with countdistinct as names,$count as n)'), [
      { total: 1, avg: 2.5, first: '2026-01-01T00:00:00Z', last: '2026-03-01T00:00:00Z', names: 2, n: 4 },
    ]);
    assert.deepEqual(run('filter(status eq 1)/aggregate(amount with sum as total)'), [{ total: 0.3 }], '0.1 + 0.2 is exactly 0.3');
    assert.deepEqual(run('filter(status eq 9)/aggregate(amount with sum as total,$count as n)'), [{ total: null, n: 0 }]);
  });
  it('groupby alone (distinct values) and with aggregate, sorted by the group values', () => {
    assert.deepEqual(run('groupby((status))'), [{ status: 1 }, { status: 2 }]);
    assert.deepEqual(run('groupby((status),aggregate(amount with sum as total,$count as n))'), [{ status: 1, total: 0.3, n: 2 }, { status: 2, total: 0.7, n: 2 }]);
    assert.deepEqual(run('groupby((name))').map((r) => r.name), [null, 'A', 'B'], 'case-insensitive groups, nulls first');
  });
  it('through parseQuery/applyQuery, and alone', () => {
    const q = parseQuery('$apply=groupby((status),aggregate($count as n))', schema, { allow: ['$apply'] });
    assert.deepEqual(applyQuery(rows, q, schema).value, [{ status: 1, n: 2 }, { status: 2, n: 2 }]);
    throwsKey(() => parseQuery('$apply=aggregate($count as n)&$top=1', schema, { allow: ['$apply', '$top'] }), 'odata.applyWith');
    throwsKey(() => parseQuery('$apply=aggregate($count as n)', schema), 'odata.unsupportedOption');
  });
  it('refuses the rest', () => {
    const p = (t: string) => parseApply(t, schema, { flavour: DATAVERSE });
    throwsKey(() => p('aggregate(amount with median as m)'), 'odata.applyMethod');
    throwsKey(() => p('aggregate(name with sum as s)'), 'odata.typeMismatch');
    throwsKey(() => p('aggregate(nosuch with sum as s)'), 'odata.unknownProperty');
    throwsKey(() => p('aggregate(amount with sum as name)'), 'odata.applyDuplicateAlias');
    throwsKey(() => p('groupby((status),aggregate($count as status))'), 'odata.applyDuplicateAlias');
    throwsKey(() => p('groupby((status),topcount(1,amount))'), 'odata.applyUnsupported');
    throwsKey(() => p('groupby((primary/name))'), 'odata.applyUnsupported');
    throwsKey(() => p('compute(amount mul 2 as x)'), 'odata.applyUnsupported');
    throwsKey(() => p('aggregate($count as n)/filter(n gt 1)'), 'odata.applyUnsupported');
    throwsKey(() => p('filter(status eq 1)'), 'odata.applyUnsupported');
    throwsKey(() => p('aggregate(amount sum)'), 'odata.syntax');
    throwsKey(() => p('groupby(status)'), 'odata.syntax');
    throwsKey(() => p('aggregate($count as n'), 'odata.syntax');
  });
  it('refuses an aggregate over more than 50,000 rows with the AggregateQueryRecordLimit error', () => {
    const many = Array.from({ length: 50_001 }, (_, i) => ({ id: String(i), amount: 1 }));
    throwsKey(() => runApply(many, parseApply('aggregate($count as n)', schema, { flavour: DATAVERSE }), DATAVERSE), 'odata.aggregateLimit', '0x8004e023');
  });
});
