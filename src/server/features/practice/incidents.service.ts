import { randomUUID } from 'node:crypto';
import type { Kysely } from 'kysely';
import type { LogIncidentBody, LogIncidentResponse } from '../../../contracts/practice.js';
import { localDate, readOccurredAt } from '../../../domain/calendar.js';
import { incidentProblem } from '../../../domain/incidents.js';
import type { RequestContext } from '../../platform/context/request-context.js';
import type { Database } from '../../platform/db/schema.js';
import { ValidationError } from '../../platform/errors.js';
import { assertDyad } from './practice.policy.js';
import { practiceRepository } from './practice.repository.js';
import { getDyad, termContext } from './practice.service.js';

/** Logs a frustrating moment, privately. It opens a repair for the dyad until one is logged. */
export async function logIncident(
  db: Kysely<Database>,
  rc: RequestContext,
  input: LogIncidentBody,
): Promise<LogIncidentResponse> {
  const { actor, now } = rc;
  const answer = async (incidentId: string, replayed: boolean): Promise<LogIncidentResponse> => {
    const dyad = await getDyad(db, rc, input.studentId);
    const incident = dyad.incidents.find((i) => i.id === incidentId);
    if (!incident) throw new Error('incident not readable after insert');
    return { replayed, incident, openRepair: dyad.openRepair };
  };
  const repo = practiceRepository(db);
  const prior = () => repo.incidentByClientId(actor.districtId, actor.accountId, input.clientId);
  const seen = await prior();
  if (seen) return answer(seen.id, true);

  const problem = incidentProblem(input);
  if (problem) throw new ValidationError(problem.field, problem.reason);
  const ctx = await termContext(rc);
  const { teacherId } = await assertDyad(db, rc, input.studentId);
  const occurred = readOccurredAt(input.occurredAt, now);
  if (!(occurred instanceof Date)) throw new ValidationError('occurredAt', occurred.reason);
  const day = localDate(occurred, actor.timeZone);
  if (ctx.cal && (day < ctx.cal.startDate || day > ctx.cal.endDate)) {
    throw new ValidationError(
      'occurredAt',
      `must fall within the term (${ctx.cal.startDate} to ${ctx.cal.endDate})`,
    );
  }
  const id = randomUUID();
  try {
    await repo.insertIncident(
      {
        district_id: actor.districtId,
        id,
        client_id: input.clientId,
        teacher_id: teacherId,
        author_account_id: actor.accountId,
        student_id: input.studentId,
        occurred_at: occurred.toISOString(),
        what_happened: input.whatHappened.trim(),
        next_step: input.nextStep.trim(),
        created_at: now.toISOString(),
      },
      input.explanations.map((e, position) => ({
        district_id: actor.districtId,
        incident_id: id,
        position,
        text: e.text.trim(),
        charitable: e.charitable ? 1 : 0,
      })),
    );
  } catch (err) {
    // A concurrent replay of the same client id won the unique index: answer with its incident.
    const won = await prior();
    if (won) return answer(won.id, true);
    throw err;
  }
  return answer(id, false);
}
