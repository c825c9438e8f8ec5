// The handful of typed errors the app throws. The HTTP error handler (http/error-handler.ts)
// maps each to a status; anything else is a 500 whose internals are logged, never shown.

export interface ErrorBody {
  code: string;
  message: string;
  field?: string;
  row?: number;
  reason?: string;
}

export abstract class AppError extends Error {
  abstract readonly status: number;
  abstract readonly code: string;
  body(): ErrorBody {
    return { code: this.code, message: this.message };
  }
}

/** Bad input. Names the field (and the row, for lists and files) and the reason. */
export class ValidationError extends AppError {
  readonly status = 400;
  readonly code = 'validation_failed';
  constructor(
    readonly field: string,
    readonly reason: string,
    readonly row?: number,
  ) {
    super(`${field}${row !== undefined ? ` (row ${row})` : ''}: ${reason}`);
  }
  override body(): ErrorBody {
    return {
      code: this.code,
      message: this.message,
      field: this.field,
      reason: this.reason,
      ...(this.row !== undefined ? { row: this.row } : {}),
    };
  }
}

export class UnauthenticatedError extends AppError {
  readonly status = 401;
  readonly code = 'unauthenticated';
  constructor(message = 'Sign in to continue.') {
    super(message);
  }
}

export class ForbiddenError extends AppError {
  readonly status = 403;
  readonly code = 'forbidden';
  constructor(
    message = 'You do not have access to this.',
    readonly field?: string,
  ) {
    super(message);
  }
  override body(): ErrorBody {
    return this.field
      ? { code: this.code, message: this.message, field: this.field, reason: this.message }
      : super.body();
  }
}

export class NotFoundError extends AppError {
  readonly status = 404;
  readonly code = 'not_found';
  constructor(what: string) {
    super(`${what} was not found.`);
  }
}

export class ConflictError extends AppError {
  readonly status = 409;
  readonly code = 'conflict';
}

export class TooManyRequestsError extends AppError {
  readonly status = 429;
  readonly code = 'too_many_attempts';
  constructor(
    message: string,
    readonly retryAfterSeconds: number,
  ) {
    super(message);
  }
}

export class ServiceUnavailableError extends AppError {
  readonly status = 503;
  readonly code = 'unavailable';
}
