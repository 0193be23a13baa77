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
  const lines = problems.map((p) => `  ${t('errors:fixture.at', { file: p.file, path: p.path })} ${t(`errors:${kind}.${p.key}`, p.params)}`);
  return [t(`errors:${kind}.refused`, { file, count: problems.length }), ...lines].join('\n');
}

/** Collects problems at JSON paths. */
export class ProblemList {
  readonly problems: FileProblem[] = [];
  constructor(readonly file: string) {}
  at(path: string, key: string, params: Record<string, string | number> = {}): void {
    this.problems.push({ file: this.file, path, key, params });
  }
}
