// Running an administration after it was created: a leader (their school's) or a district
// admin (any) edits it, closes it early or cancels it (docs/decisions/022-survey-changes.md).
// What may change depends on what has happened: before anyone answers, everything; once
// answers arrive, nothing they answered or answered under; once the window has closed, only the
// title, because a published result must not move (two readings of a moving aggregate can
// reveal one student's answers). Every change is audited and transactional.
import type { Kysely } from 'kysely';
import type {
  AdministrationView,
  CancelAdministrationResponse,
  UpdateAdministrationBody,
} from '../../../contracts/surveys.js';
import { windowState } from '../../../domain/surveys.js';
import { leadsSchool } from '../../platform/access/access.js';
import { recordAudit } from '../../platform/audit/audit.repository.js';
import type { RequestContext } from '../../platform/context/request-context.js';
import type { Database } from '../../platform/db/schema.js';
import { NotFoundError, ValidationError } from '../../platform/errors.js';
import { loadInstrumentLibrary } from '../../platform/content/instruments.js';
import { checkClasses, checkWindow } from './administration-rules.js';
import { surveysRepository } from './surveys.repository.js';
import { listAdministrations } from './surveys.service.js';

/** The administration, if this caller runs it: a leader of its school, or a district admin. */
async function managedAdministration(db: Kysely<Database>, ctx: RequestContext, id: string) {
  const adm = await surveysRepository(db).getAdministration(ctx.actor.districtId, id);
  // A district-wide administration (no school) is the district admin's alone.
  if (!adm || !leadsSchool(ctx.actor, adm.school_id)) throw new NotFoundError('This survey');
  return adm;
}

async function viewOf(db: Kysely<Database>, ctx: RequestContext, id: string) {
  return (await listAdministrations(db, ctx, id)).administrations[0]!;
}

const sameSet = (a: readonly string[], b: readonly string[]) =>
  a.length === b.length && a.every((x) => b.includes(x));

export async function updateAdministration(
  db: Kysely<Database>,
  ctx: RequestContext,
  administrationId: string,
  body: UpdateAdministrationBody,
): Promise<AdministrationView> {
  const { actor, now } = ctx;
  const adm = await managedAdministration(db, ctx, administrationId);
  const repo = surveysRepository(db);
  const state = windowState(adm.opens_at, adm.closes_at, now);
  const targets = (await repo.targets(actor.districtId, [adm.id])).get(adm.id)!;
  const counts = await repo.participationCounts(actor.districtId, [adm.id]);
  const answered = counts.reduce((n, c) => n + Number(c.n), 0);
  const answers = `${answered} ${answered === 1 ? 'person has' : 'people have'} answered`;

  const patch: Parameters<typeof repo.updateAdministration>[2] = {};
  if (body.title !== undefined) patch.title = body.title?.trim() || null;

  const changes = (field: keyof UpdateAdministrationBody, differs: boolean) => {
    if (!differs) return false;
    if (state === 'closed')
      throw new ValidationError(
        field,
        `cannot change: the window closed at ${adm.closes_at} and its results are published; only the title can change`,
      );
    return true;
  };

  let instrument = loadInstrumentLibrary().instruments.get(adm.instrument_id);
  if (
    body.instrumentId !== undefined &&
    changes('instrumentId', body.instrumentId !== adm.instrument_id)
  ) {
    if (answered > 0)
      throw new ValidationError(
        'instrumentId',
        `cannot change: ${answers} its items; close or cancel this survey and start another`,
      );
    instrument = loadInstrumentLibrary().instruments.get(body.instrumentId);
    if (!instrument)
      throw new ValidationError(
        'instrumentId',
        `"${body.instrumentId}" is not a survey instrument`,
      );
    patch.instrument_id = instrument.id;
    patch.instrument_version = instrument.version;
    patch.respondent = instrument.respondent;
  }
  const mode = body.mode ?? adm.mode;
  if (body.mode !== undefined && changes('mode', body.mode !== adm.mode)) {
    if (answered > 0)
      throw new ValidationError(
        'mode',
        `cannot change: ${answers} under the promise of a ${adm.mode} survey`,
      );
    patch.mode = body.mode;
  }
  if (instrument?.respondent === 'teacher' && mode === 'anonymous')
    throw new ValidationError(
      'mode',
      'teacher ratings are linked to the teacher: use confidential',
    );

  const opensAt =
    body.opensAt !== undefined ? new Date(Date.parse(body.opensAt)).toISOString() : adm.opens_at;
  const closesAt =
    body.closesAt !== undefined ? new Date(Date.parse(body.closesAt)).toISOString() : adm.closes_at;
  if (body.opensAt !== undefined && Number.isNaN(Date.parse(body.opensAt)))
    throw new ValidationError('opensAt', 'is not a date and time');
  if (body.closesAt !== undefined && Number.isNaN(Date.parse(body.closesAt)))
    throw new ValidationError('closesAt', 'is not a date and time');
  const opensMoves = changes('opensAt', opensAt !== adm.opens_at);
  const closesMoves = changes('closesAt', closesAt !== adm.closes_at);
  if (opensMoves && answered > 0)
    throw new ValidationError(
      'opensAt',
      `cannot change: ${answers} since it opened; the closing day can still move`,
    );
  if (opensMoves && state === 'open' && Date.parse(opensAt) > now.getTime())
    throw new ValidationError('opensAt', 'cannot move into the future: the survey is open now');
  if (opensMoves || closesMoves) {
    checkWindow(opensAt, closesAt, now);
    patch.opens_at = opensAt;
    patch.closes_at = closesAt;
  }

  const classIds = body.classIds ?? targets.classIds;
  const grades = body.grades ?? targets.grades;
  const classesChange = changes('classIds', !sameSet(classIds, targets.classIds));
  const gradesChange = changes('grades', !sameSet(grades, targets.grades));
  if (classesChange || gradesChange) {
    const scopes = await repo.answeredScopes(actor.districtId, adm.id);
    const removedClass = targets.classIds.find(
      (c) => !classIds.includes(c) && (scopes.classIds.has(c) || scopes.subjectKeys.has(c)),
    );
    if (removedClass) {
      const title = (await repo.classTitles(actor.districtId, [removedClass])).get(removedClass);
      throw new ValidationError(
        'classIds',
        `cannot remove "${title ?? removedClass}": its students have answered; classes can still be added`,
      );
    }
    const removedGrade = targets.grades.find((g) => !grades.includes(g) && scopes.grades.has(g));
    if (removedGrade)
      throw new ValidationError(
        'grades',
        `cannot remove grade ${removedGrade}: its students have answered; grades can still be added`,
      );
    if (classIds.length === 0 && grades.length === 0)
      throw new ValidationError(
        classesChange ? 'classIds' : 'grades',
        'choose at least one class or grade',
      );
    const added = classIds.filter((c) => !targets.classIds.includes(c));
    if (added.length) {
      try {
        await checkClasses(db, actor.districtId, added, adm.school_id);
      } catch (e) {
        // Name the row of the class in the list the caller sent, not in the added ones.
        if (e instanceof ValidationError && e.row !== undefined) {
          const row = classIds.indexOf(added[e.row]!);
          throw new ValidationError(`classIds[${row}]`, e.reason, row);
        }
        throw e;
      }
    }
  }

  await db.transaction().execute(async (trx) => {
    const r = surveysRepository(trx);
    await r.updateAdministration(actor.districtId, adm.id, patch);
    if (classesChange || gradesChange)
      await r.replaceTargets(actor.districtId, adm.id, { classIds, grades });
    await recordAudit(trx, actor, {
      action: 'update',
      subjectType: 'survey_administration',
      subjectId: adm.id,
      detail: { ...body },
    });
  });
  return viewOf(db, ctx, adm.id);
}

/** Ends an open administration's window now: no more answers, and its results appear. */
export async function closeAdministration(
  db: Kysely<Database>,
  ctx: RequestContext,
  administrationId: string,
): Promise<AdministrationView> {
  const { actor, now } = ctx;
  const adm = await managedAdministration(db, ctx, administrationId);
  const state = windowState(adm.opens_at, adm.closes_at, now);
  if (state === 'scheduled')
    throw new ValidationError(
      'administrationId',
      `has not opened yet (it opens at ${adm.opens_at}): cancel it instead`,
    );
  if (state === 'closed')
    throw new ValidationError('administrationId', `is already closed (at ${adm.closes_at})`);
  await db.transaction().execute(async (trx) => {
    await surveysRepository(trx).updateAdministration(actor.districtId, adm.id, {
      closes_at: now.toISOString(),
    });
    await recordAudit(trx, actor, {
      action: 'close',
      subjectType: 'survey_administration',
      subjectId: adm.id,
      detail: { closesAt: now.toISOString(), wasClosingAt: adm.closes_at },
    });
  });
  return viewOf(db, ctx, adm.id);
}

/**
 * Cancels a scheduled or open administration: it is deleted with every answer, draft and
 * one-time link it had. A closed one's results stand and cannot be cancelled.
 */
export async function cancelAdministration(
  db: Kysely<Database>,
  ctx: RequestContext,
  administrationId: string,
): Promise<CancelAdministrationResponse> {
  const { actor, now } = ctx;
  const adm = await managedAdministration(db, ctx, administrationId);
  if (windowState(adm.opens_at, adm.closes_at, now) === 'closed')
    throw new ValidationError(
      'administrationId',
      `cannot be cancelled: its window closed at ${adm.closes_at} and its results stand`,
    );
  const discarded = await db.transaction().execute(async (trx) => {
    const n = await surveysRepository(trx).deleteAdministration(actor.districtId, adm.id);
    await recordAudit(trx, actor, {
      action: 'cancel',
      subjectType: 'survey_administration',
      subjectId: adm.id,
      detail: { instrumentId: adm.instrument_id, discardedResponses: n },
    });
    return n;
  });
  return { cancelled: true, discardedResponses: discarded };
}
