/**
 * The last run of one language as `npm run docs` needs it: per scenario (pickle) its steps, their results and
 * the evidence attached to them (steps/support/evidence.ts), read from cucumber's message output
 * reports/cucumber-<lng>.ndjson.
 */
import { existsSync, readFileSync } from 'node:fs';
import type { Lang } from '../../steps/support/labels.js';
import type { StepEvidence } from '../../steps/support/evidence.js';
import { type Outcome, reportFile } from '../lib/reports.js';

export interface StepRun {
  readonly status: Outcome;
  readonly message?: string;
  readonly evidence: readonly StepEvidence[];
}

export interface ScenarioRun {
  readonly pickleId: string;
  readonly uri: string;
  readonly name: string;
  /** Step texts, one per line (tells Examples rows apart). */
  readonly text: string;
  readonly outcome: Outcome;
  /** By pickle step index. */
  readonly steps: readonly StepRun[];
}

export interface LangRun {
  readonly exists: boolean;
  readonly finishedAt?: string;
  readonly scenarios: readonly ScenarioRun[];
}

const rank: Record<string, number> = { PASSED: 0, SKIPPED: 1, PENDING: 2, UNDEFINED: 3, AMBIGUOUS: 4, UNKNOWN: 5, FAILED: 6 };

interface PickleMsg { id: string; uri: string; name: string; steps: { id: string; text: string }[] }
interface TestCaseMsg { id: string; pickleId: string; testSteps: { id: string; pickleStepId?: string }[] }

const isEvidence = (v: unknown): v is StepEvidence => !!v && typeof v === 'object' && (v as { kind?: unknown }).kind === 'po-invoice-sim/evidence';

export function readRun(lang: Lang, file = reportFile(lang)): LangRun {
  if (!existsSync(file)) return { exists: false, scenarios: [] };
  const pickles = new Map<string, PickleMsg>();
  const cases = new Map<string, TestCaseMsg>();
  const startedCase = new Map<string, string>();
  const results = new Map<string, { status: string; message?: string }>(); // started|testStep → result
  const evidence = new Map<string, StepEvidence[]>(); // started|testStep → attachments
  const finished: string[] = [];
  let finishedAt: string | undefined;
  for (const [n, line] of readFileSync(file, 'utf8').split('\n').entries()) {
    if (!line.trim()) continue;
    let env: Record<string, Record<string, unknown> | undefined>;
    try {
      env = JSON.parse(line) as typeof env;
    } catch (e) {
      throw new Error(`${file}:${n + 1} is not a cucumber message (two runs writing the same report?): ${e instanceof Error ? e.message : String(e)}`);
    }
    if (env.pickle) pickles.set(String(env.pickle.id), env.pickle as unknown as PickleMsg);
    else if (env.testCase) cases.set(String(env.testCase.id), env.testCase as unknown as TestCaseMsg);
    else if (env.testCaseStarted) startedCase.set(String(env.testCaseStarted.id), String(env.testCaseStarted.testCaseId));
    else if (env.testStepFinished) {
      const r = env.testStepFinished.testStepResult as { status?: string; message?: string } | undefined;
      results.set(`${String(env.testStepFinished.testCaseStartedId)}|${String(env.testStepFinished.testStepId)}`, { status: r?.status ?? 'UNKNOWN', message: r?.message });
    } else if (env.attachment && env.attachment.mediaType === 'application/json' && env.attachment.testStepId) {
      let body: unknown;
      try { body = JSON.parse(String(env.attachment.body)); } catch { continue; }
      if (!isEvidence(body)) continue;
      const k = `${String(env.attachment.testCaseStartedId)}|${String(env.attachment.testStepId)}`;
      evidence.set(k, [...(evidence.get(k) ?? []), body]);
    } else if (env.testCaseFinished && !env.testCaseFinished.willBeRetried) finished.push(String(env.testCaseFinished.testCaseStartedId));
    else if (env.testRunFinished) {
      const ts = env.testRunFinished.timestamp as { seconds?: number } | undefined;
      if (ts?.seconds) finishedAt = new Date(ts.seconds * 1000).toISOString();
    }
  }
  const byPickle = new Map<string, ScenarioRun>();
  for (const started of finished) {
    const tc = cases.get(startedCase.get(started) ?? '');
    const p = tc && pickles.get(tc.pickleId);
    if (!tc || !p) continue;
    let worst = 'PASSED';
    for (const ts of tc.testSteps) {
      const s = results.get(`${started}|${ts.id}`)?.status ?? 'UNKNOWN';
      if ((rank[s] ?? 5) > (rank[worst] ?? 5)) worst = s;
    }
    const steps = p.steps.map((ps): StepRun => {
      const ts = tc.testSteps.find((x) => x.pickleStepId === ps.id);
      const r = ts ? results.get(`${started}|${ts.id}`) : undefined;
      return { status: (r?.status ?? 'UNKNOWN').toLowerCase() as Outcome, message: r?.message, evidence: ts ? evidence.get(`${started}|${ts.id}`) ?? [] : [] };
    });
    byPickle.set(p.id, { pickleId: p.id, uri: p.uri, name: p.name, text: p.steps.map((s) => s.text).join('\n'), outcome: worst.toLowerCase() as Outcome, steps });
  }
  return { exists: true, finishedAt, scenarios: [...byPickle.values()] };
}
