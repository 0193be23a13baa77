import { fileURLToPath } from 'node:url';
import { Writable } from 'node:stream';
import { loadConfiguration, runCucumber } from '@cucumber/cucumber/api';
import type { Envelope } from '@cucumber/messages';

/**
 * Child process of the demo's scenario player (forked by player.ts, so that a run can neither crash the server
 * nor leave step definitions in its module cache). Runs ONE pickle of the real feature files through the real
 * step definitions with cucumber's programmatic API, against the live simulator (world parameter
 * `simulatorUrl`), and reports each step to the parent over IPC.
 *
 * Parent → child: {type:'start', ...RunSpec}, {type:'next'}, {type:'mode', mode}, {type:'delay', ms}.
 * Child → parent: {type:'step', index, status, message?, pattern?}, {type:'hook', status, message?},
 *                 {type:'done', success}, {type:'error', message}.
 */
export interface RunSpec {
  readonly cwd: string;
  readonly file: string;
  readonly line: number;
  readonly simulatorUrl: string;
  readonly delayMs: number;
  readonly mode: 'run' | 'step';
}

type FromParent = ({ type: 'start' } & RunSpec) | { type: 'next' } | { type: 'mode'; mode: 'run' | 'step' } | { type: 'delay'; ms: number };

const send = (msg: Record<string, unknown>): void => {
  if (process.send) process.send(msg);
};

let mode: 'run' | 'step' = 'run';
let delayMs = 0;
let steps = 0;
/** A "next step" asked for in step mode and not yet used. */
let pendingNext = false;
let wake: (() => void) | undefined;

function sleep(ms?: number): Promise<void> {
  return new Promise<void>((resolve) => {
    const timer = ms === undefined ? undefined : setTimeout(() => resolve(), ms);
    wake = () => { if (timer) clearTimeout(timer); resolve(); };
  }).then(() => { wake = undefined; });
}

/** Waits before each step: in step mode for "next", else for the delay (the first step starts at once). */
async function pace(): Promise<void> {
  const first = steps++ === 0;
  const started = Date.now();
  for (;;) {
    if (mode === 'step') {
      if (pendingNext) { pendingNext = false; return; }
      await sleep();
      continue;
    }
    const left = first ? 0 : delayMs - (Date.now() - started);
    if (left <= 0) return;
    await sleep(left);
  }
}

process.on('message', (raw: unknown) => {
  const msg = raw as FromParent;
  if (msg.type === 'start') void run(msg);
  else if (msg.type === 'next') { if (mode === 'step') pendingNext = true; wake?.(); }
  else if (msg.type === 'mode') { mode = msg.mode; wake?.(); }
  else if (msg.type === 'delay') { delayMs = Math.max(0, Math.min(10_000, msg.ms)); wake?.(); }
});
// The server went away: so does its run.
process.on('disconnect', () => process.exit(0));

async function run(spec: RunSpec): Promise<void> {
  mode = spec.mode;
  delayMs = spec.delayMs;
  // Starting in step mode runs the first step: the presenter's click was the first "next".
  pendingNext = mode === 'step';
  (globalThis as { __poDemoPacer?: () => Promise<void> }).__poDemoPacer = pace;
  try {
    const environment = { cwd: spec.cwd, stdout: sink(), stderr: sink() };
    const { runConfiguration } = await loadConfiguration({ provided: { worldParameters: { simulatorUrl: spec.simulatorUrl, stepDelayMs: 0 } } }, environment);
    // Exactly the chosen pickle, no tag filter, no report files (the specs' reports stay theirs).
    runConfiguration.sources.paths = [`${spec.file}:${spec.line}`];
    runConfiguration.sources.names = [];
    runConfiguration.sources.tagExpression = '';
    runConfiguration.formats = { stdout: 'summary', files: {}, publish: false, options: {} };
    runConfiguration.runtime = { ...runConfiguration.runtime, parallel: 0, retry: 0, dryRun: false, failFast: false };
    runConfiguration.support = {
      ...runConfiguration.support,
      importPaths: [...(runConfiguration.support.importPaths ?? []), fileURLToPath(new URL('./play-pacing.ts', import.meta.url))],
    };
    const result = await runCucumber(runConfiguration, environment, relay());
    send({ type: 'done', success: result.success });
  } catch (e) {
    send({ type: 'error', message: e instanceof Error ? e.message : String(e) });
  }
  process.exitCode = 0;
  setTimeout(() => process.exit(0), 50);
}

function sink(): Writable {
  return new Writable({ write: (_chunk, _enc, cb) => cb() });
}

/** Turns cucumber's message stream into step reports indexed like the pickle's steps. */
function relay(): (e: Envelope) => void {
  const patterns = new Map<string, string>();
  const pickleSteps = new Map<string, number>();
  const testSteps = new Map<string, { index?: number; pattern?: string }>();
  return (e) => {
    if (e.stepDefinition) patterns.set(e.stepDefinition.id, e.stepDefinition.pattern.source);
    if (e.pickle) e.pickle.steps.forEach((s, i) => pickleSteps.set(s.id, i));
    if (e.testCase) {
      for (const ts of e.testCase.testSteps) {
        const index = ts.pickleStepId ? pickleSteps.get(ts.pickleStepId) : undefined;
        const pattern = ts.stepDefinitionIds?.length === 1 ? patterns.get(ts.stepDefinitionIds[0] ?? '') : undefined;
        testSteps.set(ts.id, { index, pattern });
      }
    }
    if (e.testStepStarted) {
      const ts = testSteps.get(e.testStepStarted.testStepId);
      if (ts?.index !== undefined) send({ type: 'step', index: ts.index, status: 'running', pattern: ts.pattern });
    }
    if (e.testStepFinished) {
      const ts = testSteps.get(e.testStepFinished.testStepId);
      const r = e.testStepFinished.testStepResult;
      const status = String(r.status).toLowerCase();
      const message = r.message ? r.message.slice(0, 2000) : undefined;
      if (ts?.index !== undefined) send({ type: 'step', index: ts.index, status, message, pattern: ts.pattern });
      else if (status !== 'passed' && status !== 'skipped') send({ type: 'hook', status, message });
    }
  };
}
