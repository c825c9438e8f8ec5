// Interaction rows as the API shows them. Shared by the features that list interactions; the
// note is kept only for its author (PRODUCT.md: a teacher's notes are private).
import type { InteractionView } from '../../../contracts/interactions.js';
import type { InteractionKind } from '../../../domain/interaction-kinds.js';
import type { Database } from '../db/schema.js';

export function toInteractionView(
  row: Database['interactions'],
  viewerAccountId: string,
): InteractionView {
  return {
    id: row.id,
    clientId: row.client_id,
    studentId: row.student_id,
    classId: row.class_id,
    kind: row.kind as InteractionKind,
    tag: row.tag,
    note: row.author_account_id === viewerAccountId ? row.note : null,
    occurredAt: row.occurred_at,
    createdAt: row.created_at,
    undone: row.undone_at !== null,
  };
}
