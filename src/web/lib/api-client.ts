// The one way the web app talks to the API: same-origin JSON with the session cookie, the CSRF
// token on every state-changing request, and the server's error body turned into an ApiError.
import type { ErrorResponse } from '../../contracts/common.js';

/** An API call that failed. `status` 0 means the server could not be reached. */
export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly field?: string,
    readonly reason?: string,
  ) {
    super(message);
    this.name = 'ApiError';
  }

  /** Worth trying again with the same request: the network or the server failed, not the input. */
  get retryable(): boolean {
    return this.status === 0 || this.status >= 500;
  }
}

// The session's CSRF token lives in memory only: it comes from the session response (sign-in or
// GET /api/auth/session) and is lost on reload, when the session response supplies it again.
let csrfToken: string | null = null;

export function setCsrfToken(token: string | null): void {
  csrfToken = token;
}

type Method = 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';

function isErrorResponse(value: unknown): value is ErrorResponse {
  if (typeof value !== 'object' || value === null || !('error' in value)) return false;
  const error = (value as { error: unknown }).error;
  return (
    typeof error === 'object' &&
    error !== null &&
    typeof (error as { message?: unknown }).message === 'string'
  );
}

function parseJson(text: string): unknown {
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return undefined;
  }
}

/** A body sent as it is (a file or its text), with its own content type and headers, not JSON. */
interface RawBody {
  data: Blob | string;
  contentType: string;
  headers?: Record<string, string>;
}

async function request<T>(method: Method, path: string, body?: unknown, raw?: RawBody): Promise<T> {
  const headers: Record<string, string> = { accept: 'application/json', ...raw?.headers };
  if (raw) headers['content-type'] = raw.contentType;
  else if (body !== undefined) headers['content-type'] = 'application/json';
  if (method !== 'GET' && csrfToken) headers['x-csrf-token'] = csrfToken;
  let res: Response;
  try {
    res = await fetch(path, {
      method,
      headers,
      credentials: 'same-origin',
      ...(raw ? { body: raw.data } : body !== undefined ? { body: JSON.stringify(body) } : {}),
    });
  } catch {
    throw new ApiError(0, 'network', 'The server could not be reached.');
  }
  const text = await res.text();
  const data = text ? parseJson(text) : undefined;
  if (!res.ok) {
    if (isErrorResponse(data)) {
      const e = data.error;
      throw new ApiError(res.status, e.code, e.message, e.field, e.reason);
    }
    throw new ApiError(res.status, 'http_error', `The server answered ${res.status}.`);
  }
  return data as T;
}

export const api = {
  get: <T>(path: string) => request<T>('GET', path),
  post: <T>(path: string, body?: unknown) => request<T>('POST', path, body),
  put: <T>(path: string, body?: unknown) => request<T>('PUT', path, body),
  patch: <T>(path: string, body?: unknown) => request<T>('PATCH', path, body),
  /** POSTs a file as it is, e.g. a OneRoster zip as application/zip, with extra headers. */
  postFile: <T>(path: string, file: Blob, contentType: string, headers?: Record<string, string>) =>
    request<T>('POST', path, undefined, {
      data: file,
      contentType,
      ...(headers ? { headers } : {}),
    }),
  delete: <T = void>(path: string) => request<T>('DELETE', path),
  /** POSTs a file's text as it is, e.g. an .ics calendar as text/calendar. */
  postText: <T>(path: string, text: string, contentType: string) =>
    request<T>('POST', path, undefined, { data: text, contentType }),
};
