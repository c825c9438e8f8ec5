import type { SaveDraftBody } from '../../../../contracts/surveys.js';
import { api } from '../../../lib/api-client.js';

/** Saves one answer (or a skip) as progress. */
export function saveDraft(administrationId: string, body: SaveDraftBody): Promise<void> {
  return api
    .put(`/api/surveys/administrations/${encodeURIComponent(administrationId)}/draft`, body)
    .then(() => undefined);
}
