import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { ErrorResponse } from '../../../contracts/common.js';
import {
  LogInteractionsBody,
  LogInteractionsResponse,
  UndoInteractionsBody,
  UndoInteractionsResponse,
} from '../../../contracts/interactions.js';
import { logInteractions, undoInteractions } from './interactions.service.js';

const errors = {
  400: ErrorResponse,
  401: ErrorResponse,
  403: ErrorResponse,
  404: ErrorResponse,
  409: ErrorResponse,
};

const interactionsRoutes: FastifyPluginAsyncTypebox = async (app) => {
  const { db } = app.deps;

  app.post(
    '/',
    {
      config: { policy: ['teacher'] },
      schema: {
        body: LogInteractionsBody,
        response: { 200: LogInteractionsResponse, 201: LogInteractionsResponse, ...errors },
      },
    },
    async (req, reply) => {
      const result = await logInteractions(db.kysely, req.ctx!, req.body);
      return reply.status(result.replayed ? 200 : 201).send(result);
    },
  );

  app.post(
    '/undo',
    {
      config: { policy: ['teacher'] },
      schema: {
        body: UndoInteractionsBody,
        response: { 200: UndoInteractionsResponse, ...errors },
      },
    },
    async (req) => undoInteractions(db.kysely, req.ctx!, req.body.clientId),
  );
};

export default interactionsRoutes;
