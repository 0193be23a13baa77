/**
 * A small, safe XML reader for FetchXML: elements, attributes, text, comments and CDATA; nothing else.
 *
 * It never expands anything: a DOCTYPE, an entity declaration, a processing instruction (other than the XML
 * declaration at the very start) or a reference to any entity beyond the five predefined ones is refused,
 * as is input longer than MAX_XML_CHARS, nesting deeper than MAX_DEPTH or more than MAX_NODES elements.
 * Every refusal is a SimError 400 `0x80040201` (InvalidXml, Learn: reference/web-service-error-codes
 * "InvalidXml"), the code Dataverse gives for FetchXML that is not well-formed XML.
 */
import { SimError } from '../../errors.js';

export interface XmlElement {
  readonly name: string;
  /** Attributes in document order (names unique). */
  readonly attrs: ReadonlyMap<string, string>;
  readonly children: readonly XmlElement[];
  /** Concatenated character data directly inside the element (text and CDATA), entity references resolved. */
  readonly text: string;
}

/**
 * Convention: the longest FetchXML accepted. Dataverse limits the URL of a GET to 32 KB and of a GET inside
 * `$batch` to 64 KB (Learn: fetchxml/retrieve-data.md "Use FetchXML within a batch request"); we take the larger.
 */
export const MAX_XML_CHARS = 65_536;
/** Convention: fetch > entity > link-entity > filter > … > condition > value stays far below this. */
export const MAX_DEPTH = 16;
export const MAX_NODES = 5_000;
const MAX_ATTRS = 64;

const PREDEFINED: Readonly<Record<string, string>> = { lt: '<', gt: '>', amp: '&', quot: '"', apos: "'" };
const NAME = /[A-Za-z_][A-Za-z0-9_.:-]*/y;

export const invalidXml = (detail: string): SimError => new SimError(400, '0x80040201', 'fetchxml.invalidXml', { detail });

export function parseXml(input: string): XmlElement {
  if (input.length > MAX_XML_CHARS) throw invalidXml(`longer than ${MAX_XML_CHARS} characters`);
  return new Reader(input).document();
}

interface Building { name: string; attrs: Map<string, string>; children: XmlElement[]; text: string }

class Reader {
  #pos = 0;
  #nodes = 0;
  constructor(private readonly s: string) {}

  document(): XmlElement {
    if (this.s.charCodeAt(0) === 0xfeff) this.#pos = 1;
    if (this.s.startsWith('<?xml', this.#pos) && /[\s?]/.test(this.s[this.#pos + 5] ?? '')) this.declaration();
    this.misc();
    if (this.s[this.#pos] !== '<') throw invalidXml(this.#pos >= this.s.length ? 'no root element' : `text before the root element at ${this.#pos}`);
    const root = this.element(1);
    this.misc();
    if (this.#pos < this.s.length) throw invalidXml(`content after the root element at ${this.#pos}`);
    return root;
  }

  /** `<?xml version="1.0" …?>`: only its own attributes, then skipped. */
  private declaration(): void {
    const end = this.s.indexOf('?>', this.#pos);
    if (end < 0) throw invalidXml('unterminated XML declaration');
    const body = this.s.slice(this.#pos + 5, end);
    if (!/^(\s+(version|encoding|standalone)\s*=\s*("[^"<&]*"|'[^'<&]*'))*\s*$/.test(body)) throw invalidXml('malformed XML declaration');
    this.#pos = end + 2;
  }

  /** Whitespace and comments outside the root; anything markup-like there is refused by name. */
  private misc(): void {
    for (;;) {
      this.skipSpace();
      if (this.s.startsWith('<!--', this.#pos)) this.comment();
      else if (this.s.startsWith('<!', this.#pos)) throw this.declarationRefused();
      else if (this.s.startsWith('<?', this.#pos)) throw invalidXml('processing instructions are not allowed');
      else return;
    }
  }

  private declarationRefused(): SimError {
    const word = /^<!([A-Za-z]+)/.exec(this.s.slice(this.#pos, this.#pos + 20))?.[1] ?? '';
    return invalidXml(word === 'DOCTYPE' ? 'a DOCTYPE is not allowed' : word === 'ENTITY' ? 'entity declarations are not allowed' : `markup declaration <!${word} is not allowed`);
  }

  private skipSpace(): void {
    while (this.#pos < this.s.length && /[ \t\r\n]/.test(this.s[this.#pos] as string)) this.#pos++;
  }

  private comment(): void {
    const end = this.s.indexOf('-->', this.#pos + 4);
    if (end < 0) throw invalidXml('unterminated comment');
    if (this.s.slice(this.#pos + 4, end).includes('--')) throw invalidXml("'--' inside a comment");
    this.#pos = end + 3;
  }

  private name(): string {
    NAME.lastIndex = this.#pos;
    const m = NAME.exec(this.s);
    if (!m) throw invalidXml(`a name was expected at ${this.#pos}`);
    this.#pos += m[0].length;
    return m[0];
  }

  private element(depth: number): XmlElement {
    if (depth > MAX_DEPTH) throw invalidXml(`elements nested deeper than ${MAX_DEPTH} levels`);
    if (++this.#nodes > MAX_NODES) throw invalidXml(`more than ${MAX_NODES} elements`);
    this.#pos++; // '<'
    const el: Building = { name: this.name(), attrs: new Map(), children: [], text: '' };
    for (;;) {
      const before = this.#pos;
      this.skipSpace();
      const c = this.s[this.#pos];
      if (c === '/') {
        if (this.s[this.#pos + 1] !== '>') throw invalidXml(`'>' expected at ${this.#pos + 1}`);
        this.#pos += 2;
        return el;
      }
      if (c === '>') {
        this.#pos++;
        break;
      }
      if (c === undefined) throw invalidXml(`unterminated start tag <${el.name}>`);
      if (before === this.#pos) throw invalidXml(`whitespace expected at ${this.#pos}`);
      const attr = this.name();
      this.skipSpace();
      if (this.s[this.#pos] !== '=') throw invalidXml(`'=' expected after attribute ${attr}`);
      this.#pos++;
      this.skipSpace();
      const q = this.s[this.#pos];
      if (q !== '"' && q !== "'") throw invalidXml(`quoted value expected for attribute ${attr}`);
      const end = this.s.indexOf(q, this.#pos + 1);
      if (end < 0) throw invalidXml(`unterminated value of attribute ${attr}`);
      const raw = this.s.slice(this.#pos + 1, end);
      if (raw.includes('<')) throw invalidXml(`'<' in the value of attribute ${attr}`);
      if (el.attrs.has(attr)) throw invalidXml(`attribute ${attr} given twice`);
      if (el.attrs.size >= MAX_ATTRS) throw invalidXml(`more than ${MAX_ATTRS} attributes`);
      // Attribute value normalization (XML 1.0 §3.3.3): literal whitespace characters become spaces.
      el.attrs.set(attr, unescape(raw.replace(/[\t\r\n]/g, ' ')));
      this.#pos = end + 1;
    }
    // Content up to the matching end tag.
    for (;;) {
      const lt = this.s.indexOf('<', this.#pos);
      if (lt < 0) throw invalidXml(`element <${el.name}> is not closed`);
      if (lt > this.#pos) el.text += unescape(this.s.slice(this.#pos, lt));
      this.#pos = lt;
      if (this.s.startsWith('</', lt)) {
        this.#pos += 2;
        const closing = this.name();
        this.skipSpace();
        if (closing !== el.name) throw invalidXml(`</${closing}> closes <${el.name}>`);
        if (this.s[this.#pos] !== '>') throw invalidXml(`'>' expected at ${this.#pos}`);
        this.#pos++;
        return el;
      }
      if (this.s.startsWith('<!--', lt)) this.comment();
      else if (this.s.startsWith('<![CDATA[', lt)) {
        const end = this.s.indexOf(']]>', lt + 9);
        if (end < 0) throw invalidXml('unterminated CDATA section');
        el.text += this.s.slice(lt + 9, end);
        this.#pos = end + 3;
      } else if (this.s.startsWith('<!', lt)) throw this.declarationRefused();
      else if (this.s.startsWith('<?', lt)) throw invalidXml('processing instructions are not allowed');
      else el.children.push(this.element(depth + 1));
    }
  }
}

/** Resolves the five predefined entities and character references; refuses every other reference (never expands). */
function unescape(text: string): string {
  if (text.includes(']]>')) throw invalidXml("']]>' in character data");
  if (!text.includes('&')) return text;
  return text.replace(/&([^;&\s]{0,12});?/g, (whole, ref: string) => {
    if (!whole.endsWith(';')) throw invalidXml(`'&' not followed by a reference`);
    if (Object.hasOwn(PREDEFINED, ref)) return PREDEFINED[ref] as string;
    const m = /^#(?:x([0-9A-Fa-f]{1,6})|([0-9]{1,7}))$/.exec(ref);
    if (!m) throw invalidXml(`reference to an undeclared entity &${ref.slice(0, 12)}; (only &lt; &gt; &amp; &quot; &apos; are allowed)`);
    const cp = m[1] !== undefined ? parseInt(m[1], 16) : Number(m[2]);
    const allowed = cp === 0x9 || cp === 0xa || cp === 0xd || (cp >= 0x20 && cp <= 0xd7ff) || (cp >= 0xe000 && cp <= 0xfffd) || (cp >= 0x10000 && cp <= 0x10ffff);
    if (!allowed) throw invalidXml(`character reference &${ref}; is not a legal XML character`);
    return String.fromCodePoint(cp);
  });
}
