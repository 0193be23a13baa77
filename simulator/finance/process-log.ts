/**
 * One entry of the log a Finance periodic process or posting writes (the "job log" / Infolog of F&O).
 * `key` is an i18n key of the `errors` namespace (subtrees `finance.*` and `import.*`); the text is
 * translated by whoever shows the log, never written in code. Entries are plain JSON (stored with the run).
 */
export type LogLevel = 'info' | 'warning' | 'error';

export interface ProcessLog {
  readonly level: LogLevel;
  readonly key: string;
  readonly params: Record<string, string | number>;
}

export const info = (key: string, params: Record<string, string | number> = {}): ProcessLog => ({ level: 'info', key, params });
export const warning = (key: string, params: Record<string, string | number> = {}): ProcessLog => ({ level: 'warning', key, params });
export const error = (key: string, params: Record<string, string | number> = {}): ProcessLog => ({ level: 'error', key, params });
