/**
 * OData v4 `$filter`: tokenizer, recursive-descent parser into a typed AST, and an evaluator.
 *
 * Precedence (OData ABNF): `not` (unary) > comparisons (`eq ne gt ge lt le`) > `and` > `or`, so
 * `not a eq b` is `(not a) eq b`. Names of operators and functions are case-sensitive, as in the spec.
 *
 * Null semantics are SQL's, as on Dataverse and Finance: `x eq null` / `x ne null` test for null; any
 * other comparison with a null operand is unknown, and a record is kept only when the filter is true
 * (so `name ne 'A'` does not return records whose name is null). `and`/`or`/`not` are three-valued.
 *
 * Hostile input: length and nesting depth are limited, names are checked against the schema (never
 * looked up on a prototype), and no regular expression is built from input.
 */
import { SimError } from '../errors.js';
import { compareDec, parseDec } from './decimal.js';
import { DATAVERSE, type Flavour, odataError } from './flavour.js';
import { type ODataSchema, type PropType, navigationTarget, propertyType } from './schema.js';
import { type CrmFunction, CRM_NAMESPACE, crmFunctionSpec, evalCrmFunction, unsupportedCrmFunction } from './crm-functions.js';

export type CmpOp = 'eq' | 'ne' | 'gt' | 'ge' | 'lt' | 'le';
export type FnName = 'contains' | 'startswith' | 'endswith' | 'tolower' | 'toupper';
export type LitType = 'string' | 'int' | 'decimal' | 'bool' | 'null' | 'guid' | 'date' | 'datetime' | 'enum';

/** Static category of an expression, used for type checking and for choosing a comparison. */
export type Category = 'string' | 'number' | 'bool' | 'datetime' | 'guid' | 'option' | 'enum' | 'null';

export type Expr =
  | {
      readonly kind: 'lit';
      readonly type: LitType;
      /** string, guid (lower case), date/datetime (as written), enum member, number text, boolean or null. */
      readonly value: string | boolean | null;
      /** Enum literals: the qualified enum type name. */
      readonly enumType?: string;
      readonly pos: number;
    }
  | { readonly kind: 'prop'; readonly path: readonly string[]; readonly type: PropType; readonly pos: number }
  | { readonly kind: 'cmp'; readonly op: CmpOp; readonly left: Expr; readonly right: Expr; readonly as: Category }
  | { readonly kind: 'and' | 'or'; readonly items: readonly Expr[] }
  | { readonly kind: 'not'; readonly operand: Expr }
  | { readonly kind: 'call'; readonly fn: FnName; readonly args: readonly Expr[]; readonly pos: number }
  /** A Dataverse query function (`Microsoft.Dynamics.CRM.Today(PropertyName='createdon')`), see crm-functions.ts. */
  | { readonly kind: 'crm'; readonly fn: CrmFunction; readonly prop: PropExpr; readonly values: readonly string[]; readonly pos: number };

export type PropExpr = Extract<Expr, { kind: 'prop' }>;

export interface FilterOptions {
  readonly flavour?: Flavour;
  /** Maximum nesting of parentheses, `not` and function calls (default 50). */
  readonly maxDepth?: number;
  /** Maximum length of the expression in characters (default 8192). */
  readonly maxLength?: number;
  /** Parameter aliases of the request (`@p1` → its raw value), for `$filter=name eq @p1&@p1='x'`. */
  readonly aliases?: ReadonlyMap<string, string>;
}

export const DEFAULT_MAX_DEPTH = 50;
export const DEFAULT_MAX_LENGTH = 8192;

const CMP_OPS: ReadonlySet<string> = new Set(['eq', 'ne', 'gt', 'ge', 'lt', 'le']);
const RESERVED: ReadonlySet<string> = new Set([...CMP_OPS, 'and', 'or', 'not', 'true', 'false', 'null']);
const FUNCTIONS: ReadonlyMap<string, { arity: number; result: Category }> = new Map([
  ['contains', { arity: 2, result: 'bool' as Category }],
  ['startswith', { arity: 2, result: 'bool' as Category }],
  ['endswith', { arity: 2, result: 'bool' as Category }],
  ['tolower', { arity: 1, result: 'string' as Category }],
  ['toupper', { arity: 1, result: 'string' as Category }],
]);

// ---------------------------------------------------------------------------------------------------
// Tokenizer

type TokKind = 'lp' | 'rp' | 'comma' | 'slash' | 'str' | 'num' | 'guid' | 'date' | 'datetime' | 'ident' | 'enum' | 'assign' | 'array' | 'end';
interface Tok {
  readonly kind: TokKind;
  /** Source text of the token. */
  readonly text: string;
  /** Decoded value: string contents, enum member. */
  readonly value?: string;
  /** Items of a JSON array (`PropertyValues=["a","b"]` of a Dataverse query function), as text. */
  readonly items?: readonly string[];
  readonly pos: number;
}

// Constant, anchored (sticky) patterns; input is only ever matched, never compiled.
const GUID_Y = /[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}/y;
const DATETIME_Y = /(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})(?::(\d{2})(?:\.\d{1,12})?)?(Z|[+-]\d{2}:\d{2})/y;
const DATE_Y = /(\d{4})-(\d{2})-(\d{2})/y;
const NUMBER_Y = /-?\d+(?:\.\d+)?(?:[eE][+-]?\d+)?/y;
const IDENT_Y = /[A-Za-z_][A-Za-z0-9_]*(?:\.[A-Za-z_][A-Za-z0-9_]*)*/y;

const isIdentChar = (c: string | undefined): boolean =>
  c !== undefined && ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c === '_' || c === '.' || c === '-' || c === ':');
const isSpace = (c: string): boolean => c === ' ' || c === '\t' || c === '\n' || c === '\r';

function sticky(re: RegExp, src: string, pos: number): RegExpExecArray | null {
  re.lastIndex = pos;
  return re.exec(src);
}

const daysIn = (y: number, m: number): number => new Date(Date.UTC(y, m, 0)).getUTCDate();
const validDate = (y: number, m: number, d: number): boolean => m >= 1 && m <= 12 && d >= 1 && d <= daysIn(y, m);

/** Most items a `PropertyValues` array may hold (convention: bounds the work one request can cause). */
export const MAX_ARRAY_ITEMS = 1000;

/**
 * Tokens of an expression. A parameter alias (`@p1`) is replaced by the tokens of its value (OData 4.0 Part 2
 * §5.1.1.13.1 "Parameter Aliases"; Dataverse: filter-rows.md "Use parameter aliases with system query options"),
 * wrapped in parentheses when it is more than one token. An alias without a value, or whose value refers to an
 * alias, is refused (convention: OData would read it as null, which silently changes which rows match).
 */
function tokenize(src: string, flavour: Flavour, aliases?: ReadonlyMap<string, string>, inAlias = false): Tok[] {
  const toks: Tok[] = [];
  const syntax = (pos: number, token: string) => odataError(flavour, 'syntax', { position: pos, token });
  let i = 0;
  while (i < src.length) {
    const c = src[i]!;
    if (isSpace(c)) {
      i++;
      continue;
    }
    const start = i;
    if (c === '@') {
      const m = sticky(IDENT_Y, src, i + 1);
      if (!m || m[0].includes('.')) throw syntax(start, src.slice(start, start + 20));
      const name = `@${m[0]}`;
      if (!aliases) throw syntax(start, src.slice(start, start + 20)); // the caller takes no aliases (Finance)
      const value = aliases.get(name);
      if (inAlias) throw odataError(flavour, 'aliasInAlias', { alias: name });
      if (value === undefined) throw odataError(flavour, 'aliasWithoutValue', { alias: name });
      let inner: Tok[];
      try {
        inner = tokenize(value, flavour, aliases, true).slice(0, -1);
      } catch (e) {
        if (e instanceof SimError && e.key === 'odata.syntax') throw odataError(flavour, 'badAliasValue', { alias: name, value: value.slice(0, 100) });
        throw e;
      }
      if (inner.length === 0) throw odataError(flavour, 'badAliasValue', { alias: name, value: '' });
      const moved = inner.map((t) => ({ ...t, pos: start }));
      if (moved.length === 1) toks.push(moved[0]!);
      else toks.push({ kind: 'lp', text: '(', pos: start }, ...moved, { kind: 'rp', text: ')', pos: start });
      i += name.length;
      continue;
    }
    if (c === '=') {
      toks.push({ kind: 'assign', text: c, pos: i });
      i++;
      continue;
    }
    if (c === '[') {
      const [items, end] = readArray(src, i, flavour);
      toks.push({ kind: 'array', text: src.slice(i, end), items, pos: start });
      i = end;
      continue;
    }
    if (c === '(' || c === ')' || c === ',' || c === '/') {
      toks.push({ kind: c === '(' ? 'lp' : c === ')' ? 'rp' : c === ',' ? 'comma' : 'slash', text: c, pos: i });
      i++;
      continue;
    }
    if (c === "'") {
      const [value, end] = readString(src, i, flavour);
      toks.push({ kind: 'str', text: src.slice(i, end), value, pos: start });
      i = end;
      continue;
    }
    let m = sticky(GUID_Y, src, i);
    if (m && !isIdentChar(src[i + m[0].length])) {
      toks.push({ kind: 'guid', text: m[0], pos: start });
      i += m[0].length;
      continue;
    }
    m = sticky(DATETIME_Y, src, i);
    if (m && !isIdentChar(src[i + m[0].length])) {
      const [, y, mo, d, h, mi, s] = m;
      if (!validDate(+y!, +mo!, +d!) || +h! > 23 || +mi! > 59 || (s !== undefined && +s > 59)) throw syntax(start, m[0]);
      toks.push({ kind: 'datetime', text: m[0], pos: start });
      i += m[0].length;
      continue;
    }
    m = sticky(DATE_Y, src, i);
    if (m && !isIdentChar(src[i + m[0].length])) {
      if (!validDate(+m[1]!, +m[2]!, +m[3]!)) throw syntax(start, m[0]);
      toks.push({ kind: 'date', text: m[0], pos: start });
      i += m[0].length;
      continue;
    }
    m = sticky(NUMBER_Y, src, i);
    if (m) {
      const next = src[i + m[0].length];
      if (isIdentChar(next) && next !== '-') throw syntax(start, src.slice(start, i + m[0].length + 1));
      toks.push({ kind: 'num', text: m[0], pos: start });
      i += m[0].length;
      continue;
    }
    m = sticky(IDENT_Y, src, i);
    if (m) {
      i += m[0].length;
      if (src[i] === "'" && m[0].includes('.')) {
        // Enum literal: Namespace.EnumType'Member'
        const [value, end] = readString(src, i, flavour);
        toks.push({ kind: 'enum', text: src.slice(start, end), value, pos: start });
        i = end;
      } else {
        toks.push({ kind: 'ident', text: m[0], pos: start });
      }
      continue;
    }
    throw syntax(start, c);
  }
  toks.push({ kind: 'end', text: '', pos: src.length });
  return toks;
}

/** A JSON array of strings and numbers starting at `pos` (`["a","b"]`, `[1,2]`); returns its items as text. */
function readArray(src: string, pos: number, flavour: Flavour): [string[], number] {
  let i = pos + 1;
  let quoted = false;
  for (; i < src.length; i++) {
    const c = src[i];
    if (quoted && c === '\\') i++;
    else if (c === '"') quoted = !quoted;
    else if (!quoted && (c === ']' || c === '[')) break;
  }
  const bad = () => odataError(flavour, 'syntax', { position: pos, token: src.slice(pos, pos + 20) });
  if (src[i] !== ']') throw bad();
  let parsed: unknown;
  try {
    parsed = JSON.parse(src.slice(pos, i + 1));
  } catch {
    throw bad();
  }
  if (!Array.isArray(parsed) || parsed.length > MAX_ARRAY_ITEMS || !parsed.every((x) => typeof x === 'string' || (typeof x === 'number' && Number.isFinite(x)))) throw bad();
  return [parsed.map((x) => String(x)), i + 1];
}

/** A quoted string starting at `pos` ('' is an escaped quote); returns its value and end offset. */
function readString(src: string, pos: number, flavour: Flavour): [string, number] {
  let out = '';
  let i = pos + 1;
  for (;;) {
    const q = src.indexOf("'", i);
    if (q < 0) throw odataError(flavour, 'syntax', { position: pos, token: src.slice(pos, pos + 20) });
    out += src.slice(i, q);
    if (src[q + 1] === "'") {
      out += "'";
      i = q + 2;
      continue;
    }
    return [out, q + 1];
  }
}

// ---------------------------------------------------------------------------------------------------
// Parser

/** Category of a property type. */
export function categoryOf(type: PropType): Category {
  switch (type) {
    case 'string':
    case 'memo':
      return 'string';
    case 'int':
    case 'decimal':
    case 'double':
    case 'money':
      return 'number';
    case 'bool':
      return 'bool';
    case 'datetime':
    case 'date':
      return 'datetime';
    case 'guid':
    case 'lookup':
      return 'guid';
    case 'option':
      return 'option';
  }
}

function litCategory(t: LitType): Category {
  switch (t) {
    case 'string':
      return 'string';
    case 'int':
    case 'decimal':
      return 'number';
    case 'bool':
      return 'bool';
    case 'null':
      return 'null';
    case 'guid':
      return 'guid';
    case 'date':
    case 'datetime':
      return 'datetime';
    case 'enum':
      return 'enum';
  }
}

/** Static category of an expression. */
export function typeOf(e: Expr): Category {
  switch (e.kind) {
    case 'lit':
      return litCategory(e.type);
    case 'prop':
      return categoryOf(e.type);
    case 'call':
      return FUNCTIONS.get(e.fn)!.result;
    default:
      return 'bool'; // and, or, not, cmp, crm
  }
}

/** Which comparison two categories use, or undefined when they cannot be compared. */
function comparable(a: Category, b: Category): Category | undefined {
  if (a === 'null') return b;
  if (b === 'null') return a;
  if (a === b) return a === 'enum' ? 'option' : a;
  const pair = (x: Category, y: Category) => (a === x && b === y) || (a === y && b === x);
  if (pair('option', 'number') || pair('option', 'string') || pair('option', 'enum') || pair('string', 'enum')) return 'option';
  return undefined;
}

class Parser {
  private i = 0;
  private depth = 0;
  constructor(
    private readonly toks: readonly Tok[],
    private readonly schema: ODataSchema,
    private readonly flavour: Flavour,
    private readonly maxDepth: number,
  ) {}

  private get tok(): Tok {
    return this.toks[this.i]!;
  }
  private atEnd(): boolean {
    return this.tok.kind === 'end';
  }
  private isWord(word: string): boolean {
    return this.tok.kind === 'ident' && this.tok.text === word;
  }
  private syntax(t: Tok = this.tok): never {
    throw odataError(this.flavour, 'syntax', { position: t.pos, token: t.text });
  }
  private expect(kind: TokKind): Tok {
    const t = this.tok;
    if (t.kind !== kind) this.syntax(t);
    this.i++;
    return t;
  }
  private enter(): void {
    if (++this.depth > this.maxDepth) throw odataError(this.flavour, 'tooDeep', { max: this.maxDepth });
  }
  private leave(): void {
    this.depth--;
  }

  parse(): Expr {
    if (this.atEnd()) this.syntax();
    const e = this.parseOr();
    if (!this.atEnd()) this.syntax();
    this.requireBool(e);
    return e;
  }

  private requireBool(e: Expr): void {
    if (typeOf(e) !== 'bool') this.mismatch(e, 'bool');
  }
  private mismatch(e: Expr, expected: string): never {
    throw odataError(this.flavour, 'typeMismatch', { property: describe(e), expected });
  }

  private parseOr(): Expr {
    return this.parseLogical('or', () => this.parseAnd());
  }

  private parseAnd(): Expr {
    return this.parseLogical('and', () => this.parseCmp());
  }

  /** `x op y op z` as one list of boolean operands (a single operand stands for itself). */
  private parseLogical(kind: 'and' | 'or', operand: () => Expr): Expr {
    const items = [operand()];
    while (this.isWord(kind)) {
      this.i++;
      items.push(operand());
    }
    if (items.length === 1) return items[0]!;
    for (const e of items) this.requireBool(e);
    return { kind, items };
  }

  private parseCmp(): Expr {
    let left = this.parseUnary();
    const depth = this.depth;
    while (this.tok.kind === 'ident' && CMP_OPS.has(this.tok.text)) {
      const op = this.tok.text as CmpOp;
      if (left.kind === 'cmp') this.enter(); // a chain `a eq b eq c` nests to the left
      this.i++;
      const right = this.parseUnary();
      left = this.checkCmp(op, left, right);
    }
    this.depth = depth;
    return left;
  }

  private checkCmp(op: CmpOp, left: Expr, right: Expr): Expr {
    const a = typeOf(left);
    const b = typeOf(right);
    const as = comparable(a, b);
    if (as === undefined) {
      // Name the property side when there is one, with its declared type.
      const culprit = left.kind === 'prop' ? left : right.kind === 'prop' ? right : left;
      this.mismatch(culprit, expectedOf(culprit));
    }
    return { kind: 'cmp', op, left, right, as };
  }

  private parseUnary(): Expr {
    if (this.isWord('not')) {
      this.i++;
      this.enter();
      const operand = this.parseUnary();
      this.leave();
      this.requireBool(operand);
      return { kind: 'not', operand };
    }
    return this.parsePrimary();
  }

  private parsePrimary(): Expr {
    const t = this.tok;
    switch (t.kind) {
      case 'lp': {
        this.i++;
        this.enter();
        const e = this.parseOr();
        this.leave();
        this.expect('rp');
        return e;
      }
      case 'str':
        this.i++;
        return { kind: 'lit', type: 'string', value: t.value!, pos: t.pos };
      case 'enum': {
        this.i++;
        const q = t.text.indexOf("'");
        return { kind: 'lit', type: 'enum', value: t.value!, enumType: t.text.slice(0, q), pos: t.pos };
      }
      case 'num': {
        this.i++;
        if (!parseDec(t.text)) this.syntax(t); // exponent out of range
        const isInt = !t.text.includes('.') && !/[eE]/.test(t.text);
        return { kind: 'lit', type: isInt ? 'int' : 'decimal', value: t.text, pos: t.pos };
      }
      case 'guid':
        this.i++;
        return { kind: 'lit', type: 'guid', value: t.text.toLowerCase(), pos: t.pos };
      case 'date':
      case 'datetime':
        this.i++;
        return { kind: 'lit', type: t.kind, value: t.text, pos: t.pos };
      case 'ident':
        return this.parseIdent(t);
      default:
        return this.syntax(t);
    }
  }

  private parseIdent(t: Tok): Expr {
    const word = t.text;
    if (word === 'true' || word === 'false') {
      this.i++;
      return { kind: 'lit', type: 'bool', value: word === 'true', pos: t.pos };
    }
    if (word === 'null') {
      this.i++;
      return { kind: 'lit', type: 'null', value: null, pos: t.pos };
    }
    if (RESERVED.has(word)) this.syntax(t);
    if (this.toks[this.i + 1]?.kind === 'lp') return word.includes('.') ? this.parseCrmCall(t) : this.parseCall(t);
    return this.parsePath(t);
  }

  private parseCall(t: Tok): Expr {
    const spec = FUNCTIONS.get(t.text);
    if (!spec) throw odataError(this.flavour, 'unknownFunction', { name: t.text });
    this.i += 2; // name and '('
    this.enter();
    const args: Expr[] = [];
    if (this.tok.kind !== 'rp') {
      args.push(this.parseOr());
      while (this.tok.kind === 'comma') {
        this.i++;
        args.push(this.parseOr());
      }
    }
    this.leave();
    const close = this.expect('rp');
    if (args.length !== spec.arity) throw odataError(this.flavour, 'arity', { name: t.text, count: spec.arity, position: close.pos });
    for (const a of args) {
      const c = typeOf(a);
      if (c !== 'string' && c !== 'null') this.mismatch(a, 'string');
    }
    return { kind: 'call', fn: t.text as FnName, args, pos: t.pos };
  }

  /**
   * `Microsoft.Dynamics.CRM.<Name>(PropertyName='col'[,PropertyValue=v|,PropertyValues=[...]])`: Dataverse's query
   * functions (webapi/query/filter-rows.md "Dataverse query functions"; Web API Query Function Reference). Only
   * on Dataverse; any other qualified name is an unknown function.
   */
  private parseCrmCall(t: Tok): Expr {
    const name = t.text;
    const short = name.startsWith(`${CRM_NAMESPACE}.`) ? name.slice(CRM_NAMESPACE.length + 1) : undefined;
    const spec = this.flavour.name === 'dataverse' && short !== undefined ? crmFunctionSpec(short) : undefined;
    if (!spec) {
      const refused = this.flavour.name === 'dataverse' && short !== undefined ? unsupportedCrmFunction(short) : undefined;
      if (refused) throw odataError(this.flavour, refused, { name });
      throw odataError(this.flavour, 'unknownFunction', { name: name.slice(0, 100) });
    }
    this.i += 2; // name and '('
    const args = new Map<string, Tok>();
    if (this.tok.kind !== 'rp') {
      for (;;) {
        const key = this.expect('ident');
        this.expect('assign');
        const v = this.tok;
        if (!['str', 'num', 'date', 'datetime', 'guid', 'array'].includes(v.kind)) this.syntax(v);
        this.i++;
        if (args.has(key.text)) this.syntax(key);
        args.set(key.text, v);
        if (this.tok.kind !== 'comma') break;
        this.i++;
      }
    }
    this.expect('rp');
    const bad = (): never => { throw odataError(this.flavour, 'functionParameters', { name, params: spec.params.join(', ') }); };
    const expected = ['PropertyName', ...spec.params.filter((p) => p !== 'PropertyName')];
    if (args.size !== expected.length || ![...args.keys()].every((k) => expected.includes(k))) bad();
    const propTok = args.get('PropertyName')!;
    if (propTok.kind !== 'str') bad();
    const propName = propTok.value!;
    if (!/^[A-Za-z_][A-Za-z0-9_]{0,127}$/.test(propName)) throw odataError(this.flavour, 'syntax', { position: propTok.pos, token: propName.slice(0, 100) });
    const type = propertyType(this.schema, propName);
    if (!type) throw odataError(this.flavour, 'unknownProperty', { property: propName, type: this.schema.typeName });
    const prop: PropExpr = { kind: 'prop', path: [propName], type, pos: propTok.pos };
    if (!spec.types.includes(categoryOf(type))) this.mismatch(prop, spec.types.join(' or '));
    let values: string[] = [];
    const one = args.get('PropertyValue');
    const many = args.get('PropertyValues');
    if (one) {
      if (one.kind === 'array') bad();
      if (spec.intValue && one.kind !== 'num') throw odataError(this.flavour, 'functionValue', { name, value: one.text.slice(0, 100) });
      values = [one.kind === 'str' ? one.value! : one.text];
    } else if (many) {
      if (many.kind !== 'array') bad();
      values = [...many.items!];
    }
    const checked = spec.check(values, categoryOf(type));
    if (checked !== undefined) throw odataError(this.flavour, 'functionValue', { name, value: checked.slice(0, 100) });
    return { kind: 'crm', fn: short as CrmFunction, prop, values, pos: t.pos };
  }

  private parsePath(t: Tok): Expr {
    const path: string[] = [];
    let schema = this.schema;
    let tok = t;
    for (;;) {
      if (tok.text.includes('.')) this.syntax(tok); // qualified names (casts, functions) are not supported
      this.i++;
      path.push(tok.text);
      if (this.tok.kind !== 'slash') break;
      const target = navigationTarget(schema, tok.text);
      if (!target) throw odataError(this.flavour, 'unknownProperty', { property: tok.text, type: schema.typeName });
      schema = target;
      this.i++;
      tok = this.expect('ident');
      if (RESERVED.has(tok.text)) this.syntax(tok);
      this.i--;
    }
    const name = path[path.length - 1]!;
    const type = propertyType(schema, name);
    if (!type) throw odataError(this.flavour, 'unknownProperty', { property: name, type: schema.typeName });
    return { kind: 'prop', path, type, pos: t.pos };
  }
}

function expectedOf(e: Expr): string {
  if (e.kind === 'prop') return e.type;
  if (e.kind === 'lit') return e.type;
  return typeOf(e);
}

function describe(e: Expr): string {
  switch (e.kind) {
    case 'prop':
      return e.path.join('/');
    case 'lit':
      return e.value === null ? 'null' : String(e.value);
    case 'call':
    case 'crm':
      return e.fn;
    default:
      return e.kind;
  }
}

/** Parse and type-check a `$filter` expression against `schema`. Throws `SimError` 400. */
export function parseFilter(text: string, schema: ODataSchema, options: FilterOptions = {}): Expr {
  const flavour = options.flavour ?? DATAVERSE;
  const maxLength = options.maxLength ?? DEFAULT_MAX_LENGTH;
  // The length counts the values of the aliases the expression uses: an alias must not smuggle in a longer one.
  let length = text.length;
  if (options.aliases) for (const [name, value] of options.aliases) if (text.includes(name)) length += value.length;
  if (length > maxLength) throw odataError(flavour, 'tooLong', { max: maxLength });
  return new Parser(tokenize(text, flavour, options.aliases), schema, flavour, options.maxDepth ?? DEFAULT_MAX_DEPTH).parse();
}

// ---------------------------------------------------------------------------------------------------
// Evaluator

export type Rec = Readonly<Record<string, unknown>>;

export interface EvalOptions {
  /** String comparisons ignore case (default true: Dataverse and Finance collations). */
  readonly caseInsensitive?: boolean;
  /**
   * Follow a single-valued navigation property for a path `nav/prop`. By default the record's own
   * property `nav` is used when it holds an (expanded) object.
   */
  readonly navigate?: (record: Rec, nav: string) => Rec | null | undefined;
  /** The simulated clock (ISO 8601), for Dataverse's date query functions (`Today`, `LastXHours` …). */
  readonly now?: string;
}

/** Three-valued truth: true, false or unknown (null). */
type Truth = boolean | null;

/** Own property of a record, null when absent; never reads a prototype. */
export function own(record: Rec | null | undefined, name: string): unknown {
  if (record === null || record === undefined || typeof record !== 'object') return null;
  return Object.prototype.hasOwnProperty.call(record, name) ? (record[name] ?? null) : null;
}

function resolvePath(record: Rec, path: readonly string[], opts: EvalOptions): unknown {
  let cur: Rec | null | undefined = record;
  for (let k = 0; k < path.length - 1; k++) {
    const nav: string = path[k]!;
    const next: unknown = opts.navigate ? opts.navigate(cur, nav) : own(cur, nav);
    if (next === null || next === undefined || typeof next !== 'object') return null;
    cur = next as Rec;
  }
  return own(cur, path[path.length - 1]!);
}

function value(e: Expr, record: Rec, opts: EvalOptions): unknown {
  switch (e.kind) {
    case 'lit':
      return e.value;
    case 'prop':
      return resolvePath(record, e.path, opts);
    case 'call':
      return call(e, record, opts);
    default:
      return truth(e, record, opts);
  }
}

const text = (v: unknown): string | null => (typeof v === 'string' ? v : v === null || v === undefined ? null : String(v));

function call(e: Extract<Expr, { kind: 'call' }>, record: Rec, opts: EvalOptions): unknown {
  const ci = opts.caseInsensitive ?? true;
  const args = e.args.map((a) => text(value(a, record, opts)));
  if (args.some((a) => a === null)) return null;
  const [a, b] = args as [string, string | undefined];
  switch (e.fn) {
    case 'tolower':
      return a.toLowerCase();
    case 'toupper':
      return a.toUpperCase();
    default: {
      const x = ci ? a.toLowerCase() : a;
      const y = ci ? b!.toLowerCase() : b!;
      return e.fn === 'contains' ? x.includes(y) : e.fn === 'startswith' ? x.startsWith(y) : x.endsWith(y);
    }
  }
}

function truth(e: Expr, record: Rec, opts: EvalOptions): Truth {
  switch (e.kind) {
    case 'and': {
      let result: Truth = true;
      for (const item of e.items) {
        const t = truth(item, record, opts);
        if (t === false) return false;
        if (t === null) result = null;
      }
      return result;
    }
    case 'or': {
      let result: Truth = false;
      for (const item of e.items) {
        const t = truth(item, record, opts);
        if (t === true) return true;
        if (t === null) result = null;
      }
      return result;
    }
    case 'not': {
      const t = truth(e.operand, record, opts);
      return t === null ? null : !t;
    }
    case 'cmp':
      return compareNode(e, record, opts);
    case 'crm':
      return evalCrmFunction(e.fn, resolvePath(record, e.prop.path, opts), e.values, categoryOf(e.prop.type), opts.now, opts.caseInsensitive ?? true);
    default: {
      const v = value(e, record, opts);
      return typeof v === 'boolean' ? v : null;
    }
  }
}

function compareNode(e: Extract<Expr, { kind: 'cmp' }>, record: Rec, opts: EvalOptions): Truth {
  const a = value(e.left, record, opts);
  const b = value(e.right, record, opts);
  const nullLit = isNullLit(e.left) || isNullLit(e.right);
  if (nullLit && (e.op === 'eq' || e.op === 'ne')) {
    const same = (a === null) === (b === null);
    return e.op === 'eq' ? same : !same;
  }
  if (a === null || b === null) return null;
  const c = compareValues(e.as, a, b, opts.caseInsensitive ?? true);
  if (c === undefined) return null;
  switch (e.op) {
    case 'eq':
      return c === 0;
    case 'ne':
      return c !== 0;
    case 'gt':
      return c > 0;
    case 'ge':
      return c >= 0;
    case 'lt':
      return c < 0;
    case 'le':
      return c <= 0;
  }
}

const isNullLit = (e: Expr): boolean => e.kind === 'lit' && e.type === 'null';

const cmpStr = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);

function toMillis(v: unknown): number {
  if (typeof v === 'string') return Date.parse(v);
  if (v instanceof Date) return v.getTime();
  return Number.NaN;
}

/**
 * Compare two non-null values of a category: negative, zero, positive, or undefined when they cannot be
 * compared (e.g. a record holds a string where a number is expected). Exported for `$orderby`.
 */
export function compareValues(as: Category, a: unknown, b: unknown, caseInsensitive = true): number | undefined {
  switch (as) {
    case 'number': {
      const x = parseDec(a);
      const y = parseDec(b);
      return x && y ? compareDec(x, y) : undefined;
    }
    case 'bool':
      return typeof a === 'boolean' && typeof b === 'boolean' ? Number(a) - Number(b) : undefined;
    case 'datetime': {
      const x = toMillis(a);
      const y = toMillis(b);
      if (Number.isNaN(x) || Number.isNaN(y)) return undefined;
      return x < y ? -1 : x > y ? 1 : 0;
    }
    case 'guid':
      return cmpStr(String(a).toLowerCase(), String(b).toLowerCase());
    case 'option': {
      const x = parseDec(a);
      const y = parseDec(b);
      if (x && y) return compareDec(x, y);
      return compareStrings(String(a), String(b), caseInsensitive);
    }
    case 'string':
    case 'enum':
      return compareStrings(String(a), String(b), caseInsensitive);
    default:
      return undefined;
  }
}

const compareStrings = (a: string, b: string, ci: boolean): number => (ci ? cmpStr(a.toLowerCase(), b.toLowerCase()) : cmpStr(a, b));

/** Whether a record passes the filter (true; unknown and false do not). */
export function evaluateFilter(expr: Expr, record: Rec, options: EvalOptions = {}): boolean {
  return truth(expr, record, options) === true;
}

/** A predicate for `Array.prototype.filter`. */
export function compileFilter(expr: Expr, options: EvalOptions = {}): (record: Rec) => boolean {
  return (record) => truth(expr, record, options) === true;
}
