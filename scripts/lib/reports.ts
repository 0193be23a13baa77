import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Lang } from '../../steps/support/labels.js';
import { root } from './features.js';

/** What a cucumber message report (reports/cucumber-<lng>.ndjson) says about each scenario (pickle). */
export type Outcome = 'passed' | 'failed' | 'skipped' | 'undefined' | 'ambiguous' | 'pending' | 'unknown' | 'not run';

export interface ScenarioResult {
  readonly pickleId: string;
  readonly name: string;
  readonly uri: string;
  readonly tags: readonly string[];
  /** The scenario's step texts, one per line (tells Examples rows apart). */
  readonly text: string;
  readonly outcome: Outcome;
}

export interface Report {
  readonly lang: Lang;
  readonly file: string;
  readonly exists: boolean;
  readonly scenarios: readonly ScenarioResult[];
  readonly finishedAt?: string;
}

const rank: Record<string, number> = { PASSED: 0, SKIPPED: 1, PENDING: 2, UNDEFINED: 3, AMBIGUOUS: 4, UNKNOWN: 5, FAILED: 6 };

export const reportFile = (lang: Lang): string => join(root, 'reports', `cucumber-${lang}.ndjson`);

export function readReport(lang: Lang): Report {
  const file = reportFile(lang);
  if (!existsSync(file)) return { lang, file, exists: false, scenarios: [] };
  const pickles = new Map<string, { name: string; uri: string; tags: string[]; text: string }>();
  const caseToPickle = new Map<string, string>();
  const startedToCase = new Map<string, string>();
  const worst = new Map<string, string>();
  const retried = new Set<string>();
  const finished = new Set<string>();
  let finishedAt: string | undefined;
  for (const line of readFileSync(file, 'utf8').split('\n')) {
    if (!line.trim()) continue;
    const env = JSON.parse(line) as Record<string, Record<string, unknown> | undefined>;
    if (env.pickle) {
      const p = env.pickle as { id: string; name: string; uri: string; tags: { name: string }[]; steps: { text: string }[] };
      pickles.set(p.id, { name: p.name, uri: p.uri, tags: p.tags.map((t) => t.name), text: p.steps.map((s) => s.text).join('\n') });
    } else if (env.testCase) {
      caseToPickle.set(String(env.testCase.id), String(env.testCase.pickleId));
    } else if (env.testCaseStarted) {
      startedToCase.set(String(env.testCaseStarted.id), String(env.testCaseStarted.testCaseId));
    } else if (env.testStepFinished) {
      const started = String(env.testStepFinished.testCaseStartedId);
      const status = String((env.testStepFinished.testStepResult as { status?: string } | undefined)?.status ?? 'UNKNOWN');
      const prev = worst.get(started);
      if (!prev || (rank[status] ?? 5) > (rank[prev] ?? 5)) worst.set(started, status);
    } else if (env.testCaseFinished) {
      const started = String(env.testCaseFinished.testCaseStartedId);
      if (env.testCaseFinished.willBeRetried) retried.add(started);
      else finished.add(started);
    } else if (env.testRunFinished) {
      const ts = env.testRunFinished.timestamp as { seconds?: number } | undefined;
      if (ts?.seconds) finishedAt = new Date(ts.seconds * 1000).toISOString();
    }
  }
  const byPickle = new Map<string, Outcome>();
  for (const started of finished) {
    const pickleId = caseToPickle.get(startedToCase.get(started) ?? '');
    if (!pickleId) continue;
    byPickle.set(pickleId, (worst.get(started) ?? 'PASSED').toLowerCase() as Outcome);
  }
  const scenarios = [...pickles].map(([pickleId, p]) => ({ pickleId, ...p, outcome: byPickle.get(pickleId) ?? 'not run' }));
  return { lang, file, exists: true, scenarios, finishedAt };
}

/** Scenario counts of a report: passed, and everything else as failed. */
export function countScenarios(report: Report): { passed: number; failed: number } {
  const ran = report.scenarios.filter((s) => s.outcome !== 'not run');
  const passed = ran.filter((s) => s.outcome === 'passed').length;
  return { passed, failed: ran.length - passed };
}
