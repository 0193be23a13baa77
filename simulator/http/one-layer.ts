import type { NextFunction, Request, RequestHandler, Response } from 'express';

/**
 * Middleware run in sequence inside one Express layer, then `handler` with Express's own `next`. A middleware's
 * error (passed to its `next` or thrown) goes to `fail`, as an error handler mounted right after them would get it.
 * Performance: Express matches the mount path and trims the URL again for every layer of `app.use(base, ...)`;
 * an API request went through seven of them before its handler.
 */
export function oneLayer(middleware: readonly RequestHandler[], fail: (err: unknown, req: Request, res: Response) => void, handler: RequestHandler): RequestHandler {
  return (req: Request, res: Response, next: NextFunction): void => {
    let i = 0;
    const step = (err?: unknown): void => {
      if (err) return fail(err, req, res); // as Express: any truthy value is an error
      const mw = middleware[i++];
      if (mw === undefined) return void handler(req, res, next);
      try {
        void mw(req, res, step);
      } catch (e) {
        fail(e, req, res);
      }
    };
    step();
  };
}
