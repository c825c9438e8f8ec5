// One place maps errors to HTTP. Typed AppErrors keep their status and body; Fastify's own
// validation errors become a ValidationError naming the field; anything else is a 500 whose
// details go to the log only.
import type { FastifyError, FastifyInstance } from 'fastify';
import { isUnavailableError } from '../db/database.js';
import { AppError, TooManyRequestsError, ValidationError } from '../errors.js';

interface AjvIssue {
  instancePath?: string;
  message?: string;
  keyword?: string;
  params?: Record<string, unknown>;
}

/** Turns Fastify/Ajv's first validation issue into a ValidationError with a readable field name. */
export function validationFromFastify(err: FastifyError): ValidationError {
  const issue = (err.validation?.[0] ?? {}) as AjvIssue;
  const context = err.validationContext ?? 'body';
  let field = (issue.instancePath ?? '')
    .split('/')
    .filter(Boolean)
    .map((seg) => (/^\d+$/.test(seg) ? `[${seg}]` : `.${seg}`))
    .join('')
    .replace(/^\./, '');
  let reason = issue.message ?? 'is not valid';
  if (issue.keyword === 'required' && typeof issue.params?.missingProperty === 'string') {
    field = field ? `${field}.${issue.params.missingProperty}` : issue.params.missingProperty;
    reason = 'is required';
  } else if (
    issue.keyword === 'additionalProperties' &&
    typeof issue.params?.additionalProperty === 'string'
  ) {
    field = field ? `${field}.${issue.params.additionalProperty}` : issue.params.additionalProperty;
    reason = 'is not an accepted field';
  } else if (issue.keyword === 'anyOf' || issue.keyword === 'const') {
    reason = 'is not one of the accepted values';
  }
  const row = /\[(\d+)\]/.exec(field);
  return new ValidationError(field || context, reason, row ? Number(row[1]) : undefined);
}

/** Installs the error handler and the one not-found handler. With `spaShell`, browser
 * navigations to client-side routes get the web app's index.html; /api paths stay JSON 404s. */
export function installErrorHandler(app: FastifyInstance, opts: { spaShell?: boolean } = {}) {
  app.setErrorHandler((error: FastifyError, req, reply) => {
    if (error instanceof AppError) {
      if (error.status >= 500) req.log.error({ err: error }, error.message);
      else req.log.info({ code: error.code, msg: error.message }, 'request refused');
      if (error instanceof TooManyRequestsError)
        reply.header('retry-after', String(error.retryAfterSeconds));
      return reply.status(error.status).send({ error: error.body() });
    }
    if (error.validation) {
      const v = validationFromFastify(error);
      req.log.info({ field: v.field, reason: v.reason }, 'validation failed');
      return reply.status(400).send({ error: v.body() });
    }
    if (isUnavailableError(error)) {
      // The primary is down or restarting: say so plainly; the web app keeps unsent logs queued.
      req.log.error({ err: error }, 'database unavailable');
      reply.header('retry-after', '10');
      return reply.status(503).send({
        error: {
          code: 'database_unavailable',
          message:
            'Rapport cannot reach its database right now, so nothing was saved or loaded. Try again in a moment.',
        },
      });
    }
    const status = error.statusCode ?? 500;
    if (status < 500) {
      // Fastify's own client errors: malformed JSON, wrong content type, body too large.
      const messages: Record<string, string> = {
        FST_ERR_CTP_INVALID_JSON_BODY: 'The request body is not valid JSON.',
        FST_ERR_CTP_EMPTY_JSON_BODY: 'The request body is empty; JSON was expected.',
        FST_ERR_CTP_INVALID_MEDIA_TYPE: 'The request body must be application/json.',
        FST_ERR_CTP_BODY_TOO_LARGE: 'The request body is too large.',
      };
      const message = messages[error.code] ?? (error.message || 'Bad request.');
      req.log.info({ code: error.code }, message);
      return reply
        .status(status)
        .send({ error: { code: 'bad_request', message, field: 'body', reason: message } });
    }
    req.log.error({ err: error }, 'unhandled error');
    return reply.status(500).send({
      error: {
        code: 'internal',
        message: 'Something went wrong on our side. It has been logged.',
      },
    });
  });

  app.setNotFoundHandler((req, reply) => {
    const isPage =
      req.method === 'GET' &&
      !req.url.startsWith('/api/') &&
      req.headers.accept?.includes('text/html');
    if (opts.spaShell && isPage) return reply.sendFile('index.html');
    return reply.status(404).send({
      error: {
        code: 'not_found',
        message: `No route for ${req.method} ${req.url.split('?')[0]}.`,
      },
    });
  });
}
