import { randomUUID } from 'node:crypto';
import type { Kysely } from 'kysely';
import type {
  LogInteractionsBody,
  LogInteractionsResponse,
} from '../../../contracts/interactions.js';
import { localDate, readOccurredAt } from '../../../domain/calendar.js';
import { canUndo, noteProblem } from '../../../domain/interaction-kinds.js';
import type { RequestContext } from '../../platform/context/request-context.js';
import type { Database } from '../../platform/db/schema.js';
import { toInteractionView } from '../../platform/views/interaction-view.js';
import { ConflictError, NotFoundError, ValidationError } from '../../platform/errors.js';
import { assertMayLog } from './interactions.policy.js';
import { interactionsRepository } from './interactions.repository.js';

function parseOccurredAt(raw: string | undefined, now: Date): Date {
  const occurred = readOccurredAt(raw, now);
  if (!(occurred instanceof Date)) throw new ValidationError('occurredAt', occurred.reason);
  return occurred;
}

/** Checks access and the date of a log request; returns where each student is logged. */
async function checkLoggable(
  db: Kysely<Database>,
  ctx: RequestContext,
  input: LogInteractionsBody,
  occurred: Date,
) {
  // Access is as of today (the teacher logs for their current students); a back-dated moment
  // must still fall inside the term of the class it is logged in.
  const allowed = await assertMayLog(db, ctx, input.studentIds, input.classId);
  const occurredDay = localDate(occurred, ctx.actor.timeZone);
  for (const a of allowed.values()) {
    if (occurredDay < a.termStart || occurredDay > a.termEnd) {
      throw new ValidationError(
        'occurredAt',
        `must fall within the term (${a.termStart} to ${a.termEnd})`,
      );
    }
  }
  return allowed;
}

/**
 * Logs one kind of interaction for one or more students. A client id this teacher used before
 * makes the request a no-op that answers with the original rows.
 */
export async function logInteractions(
  db: Kysely<Database>,
  ctx: RequestContext,
  input: LogInteractionsBody,
): Promise<LogInteractionsResponse> {
  const { actor, now } = ctx;
  const repo = interactionsRepository(db);
  const original = async (): Promise<LogInteractionsResponse> => {
    const rows = await repo.byClientId(actor.districtId, actor.accountId, input.clientId);
    return { replayed: true, interactions: rows.map((r) => toInteractionView(r, actor.accountId)) };
  };

  let occurred: Date;
  let allowed: Awaited<ReturnType<typeof checkLoggable>>;
  try {
    const badNote = noteProblem(input.kind, input.note);
    if (badNote) throw new ValidationError('note', badNote);
    occurred = parseOccurredAt(input.occurredAt, now);
    allowed = await checkLoggable(db, ctx, input, occurred);
  } catch (err) {
    // A device replaying a request that was accepted before gets the original answer even if
    // the request would not pass today (the student has since changed classes, say).
    const prior = await original();
    if (prior.interactions.length > 0) return prior;
    throw err;
  }

  const createdAt = now.toISOString();
  const rows = input.studentIds.map((studentId) => ({
    district_id: actor.districtId,
    id: randomUUID(),
    client_id: input.clientId,
    author_account_id: actor.accountId,
    teacher_id: actor.personId!,
    student_id: studentId,
    class_id: allowed.get(studentId)!.classId,
    kind: input.kind,
    tag: input.tag ?? null,
    note: input.note && input.note.trim() !== '' ? input.note : null,
    occurred_at: occurred.toISOString(),
    created_at: createdAt,
    undone_at: null,
  }));
  const inserted = await repo.insertUnlessReplayed(rows);
  if (inserted === rows.length) {
    return {
      replayed: false,
      interactions: rows.map((r) => toInteractionView(r, actor.accountId)),
    };
  }
  // The client id was used before (or a concurrent replay won): what is stored is the answer.
  return original();
}

/** Undoes everything one log request created, within the undo window. Undoing twice is a no-op. */
export async function undoInteractions(
  db: Kysely<Database>,
  ctx: RequestContext,
  clientId: string,
) {
  const { actor, now } = ctx;
  const repo = interactionsRepository(db);
  const rows = await repo.byClientId(actor.districtId, actor.accountId, clientId);
  if (rows.length === 0) throw new NotFoundError('An interaction with this client id');
  if (rows.every((r) => r.undone_at !== null)) return { undone: 0 };
  if (!canUndo(rows[0]!.created_at, now.getTime())) {
    throw new ConflictError('The 10-minute undo window has passed for this interaction.');
  }
  const undone = await repo.markUndone(
    actor.districtId,
    actor.accountId,
    clientId,
    now.toISOString(),
  );
  return { undone };
}
