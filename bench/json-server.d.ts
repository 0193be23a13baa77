/** Minimal types of json-server 0.17 (it ships none), as the benchmark uses it. */
declare module 'json-server' {
  import type { Express, RequestHandler } from 'express';
  const jsonServer: {
    create(): Express;
    defaults(opts?: { logger?: boolean; readOnly?: boolean; noCors?: boolean }): RequestHandler[];
    router(source: string): RequestHandler;
  };
  export default jsonServer;
}
