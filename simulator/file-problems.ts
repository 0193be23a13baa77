import { translator, type Lang } from './i18n.js';

/**
 * A problem in a file the user gives the simulator (a fixture, a schema extension): where (file, JSON path) and why
 * (a key of `errors:<kind>.*` with its parameters).
 */
export interface FileProblem {
  readonly file: string;
  readonly path: string;
  readonly key: string;
  readonly params: Readonly<Record<string, string | number>>;
}

export type FileKind = 'fixture' | 'extension';

/** The problems as lines of text: a heading (`errors:<kind>.refused`), then one line per problem. */
export function describeProblems(kind: FileKind, file: string, problems: readonly FileProblem[], lang: Lang = 'en'): string {
  const t = translator(lang);
  // Keys written out per kind, so that the terminology check sees which families are used.
  const reason = (p: FileProblem): string => (kind === 'fixture' ? t(`errors:fixture.${p.key}`, p.params) : t(`errors:extension.${p.key}`, p.params));
  const lines = problems.map((p) => `  ${t('errors:fixture.at', { file: p.file, path: p.path })} ${reason(p)}`);
  const heading = kind === 'fixture' ? t('errors:fixture.refused', { file, count: problems.length }) : t('errors:extension.refused', { file, count: problems.length });
  return [heading, ...lines].join('\n');
}

/** Collects problems at JSON paths. */
export class ProblemList {
  readonly problems: FileProblem[] = [];
  constructor(readonly file: string) {}
  at(path: string, key: string, params: Record<string, string | number> = {}): void {
    this.problems.push({ file: this.file, path, key, params });
  }
}
