import type { TFunction } from 'i18next';
import { ApiError } from './api-client.js';

/** What to tell the user about a failed request: the server's own message when it sent one. */
export function errorMessage(error: unknown, t: TFunction): string {
  if (error instanceof ApiError) {
    if (error.status === 0) return t('errors.network');
    // The server is up but its database is not: say so, and that logs wait on the device.
    if (error.code === 'database_unavailable') return t('operations.databaseUnavailable');
    if (error.code === 'http_error' || error.code === 'internal') return t('errors.server');
    return error.message;
  }
  return t('errors.unexpected');
}
