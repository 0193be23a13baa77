/**
 * The ceiling of this stack: a bare Express 5 app that serves records from a Map (no store, no OData).
 * `--seed <json file>`: `{ "accounts": [{ id, ... }] }`. GET /accounts/:id, POST /accounts (in memory only).
 */
import { readFileSync } from 'node:fs';
import { randomUUID } from 'node:crypto';
import { parseArgs } from 'node:util';
import express from 'express';

const { values } = parseArgs({ options: { seed: { type: 'string' } } });
const seed = JSON.parse(readFileSync(String(values.seed), 'utf8')) as { accounts: Record<string, unknown>[] };
const records = new Map<string, Record<string, unknown>>(seed.accounts.map((r) => [String(r.id), r]));
const app = express();
app.use(express.json());
app.get('/accounts/:id', (req, res) => {
  const r = records.get(req.params.id);
  if (!r) { res.status(404).json({ error: 'not found' }); return; }
  res.json(r);
});
app.post('/accounts', (req, res) => {
  const id = randomUUID();
  const r = { ...(req.body as Record<string, unknown>), id };
  records.set(id, r);
  res.status(201).json(r);
});
const server = app.listen(0, '127.0.0.1', () => {
  const a = server.address() as { port: number };
  console.log(JSON.stringify({ url: `http://127.0.0.1:${a.port}` }));
});
process.on('SIGTERM', () => { server.closeAllConnections(); server.close(() => process.exit(0)); });
