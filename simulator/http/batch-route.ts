/**
 * `POST /api/data/v9.2/$batch` and `POST /data/$batch`: runs the requests of a batch (parsed by simulator/http/batch.ts) through the
 * API router's own handlers (Dataverse's or Finance's, errors in that API's shape). A request on its own gets the same dispatch as outside a batch; a change set runs
 * its requests as the steps of one transaction, each able to name the records written by earlier ones
 * (`$<Content-ID>`): all answered if all succeed, else one error answer and nothing written.
 */
import express, { type Request, type RequestHandler, type Response } from 'express';
import type { Ctx } from '../domain/context.js';
import type { Service } from '../service.js';
import { SimError } from '../errors.js';
import type { ApiRequest, ApiResponse } from './exchange.js';
import { sendError, toSimError } from './errors.js';
import { batchRequest, continueOnError, formatBatch, parseBatch, partBody, PartResponse, withReferences, type BatchPart } from './batch.js';
import { Dataverse } from '../errors/dataverse.js';

export interface BatchHandlers {
  /** The API base the requests' URLs are below (`/api/data/v9.2`). */
  readonly base: string;
  /** Body limit of the whole batch. */
  readonly limit: string;
  /** Answers one request, as outside a batch. */
  dispatch(req: ApiRequest, res: ApiResponse): Promise<void>;
  /** A write request as one step of the transaction `ctx`: its answer, and the record it wrote (`accounts(<id>)`). */
  writeStep(ctx: Ctx, req: ApiRequest): { respond(res: ApiResponse): void; readonly entityPath?: string };
  /** The API whose error shape the batch answers in (default Dataverse). */
  readonly flavour?: 'dataverse' | 'finance';
}

export function batchRoute(service: Service, h: BatchHandlers): RequestHandler[] {
  const flavour = h.flavour ?? 'dataverse';
  /** A request of a batch on its own. */
  async function runPart(part: BatchPart, outer: ApiRequest): Promise<PartResponse> {
    const res = new PartResponse();
    let req: ApiRequest = outer;
    try {
      req = batchRequest(part, h.base, outer);
      await h.dispatch({ ...req, body: partBody(part) }, res);
    } catch (e) {
      sendError(req, res, toSimError(e, flavour), flavour);
    }
    return res;
  }

  async function runChangeSet(parts: readonly BatchPart[], outer: ApiRequest): Promise<PartResponse | PartResponse[]> {
    try {
      const steps = await service.exec((ctx) => {
        const writtenPaths = new Map<string, string>();
        return parts.map((raw) => {
          const { part, body } = withReferences(raw, writtenPaths, partBody(raw));
          const req = { ...batchRequest(part, h.base, outer), body };
          if (req.method === 'GET') throw Dataverse.badRequest('batch.getInChangeSet');
          const step = h.writeStep(ctx, req);
          if (part.contentId !== undefined && step.entityPath !== undefined) writtenPaths.set(part.contentId, step.entityPath);
          return { step, contentId: part.contentId };
        });
      });
      return steps.map(({ step, contentId }) => {
        const res = new PartResponse();
        res.contentId = contentId;
        step.respond(res);
        return res;
      });
    } catch (e) {
      const res = new PartResponse();
      sendError(outer, res, toSimError(e, flavour), flavour);
      return res;
    }
  }

  const run = async (req: Request, res: Response): Promise<void> => {
    try {
      const items = parseBatch(typeof req.body === 'string' ? req.body : '', req.get('content-type'));
      const goOn = continueOnError(req.get('prefer'));
      const answers: Array<PartResponse | PartResponse[]> = [];
      for (const item of items) {
        const answer = item.kind === 'request' ? await runPart(item.part, req) : await runChangeSet(item.parts, req);
        answers.push(answer);
        if (answer instanceof PartResponse && answer.code >= 400 && !goOn) break;
      }
      const out = formatBatch(answers);
      res.status(200).set('OData-Version', '4.0').type(out.contentType).send(out.body);
    } catch (e) {
      sendError(req, res, toSimError(e, flavour), flavour);
    }
  };
  return [express.text({ type: 'multipart/mixed', limit: h.limit }), run];
}
