import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { describe, it } from 'node:test';
import { SimError } from '../simulator/errors.js';
import { formatValue } from '../simulator/http/wire.js';
import { duplicateKey } from '../simulator/http/json-body.js';
import { translator } from '../simulator/i18n.js';
import {
  DATAVERSE,
  FINANCE,
  type Expr,
  type ODataSchema,
  type Rec,
  applyQuery,
  compareDecimal,
  decodeSkiptoken,
  defineSchema,
  encodeSkiptoken,
  etagOf,
  evaluateFilter,
  formatKey,
  ifMatchPasses,
  ifNoneMatchPasses,
  includesAnnotation,
  isGuid,
  newGuid,
  parseEntitySegment,
  parseEtagHeader,
  parseFilter,
  parsePrefer,
  parseQuery,
  preferenceApplied,
  requireKeyParts,
  schemaFromFields,
  versionOf,
  withSkiptoken,
} from '../simulator/odata/index.js';

const project: ODataSchema = defineSchema('Microsoft.Dynamics.CRM.msdyn_project', { msdyn_projectid: 'guid', msdyn_subject: 'string' }, { keys: ['msdyn_projectid'] });
const schema: ODataSchema = defineSchema(
  'Microsoft.Dynamics.CRM.msdyn_actual',
  {
    msdyn_actualid: 'guid',
    msdyn_description: 'string',
    msdyn_notes: 'memo',
    msdyn_quantity: 'decimal',
    msdyn_amount: 'money',
    msdyn_count: 'int',
    msdyn_billable: 'bool',
    msdyn_documentdate: 'date',
    createdon: 'datetime',
    _msdyn_project_value: 'lookup',
    msdyn_transactiontype: 'option',
  },
  { keys: ['msdyn_actualid'], navigation: { msdyn_project: project } },
);

const P1 = '00000000-0000-0000-0000-000000000001';
const P2 = '00000000-0000-0000-0000-000000000002';

const rec = (over: Record<string, unknown>): Rec => ({
  msdyn_actualid: newGuid(),
  msdyn_description: null,
  msdyn_quantity: 1,
  msdyn_amount: 0,
  msdyn_count: 0,
  msdyn_billable: false,
  msdyn_documentdate: '2026-01-31',
  createdon: '2026-01-31T10:00:00Z',
  _msdyn_project_value: P1,
  msdyn_transactiontype: 192350000,
  ...over,
});

/** Assert a SimError with the given status, key and (partial) params. */
function throwsSim(fn: () => unknown, key: string, params: Record<string, string | number> = {}, code = '0x80060888', status = 400): void {
  assert.throws(fn, (e: unknown) => {
    assert.ok(e instanceof SimError, `expected SimError, got ${String(e)}`);
    assert.equal(e.key, key);
    assert.equal(e.code, code);
    assert.equal(e.status, status);
    for (const [k, v] of Object.entries(params)) assert.equal(e.params[k], v, `param ${k}`);
    return true;
  });
}

const f = (text: string): Expr => parseFilter(text, schema);
const matches = (text: string, r: Rec): boolean => evaluateFilter(f(text), r);

describe('$filter parser', () => {
  it('parses a comparison into an AST', () => {
    assert.deepEqual(f("msdyn_description eq 'x'"), {
      kind: 'cmp',
      op: 'eq',
      as: 'string',
      left: { kind: 'prop', path: ['msdyn_description'], type: 'string', pos: 0 },
      right: { kind: 'lit', type: 'string', value: 'x', pos: 21 },
    });
  });

  it('gives and precedence over or', () => {
    const e = f('msdyn_count eq 1 or msdyn_count eq 2 and msdyn_billable eq true');
    assert.equal(e.kind, 'or');
    assert.equal(e.kind === 'or' && e.items.length, 2);
    assert.equal(e.kind === 'or' && e.items[1]!.kind, 'and');
  });

  it('lets parentheses override precedence', () => {
    const e = f('(msdyn_count eq 1 or msdyn_count eq 2) and msdyn_billable eq true');
    assert.equal(e.kind, 'and');
    assert.equal(e.kind === 'and' && e.items[0]!.kind, 'or');
  });

  it('binds not tighter than and/or and to a parenthesized group', () => {
    const e = f('not msdyn_billable and msdyn_count eq 1');
    assert.equal(e.kind, 'and');
    assert.equal(e.kind === 'and' && e.items[0]!.kind, 'not');
    const g = f('not (msdyn_count eq 1 or msdyn_count eq 2)');
    assert.equal(g.kind, 'not');
    // `not x eq y` is `(not x) eq y`: a string operand of not is a type error
    throwsSim(() => f("not msdyn_description eq 'a'"), 'odata.typeMismatch', { property: 'msdyn_description', expected: 'bool' });
    assert.equal(f('not msdyn_billable eq true').kind, 'cmp');
  });

  it('flattens long and/or chains (no deep recursion)', () => {
    const text = Array.from({ length: 300 }, (_, i) => `msdyn_count eq ${i}`).join(' or ');
    const e = f(text);
    assert.equal(e.kind === 'or' && e.items.length, 300);
    assert.equal(evaluateFilter(e, rec({ msdyn_count: 299 })), true);
  });

  it('reads every literal kind', () => {
    const lit = (text: string) => {
      const e = f(text);
      assert.equal(e.kind, 'cmp');
      return e.kind === 'cmp' ? e.right : e;
    };
    assert.deepEqual(lit("msdyn_description eq 'O''Neil'"), { kind: 'lit', type: 'string', value: "O'Neil", pos: 21 });
    assert.deepEqual(lit("msdyn_description eq ''"), { kind: 'lit', type: 'string', value: '', pos: 21 });
    assert.deepEqual(lit("msdyn_description eq ''''"), { kind: 'lit', type: 'string', value: "'", pos: 21 });
    assert.equal((lit('msdyn_count eq 42') as { type: string }).type, 'int');
    assert.equal((lit('msdyn_count eq -42') as { value: string }).value, '-42');
    assert.equal((lit('msdyn_amount eq 0.30000000000000000001') as { type: string }).type, 'decimal');
    assert.equal((lit('msdyn_amount eq 1.5e3') as { type: string }).type, 'decimal');
    assert.equal((lit('msdyn_billable eq true') as { value: boolean }).value, true);
    assert.equal((lit('msdyn_billable eq false') as { value: boolean }).value, false);
    assert.equal((lit('msdyn_description eq null') as { type: string }).type, 'null');
    assert.deepEqual(lit('_msdyn_project_value eq 0000000A-0000-0000-0000-00000000000B'), {
      kind: 'lit', type: 'guid', value: '0000000a-0000-0000-0000-00000000000b', pos: 24,
    });
    assert.equal((lit('_msdyn_project_value eq abcdef01-2345-6789-abcd-ef0123456789') as { type: string }).type, 'guid');
    assert.equal((lit('msdyn_documentdate eq 2026-01-31') as { type: string }).type, 'date');
    assert.equal((lit('createdon ge 2026-01-31T10:00:00Z') as { type: string }).type, 'datetime');
    assert.equal((lit('createdon ge 2026-01-31T10:00:00.123+01:00') as { type: string }).type, 'datetime');
    assert.equal((lit('createdon ge 2026-01-31T10:00Z') as { type: string }).type, 'datetime');
    assert.deepEqual(lit("msdyn_transactiontype eq Microsoft.Dynamics.DataEntities.NoYes'Yes'"), {
      kind: 'lit', type: 'enum', value: 'Yes', enumType: 'Microsoft.Dynamics.DataEntities.NoYes', pos: 25,
    });
  });

  it('accepts functions, also nested and on either side', () => {
    assert.equal(f("contains(msdyn_description,'abc')").kind, 'call');
    assert.equal(f("startswith(tolower(msdyn_description), 'ab')").kind, 'call');
    assert.equal(f("endswith(msdyn_notes,'z')").kind, 'call');
    assert.equal(f("toupper(msdyn_description) eq 'ABC'").kind, 'cmp');
    assert.equal(f("'ABC' eq toupper(msdyn_description)").kind, 'cmp');
    assert.equal(f("not contains(msdyn_description,'x')").kind, 'not');
  });

  it('accepts whitespace freely and navigation paths', () => {
    assert.equal(f("  (  msdyn_count\teq 1 )  ").kind, 'cmp');
    assert.deepEqual(
      (f("msdyn_project/msdyn_subject eq 'P'") as { left: unknown }).left,
      { kind: 'prop', path: ['msdyn_project', 'msdyn_subject'], type: 'string', pos: 0 },
    );
  });

  it('rejects unknown properties, including prototype names', () => {
    throwsSim(() => f('nope eq 1'), 'odata.unknownProperty', { property: 'nope', type: 'Microsoft.Dynamics.CRM.msdyn_actual' });
    throwsSim(() => f('__proto__ eq null'), 'odata.unknownProperty', { property: '__proto__' });
    throwsSim(() => f('constructor eq null'), 'odata.unknownProperty', { property: 'constructor' });
    throwsSim(() => f('prototype eq null'), 'odata.unknownProperty');
    throwsSim(() => f('toString eq null'), 'odata.unknownProperty');
    throwsSim(() => f("msdyn_project/nope eq 'x'"), 'odata.unknownProperty', { property: 'nope', type: 'Microsoft.Dynamics.CRM.msdyn_project' });
    throwsSim(() => f("nav/msdyn_subject eq 'x'"), 'odata.unknownProperty', { property: 'nav' });
    throwsSim(() => f("__proto__/msdyn_subject eq 'x'"), 'odata.unknownProperty', { property: '__proto__' });
  });

  it('guards a naive schema function against prototype names', () => {
    const fields: Record<string, 'string'> = { name: 'string' };
    const naive: ODataSchema = { typeName: 'T', property: (n) => fields[n] as 'string' | undefined };
    throwsSim(() => parseFilter('constructor eq null', naive), 'odata.unknownProperty');
    throwsSim(() => parseFilter('__proto__ eq null', naive), 'odata.unknownProperty');
  });

  it('rejects type mismatches', () => {
    throwsSim(() => f("msdyn_quantity eq 'abc'"), 'odata.typeMismatch', { property: 'msdyn_quantity', expected: 'decimal' });
    throwsSim(() => f("'abc' eq msdyn_quantity"), 'odata.typeMismatch', { property: 'msdyn_quantity', expected: 'decimal' });
    throwsSim(() => f('msdyn_description eq 1'), 'odata.typeMismatch', { property: 'msdyn_description', expected: 'string' });
    throwsSim(() => f("msdyn_billable eq 'true'"), 'odata.typeMismatch', { expected: 'bool' });
    throwsSim(() => f("_msdyn_project_value eq 'x'"), 'odata.typeMismatch', { expected: 'lookup' });
    throwsSim(() => f('createdon eq 5'), 'odata.typeMismatch', { expected: 'datetime' });
    throwsSim(() => f(`msdyn_count eq ${P1}`), 'odata.typeMismatch', { expected: 'int' });
    throwsSim(() => f('msdyn_count'), 'odata.typeMismatch', { property: 'msdyn_count', expected: 'bool' });
    throwsSim(() => f('msdyn_count eq 1 and msdyn_count'), 'odata.typeMismatch', { expected: 'bool' });
    throwsSim(() => f('contains(msdyn_count,1)'), 'odata.typeMismatch', { property: 'msdyn_count', expected: 'string' });
    throwsSim(() => f("contains(msdyn_description,'x') eq 'y'"), 'odata.typeMismatch');
  });

  it('reports syntax errors with position and token', () => {
    throwsSim(() => f(''), 'odata.syntax', { position: 0, token: '' });
    throwsSim(() => f('   '), 'odata.syntax');
    throwsSim(() => f('msdyn_count eq'), 'odata.syntax', { position: 14, token: '' });
    throwsSim(() => f('msdyn_count eq 1 msdyn_count'), 'odata.syntax', { position: 17, token: 'msdyn_count' });
    throwsSim(() => f('(msdyn_count eq 1'), 'odata.syntax', { position: 17 });
    throwsSim(() => f('msdyn_count eq 1)'), 'odata.syntax', { position: 16, token: ')' });
    throwsSim(() => f("msdyn_description eq 'abc"), 'odata.syntax', { position: 21 });
    throwsSim(() => f('msdyn_count == 1'), 'odata.syntax', { position: 12, token: '=' });
    throwsSim(() => f('msdyn_count eq 1 and'), 'odata.syntax');
    throwsSim(() => f('and msdyn_count eq 1'), 'odata.syntax', { position: 0, token: 'and' });
    throwsSim(() => f('msdyn_count EQ 1'), 'odata.syntax', { token: 'EQ' });
    throwsSim(() => f('msdyn_count eq 12abc'), 'odata.syntax');
    throwsSim(() => f('msdyn_documentdate eq 2026-02-30'), 'odata.syntax', { token: '2026-02-30' });
    throwsSim(() => f('createdon eq 2026-01-31T25:00:00Z'), 'odata.syntax');
    throwsSim(() => f('msdyn_amount eq 1e999999999'), 'odata.syntax');
    throwsSim(() => f("contains(msdyn_description 'x')"), 'odata.syntax');
    throwsSim(() => f('msdyn_count eq 1 $ 2'), 'odata.syntax', { token: '$' });
    throwsSim(() => f("msdyn_project/ eq 'x'"), 'odata.syntax');
    throwsSim(() => f('Microsoft.Dynamics.CRM.Today eq 1'), 'odata.syntax');
  });

  it('reports unknown functions and wrong argument counts', () => {
    throwsSim(() => f("substringof('a',msdyn_description)"), 'odata.unknownFunction', { name: 'substringof' });
    throwsSim(() => f("contains(msdyn_description)"), 'odata.arity', { name: 'contains', count: 2 });
    throwsSim(() => f("tolower(msdyn_description,'a') eq 'a'"), 'odata.arity', { name: 'tolower', count: 1 });
  });

  it('limits depth and length (hostile input)', () => {
    const deep = '('.repeat(51) + 'msdyn_count eq 1' + ')'.repeat(51);
    throwsSim(() => f(deep), 'odata.tooDeep', { max: 50 });
    const ok = '('.repeat(50) + 'msdyn_count eq 1' + ')'.repeat(50);
    assert.equal(f(ok).kind, 'cmp');
    throwsSim(() => f('not '.repeat(60) + 'msdyn_billable'), 'odata.tooDeep');
    throwsSim(() => f('tolower('.repeat(60) + 'msdyn_description' + ')'.repeat(60) + " eq 'a'"), 'odata.tooDeep');
    throwsSim(() => f('msdyn_billable' + ' eq true'.repeat(60)), 'odata.tooDeep');
    assert.equal(matches('msdyn_billable eq true eq true', rec({ msdyn_billable: true })), true);
    assert.equal(matches('msdyn_count eq 1 eq false', rec({ msdyn_count: 2 })), true);
    throwsSim(() => f('('.repeat(100000)), 'odata.tooLong', { max: 8192 });
    throwsSim(() => parseFilter('msdyn_count eq 1', schema, { maxLength: 5 }), 'odata.tooLong', { max: 5 });
    throwsSim(() => parseFilter('((msdyn_count eq 1))', schema, { maxDepth: 1 }), 'odata.tooDeep', { max: 1 });
    // a long unterminated string or pathological input stays linear
    const started = Date.now();
    throwsSim(() => f("msdyn_description eq '" + "''".repeat(4000)), 'odata.syntax');
    throwsSim(() => f('1'.repeat(8000) + ' eq msdyn_count'), 'odata.syntax');
    assert.ok(Date.now() - started < 1000);
  });

  it('uses the Finance code in the Finance flavour', () => {
    throwsSim(() => parseFilter('nope eq 1', schema, { flavour: FINANCE }), 'odata.unknownProperty', {}, 'BadRequest');
    throwsSim(() => parseFilter('x eq', schema, { flavour: FINANCE }), 'odata.unknownProperty', {}, 'BadRequest');
    throwsSim(() => parseFilter('msdyn_count eq', schema, { flavour: FINANCE }), 'odata.syntax', {}, 'BadRequest');
  });
});

describe('$filter evaluator', () => {
  it('compares strings case-insensitively', () => {
    const r = rec({ msdyn_description: 'Contoso Ltd.' });
    assert.equal(matches("msdyn_description eq 'contoso ltd.'", r), true);
    assert.equal(matches("msdyn_description ne 'CONTOSO LTD.'", r), false);
    assert.equal(matches("msdyn_description gt 'contoso'", r), true);
    assert.equal(matches("msdyn_description lt 'D'", r), true);
    assert.equal(evaluateFilter(f("msdyn_description eq 'contoso ltd.'"), r, { caseInsensitive: false }), false);
  });

  it('evaluates string functions', () => {
    const r = rec({ msdyn_description: "O'Neil & Co" });
    assert.equal(matches("contains(msdyn_description,'neil')", r), true);
    assert.equal(matches("contains(msdyn_description,'.*')", r), false); // no regex semantics
    assert.equal(matches("startswith(msdyn_description,'o''n')", r), true);
    assert.equal(matches("endswith(msdyn_description,'CO')", r), true);
    assert.equal(matches("endswith(msdyn_description,'x')", r), false);
    assert.equal(matches("tolower(msdyn_description) eq 'o''neil & co'", r), true);
    assert.equal(matches("toupper(msdyn_description) eq 'O''NEIL & CO'", r), true);
    assert.equal(matches("contains(msdyn_description,'')", r), true);
  });

  it('compares decimals exactly', () => {
    assert.equal(matches('msdyn_amount eq 0.3', rec({ msdyn_amount: 0.3 })), true);
    assert.equal(matches('msdyn_amount eq 0.3', rec({ msdyn_amount: 0.1 + 0.2 })), false); // 0.30000000000000004
    assert.equal(matches('msdyn_amount gt 0.3', rec({ msdyn_amount: 0.1 + 0.2 })), true);
    assert.equal(matches('msdyn_amount eq 0.30000000000000000001', rec({ msdyn_amount: 0.3 })), false);
    assert.equal(matches('msdyn_amount lt 0.30000000000000000001', rec({ msdyn_amount: 0.3 })), true);
    assert.equal(matches('msdyn_amount eq 200.00', rec({ msdyn_amount: 200 })), true);
    assert.equal(matches('msdyn_amount eq 1.5e3', rec({ msdyn_amount: 1500 })), true);
    assert.equal(matches('msdyn_amount eq -0.0', rec({ msdyn_amount: 0 })), true);
    assert.equal(matches('msdyn_amount lt -1', rec({ msdyn_amount: -1.5 })), true);
    assert.equal(matches('msdyn_quantity ge 1e-7', rec({ msdyn_quantity: 1e-7 })), true);
    assert.equal(matches('msdyn_amount eq 1234567890123456789', rec({ msdyn_amount: '1234567890123456789' })), true);
    assert.equal(matches('msdyn_amount eq 1234567890123456789', rec({ msdyn_amount: '1234567890123456788' })), false);
    assert.equal(matches('msdyn_count eq 3', rec({ msdyn_count: 3 })), true);
    assert.equal(matches('msdyn_count le 2.5', rec({ msdyn_count: 3 })), false);
    assert.equal(compareDecimal('0.1', 0.1), 0);
    assert.equal(compareDecimal('abc', 1), undefined);
  });

  it('handles null with SQL semantics', () => {
    const r = rec({ msdyn_description: null, msdyn_amount: undefined });
    assert.equal(matches('msdyn_description eq null', r), true);
    assert.equal(matches('msdyn_description ne null', r), false);
    assert.equal(matches('msdyn_amount eq null', r), true); // undefined counts as null
    assert.equal(matches("msdyn_description eq 'x'", r), false);
    assert.equal(matches("msdyn_description ne 'x'", r), false);
    assert.equal(matches("not (msdyn_description eq 'x')", r), false);
    assert.equal(matches("contains(msdyn_description,'x')", r), false);
    assert.equal(matches("not contains(msdyn_description,'x')", r), false);
    assert.equal(matches("msdyn_description eq 'x' or msdyn_count eq 0", r), true);
    assert.equal(matches("msdyn_description eq 'x' and msdyn_count eq 1", r), false);
    assert.equal(matches('msdyn_amount gt 0', r), false);
    assert.equal(matches('null eq msdyn_description', r), true);
    assert.equal(matches('msdyn_notes eq null', r), true); // absent property
    const s = rec({ msdyn_description: 'x' });
    assert.equal(matches('msdyn_description ne null', s), true);
    assert.equal(matches('msdyn_description eq null', s), false);
  });

  it('compares GUIDs, lookups, booleans and options', () => {
    const r = rec({ _msdyn_project_value: P1.toUpperCase(), msdyn_billable: true, msdyn_transactiontype: 192350005 });
    assert.equal(matches(`_msdyn_project_value eq ${P1}`, r), true);
    assert.equal(matches(`_msdyn_project_value ne ${P2}`, r), true);
    assert.equal(matches('msdyn_billable', r), true);
    assert.equal(matches('not msdyn_billable', r), false);
    assert.equal(matches('msdyn_billable eq true', r), true);
    assert.equal(matches('msdyn_billable gt false', r), true);
    assert.equal(matches('msdyn_transactiontype eq 192350005', r), true);
    assert.equal(matches('msdyn_transactiontype ge 192350004', r), true);
    assert.equal(matches("msdyn_transactiontype eq Microsoft.Dynamics.DataEntities.NoYes'Yes'", rec({ msdyn_transactiontype: 'yes' })), true);
    assert.equal(matches("msdyn_transactiontype eq 'Yes'", rec({ msdyn_transactiontype: 'Yes' })), true);
  });

  it('compares dates and datetimes', () => {
    const r = rec({ msdyn_documentdate: '2026-01-31', createdon: '2026-01-31T10:00:00Z' });
    assert.equal(matches('msdyn_documentdate eq 2026-01-31', r), true);
    assert.equal(matches('msdyn_documentdate lt 2026-02-01', r), true);
    assert.equal(matches('createdon ge 2026-01-31', r), true);
    assert.equal(matches('createdon lt 2026-01-31T10:00:01Z', r), true);
    assert.equal(matches('createdon eq 2026-01-31T11:00:00+01:00', r), true);
    assert.equal(matches('createdon gt 2026-01-31T10:00:00Z', r), false);
    assert.equal(matches('createdon gt 2026-01-31', rec({ createdon: 'garbage' })), false);
  });

  it('combines with and/or/not', () => {
    const r = rec({ msdyn_count: 2, msdyn_billable: true });
    assert.equal(matches('msdyn_count eq 1 or msdyn_count eq 2 and msdyn_billable eq true', r), true);
    assert.equal(matches('(msdyn_count eq 1 or msdyn_count eq 2) and msdyn_billable eq false', r), false);
    assert.equal(matches('not (msdyn_count eq 1) and not msdyn_billable eq false', r), true);
    assert.equal(matches('not not msdyn_billable', r), true);
  });

  it('follows navigation paths on expanded objects or through a resolver', () => {
    const r = rec({ msdyn_project: { msdyn_subject: 'ERP rollout' } });
    assert.equal(matches("msdyn_project/msdyn_subject eq 'erp rollout'", r), true);
    assert.equal(matches("msdyn_project/msdyn_subject eq 'x'", rec({})), false);
    const e = f("msdyn_project/msdyn_subject eq 'Other'");
    const navigate = (record: Rec, nav: string) => (nav === 'msdyn_project' && record._msdyn_project_value === P1 ? { msdyn_subject: 'Other' } : null);
    assert.equal(evaluateFilter(e, rec({}), { navigate }), true);
    assert.equal(evaluateFilter(e, rec({ _msdyn_project_value: P2 }), { navigate }), false);
  });

  it('never reads inherited properties of records', () => {
    const proto = { msdyn_description: 'inherited' };
    const r = Object.assign(Object.create(proto) as Record<string, unknown>, { msdyn_count: 1 });
    assert.equal(matches('msdyn_description eq null', r), true);
    const withOwnProto = JSON.parse('{"__proto__": {"msdyn_description": "x"}, "msdyn_description": "y"}') as Rec;
    assert.equal(matches("msdyn_description eq 'y'", withOwnProto), true);
  });
});

describe('query options', () => {
  const q = (text: string, options = {}) => parseQuery(text, schema, options);

  it('parses every option', () => {
    const query = q(
      '?$select=msdyn_description,msdyn_amount&$filter=msdyn_count%20gt%201&$orderby=msdyn_amount desc,msdyn_description&$top=10&$skip=2&$count=true&$expand=msdyn_project($select=msdyn_subject)&cross-company=true',
    );
    assert.deepEqual(query.select, ['msdyn_description', 'msdyn_amount']);
    assert.equal(query.filter?.kind, 'cmp');
    assert.deepEqual(query.orderby, [
      { property: 'msdyn_amount', type: 'money', desc: true },
      { property: 'msdyn_description', type: 'string', desc: false },
    ]);
    assert.equal(query.top, 10);
    assert.equal(query.skip, 2);
    assert.equal(query.count, true);
    assert.deepEqual(query.expand?.map((e) => [e.name, e.select]), [['msdyn_project', ['msdyn_subject']]]);
    assert.equal(query.params.get('cross-company'), 'true');
    assert.equal(q('').count, false);
    assert.equal(q('$count=false').count, false);
  });

  it('accepts URLSearchParams and Express-style objects', () => {
    assert.equal(parseQuery(new URLSearchParams({ $top: '3' }), schema).top, 3);
    assert.equal(parseQuery({ $top: '4', other: 'x' }, schema).top, 4);
    throwsSim(() => parseQuery({ $top: ['1', '2'] }, schema), 'odata.duplicateOption', { option: '$top' });
    throwsSim(() => parseQuery({ $top: { a: 1 } }, schema), 'odata.syntax');
  });

  it('validates $select and $orderby', () => {
    throwsSim(() => q('$select=nope'), 'odata.unknownProperty', { property: 'nope' });
    throwsSim(() => q('$select=__proto__'), 'odata.unknownProperty', { property: '__proto__' });
    throwsSim(() => q('$select=a,,b'), 'odata.syntax');
    throwsSim(() => q('$select='), 'odata.syntax');
    throwsSim(() => q('$select=msdyn_project/msdyn_subject'), 'odata.syntax');
    throwsSim(() => q('$orderby=msdyn_amount sideways'), 'odata.syntax');
    throwsSim(() => q('$orderby=msdyn_amount asc desc'), 'odata.syntax');
    throwsSim(() => q('$orderby=constructor'), 'odata.unknownProperty');
    assert.deepEqual(q('$select=msdyn_amount,msdyn_amount').select, ['msdyn_amount']);
  });

  it('validates $top, $skip, $count', () => {
    assert.equal(q('$top=0').top, 0);
    assert.equal(q('$top=5000').top, 5000);
    throwsSim(() => q('$top=5001'), 'odata.badTop', { max: 5000 });
    throwsSim(() => q('$top=-1'), 'odata.badTop');
    throwsSim(() => q('$top=1.5'), 'odata.badTop');
    throwsSim(() => q('$top=abc'), 'odata.badTop', { value: 'abc' });
    throwsSim(() => q('$top='), 'odata.badTop');
    throwsSim(() => q('$top=99999999999999999999'), 'odata.badTop');
    throwsSim(() => q('$skip=-3'), 'odata.badSkip');
    throwsSim(() => q('$count=yes'), 'odata.badCount', { value: 'yes' });
    throwsSim(() => q('$top=10', { maxTop: 5 }), 'odata.badTop', { max: 5 });
  });

  it('rejects unknown, unsupported and duplicate options', () => {
    throwsSim(() => q('$xyz=1'), 'odata.unknownOption', { option: '$xyz' });
    throwsSim(() => q('$apply=groupby((x))'), 'odata.unsupportedOption', { option: '$apply' });
    throwsSim(() => q('$top=1&$top=2'), 'odata.duplicateOption', { option: '$top' });
    throwsSim(() => q('$top=1&$TOP=2'), 'odata.duplicateOption');
    throwsSim(() => q('$skip=1', { allow: ['$select', '$filter', '$top'] }), 'odata.unsupportedOption', { option: '$skip' });
    throwsSim(() => q('$xyz=1', { flavour: FINANCE }), 'odata.unknownOption', {}, 'BadRequest');
    assert.equal(q('$Top=3').top, 3);
  });

  it('validates $expand', () => {
    assert.deepEqual(q('$expand=msdyn_project').expand?.map((e) => e.name), ['msdyn_project']);
    throwsSim(() => q('$expand=nope'), 'odata.unknownProperty', { property: 'nope' });
    throwsSim(() => q('$expand=msdyn_project($select=nope)'), 'odata.unknownProperty', { property: 'nope', type: 'Microsoft.Dynamics.CRM.msdyn_project' });
    throwsSim(() => q('$expand=msdyn_project($filter=x eq 1)'), 'odata.unsupportedOption');
    throwsSim(() => q('$expand=msdyn_project($select=msdyn_subject'), 'odata.syntax');
    throwsSim(() => q('$expand=msdyn_project($expand=x($select=y))'), 'odata.syntax');
    throwsSim(() => q('$expand=msdyn_project,msdyn_project'), 'odata.duplicateOption');
    throwsSim(() => q('$expand=msdyn_project,'), 'odata.syntax');
    throwsSim(() => q('$expand=__proto__'), 'odata.unknownProperty');
    throwsSim(() => q('$expand=msdyn_project($select=msdyn_subject;$select=msdyn_subject)'), 'odata.duplicateOption');
  });

  it('validates $skiptoken', () => {
    assert.equal(q(`$skiptoken=${encodeSkiptoken(40)}`).pageOffset, 40);
    throwsSim(() => q('$skiptoken=garbage'), 'odata.badSkiptoken');
    throwsSim(() => q(`$skiptoken=${Buffer.from('sim1:-1').toString('base64url')}`), 'odata.badSkiptoken');
    throwsSim(() => decodeSkiptoken('x'.repeat(100)), 'odata.badSkiptoken');
    throwsSim(() => decodeSkiptoken('a+b/'), 'odata.badSkiptoken');
  });
});

describe('applyQuery', () => {
  const rows: Rec[] = [
    { msdyn_actualid: 'a', msdyn_description: 'beta', msdyn_amount: 0.3, msdyn_count: 3, '@odata.etag': 'W/"1"', 'msdyn_amount@OData.Community.Display.V1.FormattedValue': '$0.30' },
    { msdyn_actualid: 'b', msdyn_description: 'Alpha', msdyn_amount: 10, msdyn_count: 1 },
    { msdyn_actualid: 'c', msdyn_description: null, msdyn_amount: 2.5, msdyn_count: 2 },
    { msdyn_actualid: 'd', msdyn_description: 'gamma', msdyn_amount: 10, msdyn_count: 4 },
  ];
  const run = (text: string, options = {}) => applyQuery(rows, parseQuery(text, schema), schema, options);
  const ids = (r: { value: Rec[] }) => r.value.map((x) => x.msdyn_actualid);

  it('filters, orders, skips, tops and counts', () => {
    assert.deepEqual(ids(run('$filter=msdyn_amount ge 2.5')), ['b', 'c', 'd']);
    assert.deepEqual(ids(run('$orderby=msdyn_description')), ['c', 'b', 'a', 'd']); // null first, case-insensitive
    assert.deepEqual(ids(run('$orderby=msdyn_description desc')), ['d', 'a', 'b', 'c']);
    assert.deepEqual(ids(run('$orderby=msdyn_amount desc,msdyn_count')), ['b', 'd', 'c', 'a']);
    assert.deepEqual(ids(run('$orderby=msdyn_amount desc,msdyn_count desc')), ['d', 'b', 'c', 'a']);
    assert.deepEqual(ids(run('$orderby=msdyn_count&$skip=1&$top=2')), ['c', 'a']);
    const counted = run('$filter=msdyn_amount gt 1&$top=1&$count=true');
    assert.equal(counted.count, 3);
    assert.equal(counted.value.length, 1);
    assert.equal(run('').count, undefined);
    assert.deepEqual(ids(run('$top=0')), []);
  });

  it('selects properties, keeping keys and annotations', () => {
    const r = run('$select=msdyn_amount&$filter=msdyn_actualid eq null or msdyn_count eq 3');
    assert.deepEqual(r.value, [
      { msdyn_actualid: 'a', msdyn_amount: 0.3, '@odata.etag': 'W/"1"', 'msdyn_amount@OData.Community.Display.V1.FormattedValue': '$0.30' },
    ]);
    assert.deepEqual(run('$select=msdyn_notes&$top=1').value, [{ msdyn_actualid: 'a', '@odata.etag': 'W/"1"', msdyn_notes: null }]);
    assert.deepEqual(applyQuery(rows, parseQuery('$select=msdyn_count&$top=1', schema), schema, { keep: ['msdyn_description'] }).value[0], {
      msdyn_actualid: 'a', msdyn_description: 'beta', msdyn_count: 3, '@odata.etag': 'W/"1"',
    });
    // without $select the records are copies
    const all = run('');
    assert.notEqual(all.value[0], rows[0]);
    assert.deepEqual(all.value[0], rows[0]);
  });

  it('expands through a resolver with nested $select', () => {
    const projects: Record<string, Rec> = { [P1]: { msdyn_projectid: P1, msdyn_subject: 'ERP', secret: 1 } };
    const data: Rec[] = [rec({ _msdyn_project_value: P1 }), rec({ _msdyn_project_value: null })];
    const r = applyQuery(data, parseQuery('$select=_msdyn_project_value&$expand=msdyn_project($select=msdyn_subject)', schema), schema, {
      expand: (record: Rec, nav: string) => (nav === 'msdyn_project' ? projects[String(record._msdyn_project_value)] : undefined),
    });
    assert.deepEqual(r.value[0]!.msdyn_project, { msdyn_projectid: P1, msdyn_subject: 'ERP' });
    assert.equal(r.value[1]!.msdyn_project, null);
  });

  it('pages with an opaque skiptoken until the end (round trip)', () => {
    const many: Rec[] = Array.from({ length: 23 }, (_, i) => rec({ msdyn_count: i }));
    const seen: number[] = [];
    let search = '$orderby=msdyn_count desc&$count=true';
    let pages = 0;
    for (;;) {
      const query = parseQuery(search, schema);
      const page = applyQuery(many, query, schema, { pageSize: 5 });
      pages++;
      assert.equal(page.count, 23);
      seen.push(...page.value.map((r) => r.msdyn_count as number));
      if (!page.skiptoken) {
        assert.equal(page.nextSkip, undefined);
        break;
      }
      assert.equal(decodeSkiptoken(page.skiptoken), page.nextSkip);
      search = withSkiptoken(search, page.skiptoken);
      assert.ok(pages < 10);
    }
    assert.equal(pages, 5);
    assert.deepEqual(seen, Array.from({ length: 23 }, (_, i) => 22 - i));
    assert.equal((withSkiptoken('?$top=1&$skiptoken=old', 'new').match(/skiptoken/g) ?? []).length, 1);
  });

  it('pages within $top and $skip', () => {
    const many: Rec[] = Array.from({ length: 30 }, (_, i) => rec({ msdyn_count: i }));
    let search = '$orderby=msdyn_count&$skip=3&$top=12';
    const seen: number[] = [];
    for (let n = 0; n < 10; n++) {
      const page = applyQuery(many, parseQuery(search, schema), schema, { pageSize: 5 });
      seen.push(...page.value.map((r) => r.msdyn_count as number));
      if (!page.skiptoken) break;
      search = withSkiptoken(search, page.skiptoken);
    }
    assert.deepEqual(seen, Array.from({ length: 12 }, (_, i) => i + 3));
    const exact = applyQuery(many.slice(0, 5), parseQuery('', schema), schema, { pageSize: 5 });
    assert.equal(exact.skiptoken, undefined);
  });
});

describe('ETags', () => {
  it('formats and reads weak ETags', () => {
    assert.equal(etagOf(42), 'W/"42"');
    assert.equal(etagOf(123456789012345678901234567890n), 'W/"123456789012345678901234567890"');
    assert.equal(versionOf('W/"42"'), '42');
    assert.equal(versionOf('"42"'), '42');
    assert.equal(versionOf('42'), undefined);
  });

  it('parses If-Match / If-None-Match values', () => {
    assert.deepEqual(parseEtagHeader('*'), { any: true });
    assert.deepEqual(parseEtagHeader(' W/"1" , "2",W/"a,b"'), {
      any: false,
      tags: [{ weak: true, opaque: '1' }, { weak: false, opaque: '2' }, { weak: true, opaque: 'a,b' }],
    });
    assert.deepEqual(parseEtagHeader(['W/"1"', 'W/"2"']), { any: false, tags: [{ weak: true, opaque: '1' }, { weak: true, opaque: '2' }] });
    assert.equal(parseEtagHeader(undefined), undefined);
    assert.deepEqual(parseEtagHeader('"",'), { any: false, tags: [{ weak: false, opaque: '' }] });
  });

  it('rejects malformed values', () => {
    for (const bad of ['', '   ', '42', 'W/42', '"unterminated', '*, W/"1"', 'w/"1"', '"a"b"', '"a b"', 'W/"1" W/"2"', 'x'.repeat(5000)]) {
      throwsSim(() => parseEtagHeader(bad), 'odata.badEtag');
    }
    throwsSim(() => parseEtagHeader('42', FINANCE), 'odata.badEtag', {}, 'BadRequest');
  });

  it('decides If-Match with weak comparison', () => {
    const current = etagOf(7);
    assert.equal(ifMatchPasses(undefined, current), true);
    assert.equal(ifMatchPasses(parseEtagHeader('*'), current), true);
    assert.equal(ifMatchPasses(parseEtagHeader('*'), null), false);
    assert.equal(ifMatchPasses(parseEtagHeader('W/"7"'), current), true);
    assert.equal(ifMatchPasses(parseEtagHeader('"7"'), current), true);
    assert.equal(ifMatchPasses(parseEtagHeader('W/"6", W/"7"'), current), true);
    assert.equal(ifMatchPasses(parseEtagHeader('W/"6"'), current), false);
    assert.equal(ifMatchPasses(parseEtagHeader('W/"7"'), 7), true);
    assert.equal(ifMatchPasses(parseEtagHeader('W/"7"'), undefined), false);
  });

  it('decides If-None-Match', () => {
    const current = etagOf(7);
    assert.equal(ifNoneMatchPasses(undefined, current), true);
    assert.equal(ifNoneMatchPasses(parseEtagHeader('*'), current), false);
    assert.equal(ifNoneMatchPasses(parseEtagHeader('*'), null), true);
    assert.equal(ifNoneMatchPasses(parseEtagHeader('W/"7"'), current), false);
    assert.equal(ifNoneMatchPasses(parseEtagHeader('W/"6"'), current), true);
    assert.equal(ifNoneMatchPasses(parseEtagHeader('W/"6"'), null), true);
  });
});

describe('Prefer', () => {
  it('reads return, maxpagesize and include-annotations', () => {
    const p = parsePrefer('return=representation, odata.maxpagesize=50, odata.include-annotations="OData.Community.Display.V1.FormattedValue"');
    assert.equal(p.returnRepresentation, true);
    assert.equal(p.return, 'representation');
    assert.equal(p.maxPageSize, 50);
    assert.deepEqual(p.includeAnnotations, [{ pattern: 'OData.Community.Display.V1.FormattedValue', exclude: false }]);
    assert.equal(includesAnnotation(p.includeAnnotations, 'OData.Community.Display.V1.FormattedValue'), true);
    assert.equal(includesAnnotation(p.includeAnnotations, 'Microsoft.Dynamics.CRM.lookuplogicalname'), false);
  });

  it('is case-insensitive in names and tolerant of spacing, parameters and several headers', () => {
    const p = parsePrefer(['RETURN = Representation ; foo=bar', 'Odata.MaxPageSize=10']);
    assert.equal(p.returnRepresentation, true);
    assert.equal(p.maxPageSize, 10);
    assert.deepEqual(p.preferences[0]!.params, [{ name: 'foo', value: 'bar' }]);
    assert.equal(parsePrefer('return=minimal').returnRepresentation, false);
    assert.equal(parsePrefer('return=minimal').return, 'minimal');
    assert.equal(parsePrefer(undefined).returnRepresentation, false);
    assert.equal(parsePrefer('').maxPageSize, undefined);
  });

  it('keeps the first occurrence and ignores what it does not understand', () => {
    assert.equal(parsePrefer('odata.maxpagesize=5,odata.maxpagesize=9').maxPageSize, 5);
    assert.equal(parsePrefer('odata.maxpagesize=0').maxPageSize, undefined);
    assert.equal(parsePrefer('odata.maxpagesize=-1').maxPageSize, undefined);
    assert.equal(parsePrefer('odata.maxpagesize=abc').maxPageSize, undefined);
    assert.equal(parsePrefer('odata.maxpagesize=999999').maxPageSize, 5000);
    assert.equal(parsePrefer('return=everything').return, undefined);
    assert.equal(parsePrefer('bad name=1, return=representation').returnRepresentation, true);
    assert.equal(parsePrefer('respond-async, wait=10').preferences.length, 2);
    assert.equal(parsePrefer('odata.include-annotations="unterminated').includeAnnotations, undefined);
  });

  it('reads quoted lists with commas and matches annotation patterns', () => {
    const p = parsePrefer('odata.include-annotations="*,-Microsoft.Dynamics.CRM.*", return=representation');
    assert.equal(p.returnRepresentation, true);
    assert.equal(includesAnnotation(p.includeAnnotations, 'OData.Community.Display.V1.FormattedValue'), true);
    assert.equal(includesAnnotation(p.includeAnnotations, 'Microsoft.Dynamics.CRM.lookuplogicalname'), false);
    const star = parsePrefer('odata.include-annotations=*').includeAnnotations;
    assert.equal(includesAnnotation(star, 'Anything.At.All'), true);
    const ns = parsePrefer('odata.include-annotations="-*,OData.Community.Display.V1.*"').includeAnnotations;
    assert.equal(includesAnnotation(ns, 'OData.Community.Display.V1.FormattedValue'), true);
    assert.equal(includesAnnotation(ns, 'Microsoft.Dynamics.CRM.x'), false);
    const tie = parsePrefer('odata.include-annotations="A.B,-A.B"').includeAnnotations;
    assert.equal(includesAnnotation(tie, 'A.B'), false);
    assert.equal(includesAnnotation(undefined, 'A.B'), false);
    assert.equal(includesAnnotation(parsePrefer('odata.include-annotations="odata.community.display.v1.formattedvalue"').includeAnnotations, 'OData.Community.Display.V1.FormattedValue'), true);
  });

  it('writes Preference-Applied', () => {
    assert.equal(preferenceApplied({}), undefined);
    assert.equal(
      preferenceApplied({ return: 'representation', maxPageSize: 5, includeAnnotations: [{ pattern: 'OData.Community.Display.V1.FormattedValue', exclude: false }] }),
      'return=representation,odata.maxpagesize=5,odata.include-annotations="OData.Community.Display.V1.FormattedValue"',
    );
  });
});

describe('entity keys', () => {
  it('parses Dataverse primary keys', () => {
    assert.deepEqual(parseEntitySegment(`accounts(${P1.toUpperCase()})`), { set: 'accounts', key: { kind: 'id', id: P1 } });
    assert.deepEqual(parseEntitySegment('accounts'), { set: 'accounts' });
    assert.deepEqual(requireKeyParts({ kind: 'id', id: P1 }, ['accountid']), { accountid: P1 });
  });

  it('rejects bad GUIDs and malformed predicates', () => {
    for (const bad of ['accounts(123)', 'accounts(0000000-0000-0000-0000-000000000001)', 'accounts()', `accounts(${P1}`, `accounts(${P1})x`, 'accounts(%ZZ)', "accounts(name='x)", 'accounts(name=abc)', "accounts(a='1',a='2')", "accounts(a='1' b='2')", "accounts(__proto__='x')", "accounts(a='1',)"]) {
      throwsSim(() => parseEntitySegment(bad), 'odata.badKey');
    }
    throwsSim(() => parseEntitySegment('accounts(123)'), 'odata.badKey', { value: '123' });
    throwsSim(() => parseEntitySegment('x'.repeat(3000)), 'odata.badKey');
    throwsSim(() => parseEntitySegment('1accounts'), 'odata.badSegment', { segment: '1accounts' }, '0x80060888', 404);
  });

  it('parses alternate keys', () => {
    const seg = parseEntitySegment("accounts(accountnumber='A1')");
    assert.equal(seg.key?.kind, 'named');
    assert.deepEqual(requireKeyParts(seg.key!, ['accountnumber']), { accountnumber: 'A1' });
    const n = parseEntitySegment(`contacts(employeeid=12345,parent=${P2})`);
    assert.deepEqual(requireKeyParts(n.key!, ['employeeid', 'parent']), { employeeid: 12345, parent: P2 });
  });

  it('parses Finance compound keys with escaping and percent-encoding', () => {
    const seg = parseEntitySegment("ProjectInvoiceProposals(dataAreaId='USPM',ProposalId='INV-00001')", FINANCE);
    assert.equal(seg.set, 'ProjectInvoiceProposals');
    assert.deepEqual(requireKeyParts(seg.key!, ['dataAreaId', 'ProposalId'], FINANCE), { dataAreaId: 'USPM', ProposalId: 'INV-00001' });
    const enc = parseEntitySegment("ProjectInvoiceProposals(dataAreaId='USPM',%20ProposalId='O''Neil%2C%20(1)')", FINANCE);
    assert.deepEqual(requireKeyParts(enc.key!, ['dataAreaId', 'ProposalId']), { dataAreaId: 'USPM', ProposalId: "O'Neil, (1)" });
    const order = parseEntitySegment("ProjectInvoiceProposals(ProposalId='P',dataAreaId='USPM')", FINANCE);
    assert.deepEqual(requireKeyParts(order.key!, ['dataAreaId', 'ProposalId']), { dataAreaId: 'USPM', ProposalId: 'P' });
  });

  it('reports missing and unknown key parts', () => {
    const seg = parseEntitySegment("ProjectInvoiceProposals(dataAreaId='USPM')", FINANCE);
    throwsSim(() => requireKeyParts(seg.key!, ['dataAreaId', 'ProposalId'], FINANCE), 'odata.missingKey', { property: 'ProposalId' }, 'BadRequest');
    const extra = parseEntitySegment("ProjectInvoiceProposals(dataAreaId='USPM',ProposalId='P',x='1')", FINANCE);
    throwsSim(() => requireKeyParts(extra.key!, ['dataAreaId', 'ProposalId'], FINANCE), 'odata.unknownKey', { property: 'x' }, 'BadRequest');
    throwsSim(() => requireKeyParts({ kind: 'id', id: P1 }, ['dataAreaId', 'ProposalId']), 'odata.missingKey');
    throwsSim(() => parseEntitySegment(`ProjectInvoiceProposals(${P1}x)`, FINANCE), 'odata.badKey', {}, 'BadRequest');
  });

  it('formats keys', () => {
    assert.equal(formatKey(P1), `(${P1})`);
    assert.equal(formatKey({ dataAreaId: 'USPM', ProposalId: "O'N" }), "(dataAreaId='USPM',ProposalId='O''N')");
    assert.equal(formatKey({ employeeid: 5 }), '(employeeid=5)');
    const round = parseEntitySegment(`x${formatKey({ a: "it's", b: 3 })}`);
    assert.deepEqual(requireKeyParts(round.key!, ['a', 'b']), { a: "it's", b: 3 });
  });
});

describe('ids and schemas', () => {
  it('makes and validates GUIDs', () => {
    const g = newGuid();
    assert.equal(isGuid(g), true);
    assert.notEqual(newGuid(), g);
    assert.equal(isGuid(P1.toUpperCase()), true);
    for (const bad of ['', P1.slice(1), `${P1}0`, `{${P1}}`, P1.replace(/-/g, ''), 'g0000000-0000-0000-0000-000000000001', 42, null]) {
      assert.equal(isGuid(bad), false, String(bad));
    }
  });

  it('builds a schema from entity fields with lookups as _x_value', () => {
    const s = schemaFromFields('Microsoft.Dynamics.CRM.account', { name: { type: 'string' }, parentaccountid: { type: 'lookup' } }, { keys: ['accountid'] });
    assert.equal(s.property('name'), 'string');
    assert.equal(s.property('_parentaccountid_value'), 'lookup');
    assert.equal(s.property('parentaccountid'), undefined);
    assert.equal(s.property('__proto__'), undefined);
    assert.equal(s.property('hasOwnProperty'), undefined);
    assert.equal(evaluateFilter(parseFilter(`_parentaccountid_value eq ${P1}`, s), { _parentaccountid_value: P1 }), true);
  });

  it('flavours carry their error codes', () => {
    assert.equal(DATAVERSE.code, '0x80060888');
    assert.equal(FINANCE.code, 'BadRequest');
  });
});

describe('odata messages', () => {
  const load = (lng: string) => (JSON.parse(readFileSync(new URL(`../locales/${lng}/errors.json`, import.meta.url), 'utf8')) as { odata: Record<string, string> }).odata;
  const en = load('en');
  it('exist in en, de and nl with the same keys and placeholders', () => {
    for (const lng of ['de', 'nl']) {
      const other = load(lng);
      assert.deepEqual(Object.keys(other).sort(), Object.keys(en).sort(), lng);
      for (const [k, v] of Object.entries(en)) {
        const ph = (s: string) => (s.match(/\{\{\w+\}\}/g) ?? []).sort();
        assert.deepEqual(ph(other[k]!), ph(v), `${lng} ${k}`);
      }
    }
  });
  it('cover every key the odata modules raise', () => {
    const keys = new Set<string>();
    for (const file of ['filter', 'query', 'etag', 'keys']) {
      const src = readFileSync(new URL(`../simulator/odata/${file}.ts`, import.meta.url), 'utf8');
      for (const m of src.matchAll(/odataError\([^,]+,\s*(?:[^'()]*\?\s*)?'(\w+)'(?:\s*:\s*'(\w+)')?/g)) {
        keys.add(m[1]!);
        if (m[2]) keys.add(m[2]);
      }
    }
    assert.ok(keys.size >= 15, [...keys].join());
    for (const k of keys) assert.ok(k in en || `${k}_other` in en, k);
  });
});

it('formatted money and decimals are exact decimal text in the caller\'s language, whatever their size', () => {
  const t = translator('de');
  assert.equal(formatValue('money', undefined, '12345678901234567.125', { t, lang: 'de' }), '12.345.678.901.234.567,13');
  assert.equal(formatValue('money', undefined, '1.005', { t, lang: 'en' }), '1.01');
  assert.equal(formatValue('money', undefined, '-0.005', { t, lang: 'nl' }), '-0,01');
  assert.equal(formatValue('decimal', undefined, '0.12345', { t, lang: 'en' }), '0.1235');
  assert.equal(formatValue('int', undefined, 1234567, { t, lang: 'de' }), '1.234.567');
  assert.equal(formatValue('date', undefined, '2026-03-02', { t, lang: 'nl' }), '2 mrt 2026');
  assert.equal(formatValue('money', undefined, '1600', { t, lang: 'en' }), '1,600.00', 'the same formatter again');
});

it('duplicateKey finds a property name repeated in one object, at any depth, however it is spelt', () => {
  assert.equal(duplicateKey('{"a":1,"b":2}'), undefined);
  assert.equal(duplicateKey('{"a":1,"a":2}'), 'a');
  assert.equal(duplicateKey('{"a":{"x":1},"b":{"x":2},"c":[{"x":3},{"x":4}]}'), undefined, 'the same name in different objects');
  assert.equal(duplicateKey('{"a":[1,{"y":1,"y":2}]}'), 'y');
  assert.equal(duplicateKey('{"name":1,"\\u006eame":2}'), 'name');
  assert.equal(duplicateKey('{"a\\"b":1,"a\\"b":2}'), 'a"b');
  assert.equal(duplicateKey('{"v":"\\"a\\":1,\\"a\\":2","w":"a"}'), undefined, 'names inside string values are not names');
  assert.equal(duplicateKey('{"k":"x","v":{"k":"y"},"k2":1}'), undefined);
  assert.equal(duplicateKey('[{"a":1},{"a":1}]'), undefined);
  assert.equal(duplicateKey('"just text"'), undefined);
  assert.equal(duplicateKey(''), undefined);
});
