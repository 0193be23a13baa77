/**
 * Shared pieces of the benchmark modules: figures, percentiles, a small keep-alive HTTP client and the
 * child-process harness that runs a server under test on its own core (see bench/README.md).
 */
import http from 'node:http';
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { fileURLToPath } from 'node:url';

export const ROOT = fileURLToPath(new URL('../', import.meta.url));

/**
 * One line of the table. With `floor` (the same quantity measured for the machine's floor in this run, see
 * floor.ts), the target applies to the ratio measured / floor; without it, to `measured` itself. No target =
 * information only.
 */
export interface Figure {
  readonly group: string;
  readonly name: string;
  readonly measured: number | null;
  readonly unit: string;
  readonly floor?: number;
  readonly cmp?: '<=' | '>=';
  readonly target?: number;
  /** Set by run.ts: measured / floor when there is a floor. */
  ratio?: number | null;
  /** Set by run.ts from the compared value and target; null = not measurable (n/a). */
  pass?: boolean | null;
  readonly note?: string;
}

export const fig = (group: string, name: string, measured: number | null, unit: string, cmp?: '<=' | '>=', target?: number, note?: string): Figure => ({
  group, name, measured, unit, ...(cmp ? { cmp } : {}), ...(target !== undefined ? { target } : {}), ...(note ? { note } : {}),
});

/** A figure judged as a ratio to its floor: `measured / floor cmp target`. */
export const ratioFig = (group: string, name: string, measured: number | null, unit: string, floor: number, cmp: '<=' | '>=', target: number, note?: string): Figure => ({
  ...fig(group, name, measured, unit, cmp, target, note), floor,
});

export const now = (): number => performance.now();

export function pct(xs: readonly number[], p: number): number {
  if (xs.length === 0) return NaN;
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.floor((p / 100) * s.length))] as number;
}

export interface Res {
  readonly status: number;
  readonly text: string;
  json<T = Record<string, unknown>>(): T;
}

/** A keep-alive client for one base URL (127.0.0.1 only). */
export class Client {
  readonly agent: http.Agent;
  readonly host: string;
  readonly port: number;

  constructor(base: string, sockets = 16) {
    const u = new URL(base);
    if (u.hostname !== '127.0.0.1') throw new Error(`bench: loopback only, got ${u.hostname}`);
    this.host = u.hostname;
    this.port = Number(u.port);
    this.agent = new http.Agent({ keepAlive: true, maxSockets: sockets });
  }

  request(method: string, path: string, body?: unknown, headers: Record<string, string> = {}): Promise<Res> {
    const payload = body === undefined ? undefined : Buffer.from(JSON.stringify(body));
    return new Promise((resolve, reject) => {
      const req = http.request(
        {
          host: this.host, port: this.port, method, path: path.replace(/ /g, '%20'), agent: this.agent,
          headers: { accept: 'application/json', ...(payload ? { 'content-type': 'application/json', 'content-length': String(payload.length) } : {}), ...headers },
        },
        (res) => {
          const chunks: Buffer[] = [];
          res.on('data', (c: Buffer) => chunks.push(c));
          res.on('end', () => {
            const text = Buffer.concat(chunks).toString('utf8');
            resolve({ status: res.statusCode ?? 0, text, json: <T>() => JSON.parse(text) as T });
          });
          res.on('error', reject);
        },
      );
      req.on('error', reject);
      req.end(payload);
    });
  }

  /** Like request, but throws unless the status is 2xx. */
  async ok(method: string, path: string, body?: unknown, headers?: Record<string, string>): Promise<Res> {
    const r = await this.request(method, path, body, headers);
    if (r.status < 200 || r.status > 299) throw new Error(`${method} ${path} → ${r.status}: ${r.text.slice(0, 300)}`);
    return r;
  }

  close(): void {
    this.agent.destroy();
  }
}

/**
 * Runs `op` from `concurrency` loops until `count` operations or `ms` milliseconds (whichever comes first)
 * after `warmupMs` of unmeasured load. Returns completed operations per second and latencies.
 */
export async function load(op: (i: number) => Promise<void>, opts: { concurrency: number; ms: number; count?: number; warmupMs?: number }): Promise<{ perSecond: number; done: number; p50: number; p99: number }> {
  let i = 0;
  const phase = async (ms: number, count: number, lat?: number[]): Promise<number> => {
    const end = now() + ms;
    let done = 0;
    await Promise.all(Array.from({ length: opts.concurrency }, async () => {
      while (now() < end && done < count) {
        const t0 = now();
        await op(i++);
        lat?.push(now() - t0);
        done++;
      }
    }));
    return done;
  };
  if (opts.warmupMs) await phase(opts.warmupMs, Infinity);
  const lat: number[] = [];
  const t0 = now();
  const done = await phase(opts.ms, opts.count ?? Infinity, lat);
  const elapsed = now() - t0;
  return { perSecond: done / (elapsed / 1000), done, p50: pct(lat, 50), p99: pct(lat, 99) };
}

/**
 * Rates of two loads measured in turn: `rounds` phases of `ms` each, A then B, after one warm-up phase of each, so that
 * both see the same minutes of a machine whose speed drifts. Operations per second of each over all its phases.
 */
export async function inTurn(a: (i: number) => Promise<void>, b: (i: number) => Promise<void>, opts: { concurrency: number; rounds: number; ms: number }): Promise<{ a: number; b: number }> {
  const done = { a: 0, b: 0 };
  const elapsed = { a: 0, b: 0 };
  for (let r = -1; r < opts.rounds; r++) {
    for (const [key, op] of [['a', a], ['b', b]] as const) {
      const res = await load(op, { concurrency: opts.concurrency, ms: opts.ms });
      if (r < 0) continue; // warm-up
      done[key] += res.done;
      elapsed[key] += res.done / res.perSecond;
    }
  }
  return { a: done.a / elapsed.a, b: done.b / elapsed.b };
}

export interface Child {
  readonly url: string;
  readonly info: Record<string, unknown>;
  readonly proc: ChildProcess;
  stop(): Promise<void>;
}

/**
 * How a server under test runs: `dist`, compiled by `npm run build` as `npm start` runs the simulator (plain
 * Node; buildServers() first), or `ts-node`, from the sources as `npm run dev` and the spec runs load it.
 */
export type Runtime = 'dist' | 'ts-node';

const nodeArgs = (script: string, runtime: Runtime): string[] =>
  runtime === 'dist' ? ['--enable-source-maps', `dist/bench/servers/${script}.js`] : ['--import', './register.mjs', `bench/servers/${script}.ts`];

/** Compiles the simulator and the bench servers to dist/ (tsconfig.build.json, incremental), as `npm start` does. */
export function buildServers(): void {
  const r = spawnSync(process.execPath, [join(ROOT, 'node_modules', 'typescript', 'bin', 'tsc'), '-p', 'tsconfig.build.json'], { cwd: ROOT, stdio: 'inherit' });
  if (r.status !== 0) throw new Error(`bench: tsc -p tsconfig.build.json exited with ${r.status}`);
}

/**
 * Starts bench/servers/<script> in a child process and waits for the JSON line it prints once ready
 * (`{"url": …}`). Client and server then each have a core of their own.
 */
export function startChild(script: string, args: readonly string[] = [], timeoutMs = 120_000, runtime: Runtime = 'dist', nodeFlags: readonly string[] = []): Promise<Child> {
  const proc = spawn(process.execPath, [...nodeFlags, ...nodeArgs(script, runtime), ...args], {
    cwd: ROOT, stdio: ['ignore', 'pipe', 'inherit'], env: { ...process.env },
  });
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => { proc.kill('SIGKILL'); reject(new Error(`bench: ${script} did not start in ${timeoutMs} ms`)); }, timeoutMs);
    proc.on('exit', (code) => { clearTimeout(timer); reject(new Error(`bench: ${script} exited with ${code}`)); });
    const rl = createInterface({ input: proc.stdout! });
    rl.once('line', (line) => {
      clearTimeout(timer);
      proc.removeAllListeners('exit');
      const info = JSON.parse(line) as Record<string, unknown>;
      const exited = new Promise<void>((r) => proc.once('exit', () => r()));
      resolve({
        url: String(info.url ?? ''), info, proc,
        async stop() {
          if (proc.exitCode === null) proc.kill('SIGTERM');
          const t = setTimeout(() => proc.kill('SIGKILL'), 30_000);
          await exited;
          clearTimeout(t);
        },
      });
    });
  });
}

/** Runs a bench script to completion in a child process and returns the JSON it prints last. */
export function runChild(script: string, args: readonly string[] = [], timeoutMs = 300_000): Promise<Record<string, unknown>> {
  const proc = spawn(process.execPath, [...nodeArgs(script, 'dist'), ...args], {
    cwd: ROOT, stdio: ['ignore', 'pipe', 'inherit'],
  });
  let out = '';
  proc.stdout!.on('data', (c: Buffer) => (out += c.toString()));
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => { proc.kill('SIGKILL'); reject(new Error(`bench: ${script} timed out`)); }, timeoutMs);
    proc.on('exit', (code) => {
      clearTimeout(timer);
      if (code !== 0) return reject(new Error(`bench: ${script} exited with ${code}`));
      const last = out.trim().split('\n').at(-1) ?? '{}';
      resolve(JSON.parse(last) as Record<string, unknown>);
    });
  });
}
