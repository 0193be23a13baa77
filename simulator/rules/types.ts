/**
 * What a rule of the registry is (DESIGN.md "Fidelity (turn 2)", item 3). The statement and, for a convention,
 * the reason, are text: they live in locales/<lng>/rules.json under the rule's id (`statement`, `convention`).
 */

/** `refusal`: the domain refuses an input; `derived`: it creates records; `state`: it changes a status or value;
 * `context`: a statement of a page with nothing to verify. */
export type RuleKind = 'refusal' | 'derived' | 'state' | 'context';

/** A Microsoft page: its path in the repository (`articles/…` for MicrosoftDocs repos) and the section heading. */
export interface PageSource {
  /** Default MicrosoftDocs/dynamics-365-project-operations. */
  readonly repo?: string;
  /** Path inside the repository, e.g. `articles/actuals/ActualsonTM.md`. */
  readonly page: string;
  /** The heading of the section that states the rule (the page title when the page has no sections). */
  readonly section: string;
}

/** `convention`: the pages are silent (or we knowingly differ); locales/<lng>/rules.json `convention` says why and what we chose. */
export type RuleSource = PageSource | 'convention';

export interface RuleDef {
  readonly id: string;
  readonly kind: RuleKind;
  readonly source: RuleSource;
  /** Further pages stating the same rule, e.g. an older page the newer one replaces (both recorded, the newer one followed). */
  readonly also?: readonly PageSource[];
}

export const PO_REPO = 'MicrosoftDocs/dynamics-365-project-operations';
export const UO_REPO = 'MicrosoftDocs/dynamics-365-unified-operations-public';

/** A page of Project Operations (`articles/<path>`). */
export const po = (path: string, section: string): PageSource => ({ page: `articles/${path}`, section });
/** A page of the finance and operations platform docs (dual-write lives under `articles/fin-ops-core/dev-itpro/data-entities/dual-write/`). */
export const uo = (path: string, section: string): PageSource => ({ repo: UO_REPO, page: `articles/${path}`, section });
export const DUAL_WRITE = 'fin-ops-core/dev-itpro/data-entities/dual-write';
