import type { Request } from 'express';
import { SimError } from '../errors.js';
import type { Lang } from '../i18n.js';
import { type PageSource, type RuleDef, pageUrl, repoOf, ruleById, ruleLink, rules } from '../rules/index.js';
import { ruleText } from '../rules/text.js';
import { langOf } from './errors.js';

type Handler = (req: Request) => unknown;

const page = (s: PageSource) => ({ repo: repoOf(s), page: s.page, section: s.section, url: pageUrl(s) });

/** A rule as `GET /sim/rules` shows it, in the caller's language. */
function view(r: RuleDef, lang: Lang, base: string) {
  const text = ruleText(lang, r.id);
  return {
    id: r.id, kind: r.kind, statement: text?.statement ?? '',
    source: r.source === 'convention' ? { convention: text?.convention ?? '' } : page(r.source),
    ...(r.also?.length ? { also: r.also.map(page) } : {}),
    link: ruleLink(base, r.id),
  };
}

/** `GET /sim/rules` (every rule) and `GET /sim/rules/<id>` (one), in the language of Accept-Language. */
export function ruleRoutes(route: (method: 'get', path: string, fn: Handler) => void): void {
  const base = (req: Request): string => `${req.protocol}://${req.get('host') ?? 'localhost'}`;
  route('get', '/rules', (req) => ({ value: rules.map((r) => view(r, langOf(req), base(req))) }));
  route('get', '/rules/:id', (req) => {
    const id = String(req.params.id);
    const r = ruleById.get(id);
    if (!r) throw new SimError(404, 'UnknownRule', 'sim.unknownRule', { rule: id.slice(0, 80) });
    return view(r, langOf(req), base(req));
  });
}
