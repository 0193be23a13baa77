/**
 * The command line both catalogue generators share: where the pages are read from (`--git <git dir>` [`--ref`] or
 * `--dir <folder>` with `--commit`/`--commit-date`), the date read (`--read`) and the output file (`--out`).
 */
import { execFileSync } from 'node:child_process';
import { parseArgs } from 'node:util';

export interface SourceArgs {
  readonly git?: string;
  readonly dir?: string;
  readonly ref: string;
  readonly commit?: string;
  readonly commitDate?: string;
  readonly read: string;
  readonly out: string;
  /** The generator's own string options (e.g. `--path`, `--repository`). */
  readonly extra: Readonly<Record<string, string | undefined>>;
}

export function sourceArgs(argv: readonly string[], out: string, extra: readonly string[] = []): SourceArgs {
  const own = Object.fromEntries(extra.map((name) => [name, { type: 'string' as const }]));
  const { values: v } = parseArgs({
    args: [...argv], strict: true, allowPositionals: false,
    options: { git: { type: 'string' }, dir: { type: 'string' }, ref: { type: 'string' }, commit: { type: 'string' }, 'commit-date': { type: 'string' }, read: { type: 'string' }, out: { type: 'string' }, ...own },
  });
  const str = (name: string): string | undefined => { const x = (v as Record<string, unknown>)[name]; return typeof x === 'string' ? x : undefined; };
  if (!str('git') === !str('dir')) throw new Error('give exactly one of --git <git dir> or --dir <folder>');
  const maybe = <K extends string>(key: K, value: string | undefined): Partial<Record<K, string>> => (value === undefined ? {} : ({ [key]: value } as Record<K, string>));
  return {
    ...maybe('git', str('git')), ...maybe('dir', str('dir')), ...maybe('commit', str('commit')), ...maybe('commitDate', str('commit-date')),
    ref: str('ref') ?? 'HEAD', read: str('read') ?? new Date().toISOString().slice(0, 10), out: str('out') ?? out,
    extra: Object.fromEntries(extra.map((name) => [name, str(name)])),
  };
}

/** `git --git-dir <dir> …`, its output as text. */
export const git = (gitDir: string, ...rest: string[]): string => execFileSync('git', ['--git-dir', gitDir, ...rest], { encoding: 'utf8', maxBuffer: 64 << 20, stdio: ['ignore', 'pipe', 'ignore'] });
