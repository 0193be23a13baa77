import { fork, type ChildProcess } from 'node:child_process';
import { EventEmitter } from 'node:events';
import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { projectRoot } from '../paths.js';
import type { Lang } from '../i18n.js';
import { PlayerUnavailableError, type Scenario } from './scenarios.js';
import { areasOf } from './areas.js';

/**
 * The scenario player: one run at a time, in a child process (play-runner.ts) that runs the chosen pickle of the
 * real feature files through the real step definitions against this live simulator. Reports every step as an
 * event for the page (`/demo/play/events`).
 */
export type StepStatus = 'pending' | 'running' | 'passed' | 'failed' | 'skipped' | 'undefined' | 'ambiguous' | 'pending_impl' | 'unknown';
export type RunStatus = 'running' | 'passed' | 'failed' | 'stopped' | 'error';

export interface StepState {
  status: StepStatus;
  message?: string;
  stepId?: string;
  areas?: readonly string[];
}

export interface RunState {
  readonly runId: number;
  readonly id: string;
  readonly lang: Lang;
  readonly name: string;
  readonly steps: StepState[];
  status: RunStatus;
  mode: 'run' | 'step';
  delayMs: number;
  message?: string;
}

export interface PlayEvent {
  readonly type: 'run' | 'step' | 'done';
  readonly data: unknown;
}

const root = projectRoot;
// The runner loads the step library (TypeScript) through ts-node, also when the simulator runs compiled (dist/).
const runner = join(root, 'simulator', 'demo', 'play-runner.ts');
const registerHook = join(root, 'register.mjs');

export const clampDelay = (ms: unknown): number => (typeof ms === 'number' && Number.isFinite(ms) ? Math.max(0, Math.min(10_000, Math.round(ms))) : 800);

export class Player {
  readonly events = new EventEmitter();
  private child: ChildProcess | undefined;
  private current: RunState | undefined;
  private runs = 0;

  constructor(private readonly cwd: string = root) {
    this.events.setMaxListeners(0);
  }

  get state(): RunState | undefined {
    return this.current;
  }

  /** A run is going on (a finished run's child may still be exiting: it does not count). */
  get busy(): boolean {
    return this.child !== undefined && this.current?.status === 'running';
  }

  start(scenario: Scenario, lang: Lang, opts: { simulatorUrl: string; delayMs: number; mode: 'run' | 'step' }): RunState {
    if (this.busy) throw new Error('busy');
    // The runner is TypeScript run through ts-node with cucumber: both development dependencies, absent from an
    // installed package.
    if (!existsSync(runner) || !existsSync(registerHook) || !resolvable('@cucumber/cucumber', this.cwd) || !resolvable('ts-node', this.cwd)) throw new PlayerUnavailableError();
    this.child?.kill('SIGTERM');
    const run: RunState = {
      runId: ++this.runs, id: scenario.id, lang, name: scenario.name,
      steps: scenario.steps.map(() => ({ status: 'pending' as StepStatus })), status: 'running', mode: opts.mode, delayMs: opts.delayMs,
    };
    this.current = run;
    const phrases = stepIdsByPhrase(this.cwd, lang);
    const child = fork(runner, [], {
      cwd: this.cwd, execArgv: ['--import', registerHook], stdio: ['ignore', 'ignore', 'pipe', 'ipc'], serialization: 'json',
      env: { ...process.env, FORCE_COLOR: '0' },
    });
    this.child = child;
    let stderr = '';
    child.stderr?.on('data', (b: Buffer) => { stderr = (stderr + b.toString()).slice(-4000); });
    const emit = (type: PlayEvent['type'], data: unknown): void => { this.events.emit('event', { type, data } satisfies PlayEvent); };
    const finish = (status: RunStatus, message?: string): void => this.finish(run, status, message);
    child.on('message', (raw: unknown) => {
      const msg = raw as { type: string; index?: number; status?: string; message?: string; pattern?: string; success?: boolean };
      if (msg.type === 'step' && typeof msg.index === 'number' && run.steps[msg.index]) {
        const step = run.steps[msg.index] as StepState;
        step.status = normalize(msg.status);
        if (msg.message) step.message = msg.message;
        const stepId = msg.pattern ? phrases.get(shape(msg.pattern)) : undefined;
        if (stepId) step.stepId = stepId;
        step.areas = areasOf(stepId, scenario.steps[msg.index]?.text ?? msg.pattern ?? '', lang);
        emit('step', { runId: run.runId, index: msg.index, ...step });
      } else if (msg.type === 'hook' && msg.status === 'failed') {
        run.message = msg.message;
        emit('step', { runId: run.runId, index: -1, status: 'failed', message: msg.message });
      } else if (msg.type === 'done') {
        const failedStep = run.steps.some((s) => s.status === 'failed' || s.status === 'undefined' || s.status === 'ambiguous');
        finish(msg.success && !failedStep ? 'passed' : 'failed');
      } else if (msg.type === 'error') {
        finish('error', msg.message);
      }
    });
    child.on('exit', (code, signal) => {
      if (this.child === child) this.child = undefined;
      if (run.status === 'running') finish(signal ? 'stopped' : 'error', signal ? undefined : lastLine(stderr) || `exit ${String(code)}`);
    });
    child.on('error', (e) => finish('error', e.message));
    child.send({ type: 'start', cwd: this.cwd, file: scenario.file, line: scenario.line, simulatorUrl: opts.simulatorUrl, delayMs: opts.delayMs, mode: opts.mode });
    emit('run', run);
    return run;
  }

  next(): void {
    this.child?.send({ type: 'next' });
  }

  setMode(mode: 'run' | 'step'): void {
    if (this.current) this.current.mode = mode;
    this.child?.send({ type: 'mode', mode });
  }

  setDelay(ms: number): void {
    if (this.current) this.current.delayMs = ms;
    this.child?.send({ type: 'delay', ms });
  }

  stop(): void {
    const child = this.child;
    if (!child) return;
    if (this.current) this.finish(this.current, 'stopped');
    child.kill('SIGTERM');
  }

  /** Ends a run once: its status, running steps skipped (stopped) or failed, and the `done` event. */
  private finish(run: RunState, status: RunStatus, message?: string): void {
    if (run.status !== 'running') return;
    run.status = status;
    if (message) run.message = message;
    for (const s of run.steps) if (s.status === 'running') s.status = status === 'stopped' ? 'skipped' : 'failed';
    this.events.emit('event', { type: 'done', data: { runId: run.runId, status, message } } satisfies PlayEvent);
  }
}

function resolvable(name: string, from: string): boolean {
  try {
    createRequire(join(from, 'package.json')).resolve(`${name}/package.json`);
    return true;
  } catch {
    return false;
  }
}

function normalize(status: string | undefined): StepStatus {
  const s = (status ?? '').toLowerCase();
  if (s === 'pending') return 'pending_impl';
  return (['running', 'passed', 'failed', 'skipped', 'undefined', 'ambiguous'] as const).find((x) => x === s) ?? 'unknown';
}

function lastLine(text: string): string {
  return text.trim().split('\n').filter((l) => l.trim() && !l.includes('ExperimentalWarning')).slice(-3).join('\n');
}

/**
 * Step id by phrase, from `locales/<lng>/steps.json` (the phrases the step library registers): every string
 * leaf, keyed by its path. A phrase may be a string or a list of strings.
 */
export function stepIdsByPhrase(cwd: string, lang: Lang): Map<string, string> {
  const out = new Map<string, string>();
  const file = join(cwd, 'locales', lang, 'steps.json');
  if (!existsSync(file)) return out;
  let data: unknown;
  try {
    data = JSON.parse(readFileSync(file, 'utf8'));
  } catch {
    return out;
  }
  const walk = (node: unknown, path: string[]): void => {
    if (typeof node === 'string') out.set(shape(node), stepIdOf(path));
    else if (Array.isArray(node)) node.forEach((n) => walk(n, path));
    else if (node && typeof node === 'object') for (const [k, v] of Object.entries(node)) walk(v, [...path, k]);
  };
  walk(data, []);
  return out;
}

/**
 * A phrase or registered pattern with its parameter names blanked: the step library registers `{role}` as the
 * language's own type (`{role_de}`…), so both sides compare as `{}`.
 */
const shape = (phrase: string): string => phrase.replace(/\{[A-Za-z_]*\}/g, '{}').trim();

/** `{"confirm_invoice": {"phrase": "…"}}` and `{"confirm_invoice": "…"}` both name the step `confirm_invoice`. */
function stepIdOf(path: readonly string[]): string {
  const meta = new Set(['phrase', 'phrases', 'text', 'pattern', 'patterns', 'step', 'steps']);
  // main/sub/inv (or "main|sub"): word-order forms of German and Dutch phrases (steps/support/forms.ts)
  const parts = path.filter((p) => !meta.has(p) && !/^\d+$/.test(p) && !/^(main|sub|inv)(\|(main|sub|inv))*$/.test(p));
  return parts.join('.');
}
