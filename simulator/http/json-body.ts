/**
 * The JSON body parser of the APIs: Express's `express.json`, plus the rule of OData (Dataverse and Finance and
 * Operations alike, both built on ODataLib) that a property name may appear only once in an object. `JSON.parse`
 * silently keeps the last of duplicates; the real services answer 400, and so does the simulator.
 */
import express, { type NextFunction, type Request, type RequestHandler, type Response } from 'express';
import type { IncomingMessage } from 'node:http';
import { hasBody, readPlainJson, limitBytes, plainJsonLength } from './plain-json.js';
import { SimError } from '../errors.js';
import { sendError, type Flavour } from './errors.js';

/**
 * The first property name that appears twice in one object of a JSON text, or undefined. Meant for text that
 * `JSON.parse` accepts; on anything else it returns undefined and leaves the verdict to the parser.
 */
export function duplicateKey(text: string): string | undefined {
  const objects: Array<Set<string> | null> = []; // null: an array
  let expectKey = false;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 0x22 /* " */) {
      let j = i + 1;
      while (j < text.length && text.charCodeAt(j) !== 0x22) j += text.charCodeAt(j) === 0x5c /* \ */ ? 2 : 1;
      const top = objects[objects.length - 1];
      if (expectKey && top) {
        let key: unknown;
        // Performance: a name without escapes is its own text; only escaped names need JSON.parse.
        const raw = text.slice(i + 1, j);
        if (!raw.includes('\\')) key = raw;
        else {
          try {
            key = JSON.parse(text.slice(i, j + 1));
          } catch {
            return undefined;
          }
        }
        if (typeof key !== 'string') return undefined;
        if (top.has(key)) return key;
        top.add(key);
        expectKey = false;
      }
      i = j;
    } else if (c === 0x7b /* { */) {
      objects.push(new Set());
      expectKey = true;
    } else if (c === 0x5b /* [ */) {
      objects.push(null);
      expectKey = false;
    } else if (c === 0x7d /* } */ || c === 0x5d /* ] */) {
      objects.pop();
      expectKey = false;
    } else if (c === 0x2c /* , */) {
      expectKey = (objects[objects.length - 1] ?? null) !== null;
    }
  }
  return undefined;
}

export const duplicateKeyError = (flavour: Flavour, property: string): SimError =>
  new SimError(400, flavour === 'dataverse' ? '0x80048d19' : 'BadRequest', 'payload.duplicateProperty', { property: property.slice(0, 100) });

const duplicates = new WeakMap<IncomingMessage, string>();
/** Marks a request whose body text repeats a property name (`refuse` answers it). */
const checkDuplicates = (req: IncomingMessage, text: string): void => {
  const key = duplicateKey(text);
  if (key !== undefined) duplicates.set(req, key);
};

/** `express.json` with the duplicate-name rule: a body with a repeated property name is refused before any handler. */
export function jsonBody(flavour: Flavour, options: { limit: string; type?: string | string[] }): RequestHandler[] {
  const parser = express.json({
    ...options,
    verify: (req, _res, buf, encoding) => checkDuplicates(req, buf.toString((encoding || 'utf8') as BufferEncoding)),
  });
  // The fast path reads application/json only: where that type is not among the parser's, it never applies.
  const types = options.type === undefined ? ['application/json'] : [options.type].flat();
  const limit = types.includes('application/json') ? limitBytes(options.limit) : 0;
  const parse = (req: Request, res: Response, next: NextFunction): void => {
    if (!hasBody(req)) {
      // What body-parser does with a request without a body (a GET): `req.body` undefined, nothing read.
      if (!Reflect.has(req, 'body')) req.body = undefined;
      return next();
    }
    const length = plainJsonLength(req);
    if (length !== undefined && length <= limit) readPlainJson(req, length, (raw) => checkDuplicates(req, raw), next);
    else void parser(req, res, next);
  };
  const refuse = (req: Request, res: Response, next: NextFunction): void => {
    const key = duplicates.get(req);
    if (key === undefined) return next();
    sendError(req, res, duplicateKeyError(flavour, key), flavour);
  };
  return [parse, refuse];
}
