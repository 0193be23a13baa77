/**
 * json-server 0.17 (Express + lowdb 1, FileSync adapter) on a db file: `--db <file.json>`. Dev dependency of the
 * benchmark only: the well-known baseline of "a REST mock on lowdb".
 */
import { parseArgs } from 'node:util';
import jsonServer from 'json-server';

const { values } = parseArgs({ options: { db: { type: 'string' } } });
const server = jsonServer.create();
server.use(jsonServer.defaults({ logger: false }));
server.use(jsonServer.router(String(values.db)));
const http = server.listen(0, '127.0.0.1', () => {
  const a = http.address() as { port: number };
  console.log(JSON.stringify({ url: `http://127.0.0.1:${a.port}` }));
});
process.on('SIGTERM', () => { http.close(() => process.exit(0)); setTimeout(() => process.exit(0), 1000).unref(); });
