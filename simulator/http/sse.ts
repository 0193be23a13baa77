import type { EventEmitter } from 'node:events';
import type { Request, Response } from 'express';

/**
 * A server-sent events stream of an emitter's `event` events: a first event now, then one per emitted event
 * (`format` writes its lines), a comment every 15 s to keep proxies from closing it, and cleanup on disconnect.
 */
export function sse<E>(req: Request, res: Response, emitter: EventEmitter, first: { event: string; data: unknown }, format: (e: E) => string): void {
  res.set({ 'Content-Type': 'text/event-stream', 'Cache-Control': 'no-cache', Connection: 'keep-alive' });
  res.flushHeaders();
  res.write(`event: ${first.event}\ndata: ${JSON.stringify(first.data)}\n\n`);
  const listener = (e: E): void => { res.write(format(e)); };
  emitter.on('event', listener);
  const ping = setInterval(() => res.write(': ping\n\n'), 15_000);
  req.on('close', () => { clearInterval(ping); emitter.off('event', listener); });
}
