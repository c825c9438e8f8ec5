// Administrations and taking a survey. Anonymous submissions write the response with no link
// to the student, in the same transaction that finishes the participation and deletes the
// drafts (docs/decisions/014-surveys.md). Bad input changes nothing.
import { randomUUID } from 'node:crypto';
import type { Kysely } from 'kysely';
import type { SurveyLang } from '../../../contracts/instruments.js';
import type {
  AdministrationListResponse,
  AdministrationSetupResponse,
  AdministrationView,
  CreateAdministrationBody,
  OpenSurveysResponse,
  SaveDraftBody,
  SubmitResponseBody,
  SubmitResponseResult,
  SurveyLinksResponse,
  TakeSurveyResponse,
} from '../../../contracts/surveys.js';
import { localDate } from '../../../domain/calendar.js';
import { isOptionValue } from '../../../domain/instruments.js';
import { findAnswerProblem, UUID_V4, weekStart, windowState } from '../../../domain/surveys.js';
import { access, leadsSchool, managedSchool } from '../../platform/access/access.js';
import type { RequestContext } from '../../platform/context/request-context.js';
import { timeOrderedId } from '../../platform/db/ids.js';
import type { Database } from '../../platform/db/schema.js';
import {
  ConflictError,
  ForbiddenError,
  NotFoundError,
  ValidationError,
} from '../../platform/errors.js';
import { accessRepository } from '../../platform/access/access.repository.js';
import { createLinks } from '../../platform/links/links.js';
import {
  getInstrument,
  loadInstrumentLibrary,
  localizeItems,
  fillText,
} from '../../platform/content/instruments.js';
import { checkClasses, checkWindow } from './administration-rules.js';
import { assertLinkScope, type Taker } from './surveys.policy.js';
import { surveysRepository, type TargetSet, type Unit } from './surveys.repository.js';

/** A second submission from someone who already finished: 409 naming the field. */
export class AlreadySubmittedError extends ConflictError {
  override body() {
    return {
      code: this.code,
      message: this.message,
      field: 'responseId',
      reason: 'already submitted',
    };
  }
}

function parseLangs(json: string): SurveyLang[] {
  return JSON.parse(json) as SurveyLang[];
}

export async function createAdministration(
  db: Kysely<Database>,
  ctx: RequestContext,
  body: CreateAdministrationBody,
): Promise<AdministrationView> {
  const { actor, now } = ctx;
  const managed = managedSchool(actor);
  const library = loadInstrumentLibrary();
  const instrument = library.instruments.get(body.instrumentId);
  if (!instrument)
    throw new ValidationError('instrumentId', `"${body.instrumentId}" is not a survey instrument`);
  checkWindow(body.opensAt, body.closesAt, now);
  const opens = Date.parse(body.opensAt);
  const closes = Date.parse(body.closesAt);
  if (instrument.respondent === 'teacher' && body.mode === 'anonymous')
    throw new ValidationError(
      'mode',
      'teacher ratings are linked to the teacher: use confidential',
    );
  if (body.classIds.length === 0 && body.grades.length === 0)
    throw new ValidationError('classIds', 'choose at least one class or grade');
  let schoolId = managed;
  if (managed === null && body.schoolId) {
    if (!(await surveysRepository(db).schoolExists(actor.districtId, body.schoolId)))
      throw new ValidationError('schoolId', 'is not a school of this district');
    schoolId = body.schoolId;
  }
  await checkClasses(db, actor.districtId, body.classIds, schoolId);
  const at = now.toISOString();
  const id = timeOrderedId(now.getTime());
  await db.transaction().execute(async (trx) => {
    const r = surveysRepository(trx);
    const waveId = await r.findOrCreateWave(
      actor.districtId,
      body.schoolYear,
      body.wave,
      randomUUID(),
      at,
    );
    await r.insertAdministration(
      {
        district_id: actor.districtId,
        id,
        school_id: schoolId,
        wave_id: waveId,
        instrument_id: instrument.id,
        instrument_version: instrument.version,
        respondent: instrument.respondent,
        mode: body.mode,
        languages: JSON.stringify(body.languages),
        opens_at: new Date(opens).toISOString(),
        closes_at: new Date(closes).toISOString(),
        created_by_account_id: actor.accountId,
        created_at: at,
        title: body.title?.trim() || null,
      },
      { classIds: body.classIds, grades: body.grades },
    );
  });
  const list = await listAdministrations(db, ctx, id);
  return list.administrations[0]!;
}

export async function listAdministrations(
  db: Kysely<Database>,
  ctx: RequestContext,
  onlyId?: string,
): Promise<AdministrationListResponse> {
  const { actor, now, today } = ctx;
  const school = managedSchool(actor);
  const repo = surveysRepository(db);
  const library = loadInstrumentLibrary();
  let rows = await repo.listAdministrations(actor.districtId, school);
  if (onlyId) rows = rows.filter((r) => r.id === onlyId);
  const ids = rows.map((r) => r.id);
  const targets = await repo.targets(actor.districtId, ids);
  const counts = await repo.participationCounts(actor.districtId, ids);
  const out: AdministrationView[] = [];
  for (const r of rows) {
    const instrument = library.instruments.get(r.instrument_id);
    const t = targets.get(r.id)!;
    // A leader sees the district-wide administration's figures for their school only.
    const units = instrument
      ? await repo.units(
          actor.districtId,
          { ...r, school_id: r.school_id ?? school, about: instrument.about },
          t,
          today,
        )
      : [];
    const n = (status: string) =>
      Number(counts.find((c) => c.administration_id === r.id && c.status === status)?.n ?? 0);
    out.push({
      id: r.id,
      instrumentId: r.instrument_id,
      instrumentTitle: instrument?.title[actor.locale] ?? r.instrument_id,
      title: r.title ?? null,
      respondent: r.respondent,
      schoolYear: r.school_year,
      wave: r.wave_name,
      schoolId: r.school_id,
      opensAt: r.opens_at,
      closesAt: r.closes_at,
      ...windowDays(r.opens_at, r.closes_at, actor.timeZone),
      languages: parseLangs(r.languages),
      mode: r.mode,
      classIds: t.classIds,
      grades: t.grades,
      state: windowState(r.opens_at, r.closes_at, now),
      eligible: units.length,
      started: n('started'),
      finished: n('finished'),
      canManage: leadsSchool(actor, r.school_id),
    });
  }
  return { administrations: out };
}

export async function getAdministrationSetup(
  db: Kysely<Database>,
  ctx: RequestContext,
  chosenSchool: string | null = null,
): Promise<AdministrationSetupResponse> {
  const { actor, today } = ctx;
  const managed = managedSchool(actor);
  const repo = surveysRepository(db);
  const schools = await repo.schools(actor.districtId, managed);
  // A leader's school is theirs; a district admin's is the one they chose. Without one, the
  // survey is district-wide by grade: listing every class of a district would be thousands.
  if (managed === null && chosenSchool !== null && !schools.some((s) => s.id === chosenSchool))
    throw new ValidationError('schoolId', 'is not a school of this district');
  const school = managed ?? chosenSchool;
  const classes = school ? await repo.currentClasses(actor.districtId, school, today) : [];
  const teachers = await repo.classTeachers(
    actor.districtId,
    classes.map((c) => c.id),
    today,
  );
  return {
    schools,
    schoolId: school,
    chooseSchool: managed === null,
    instruments: [...loadInstrumentLibrary().instruments.values()].map((i) => ({
      id: i.id,
      title: i.title[actor.locale],
      respondent: i.respondent,
    })),
    classes: classes.map((c) => ({
      id: c.id,
      title: c.period ? `${c.title} (${c.period})` : c.title,
      teacher: teachers.get(c.id)?.name ?? '',
    })),
    grades: await repo.grades(actor.districtId, school),
    timeZone: actor.timeZone,
  };
}

/** A window [opensAt, closesAt) as the district's calendar days: its first and its last. */
function windowDays(opensAt: string, closesAt: string, timeZone: string) {
  return {
    firstDay: localDate(opensAt, timeZone),
    lastDay: localDate(new Date(Date.parse(closesAt) - 1), timeZone),
  };
}

// ---- Taking ----

async function loadForTaker(db: Kysely<Database>, taker: Taker, administrationId: string) {
  assertLinkScope(taker, administrationId);
  const repo = surveysRepository(db);
  const adm = await repo.getAdministration(taker.districtId, administrationId);
  if (!adm || adm.respondent !== taker.respondent) throw new NotFoundError('This survey');
  const instrument = getInstrument(loadInstrumentLibrary(), adm.instrument_id);
  const targets = (await repo.targets(taker.districtId, [adm.id])).get(adm.id)!;
  const today = taker.today;
  const units = await repo.units(
    taker.districtId,
    { ...adm, about: instrument.about },
    targets,
    today,
    taker.personId,
  );
  if (units.length === 0) throw new NotFoundError('This survey');
  return { repo, adm, instrument, units, targets, today };
}

function unitFor(units: Unit[], subjectKey: string): Unit {
  const unit = units.find((u) => u.subjectKey === subjectKey);
  if (!unit)
    throw new ValidationError('subjectKey', 'is not one of your surveys in this administration');
  return unit;
}

function assertOpen(adm: { opens_at: string; closes_at: string }, now: Date): void {
  const state = windowState(adm.opens_at, adm.closes_at, now);
  if (state === 'scheduled')
    throw new ValidationError('administrationId', `is not open yet: it opens at ${adm.opens_at}`);
  if (state === 'closed')
    throw new ValidationError(
      'administrationId',
      `is closed: its window ended at ${adm.closes_at}`,
    );
}

export async function listOpenSurveys(
  db: Kysely<Database>,
  taker: Taker,
  locale: 'en' | 'es',
  now: Date,
): Promise<OpenSurveysResponse> {
  const repo = surveysRepository(db);
  const library = loadInstrumentLibrary();
  const today = taker.today;
  let adms = await repo.openAdministrations(taker.districtId, taker.respondent, now.toISOString());
  if (taker.onlyAdministrationId) adms = adms.filter((a) => a.id === taker.onlyAdministrationId);
  const targets = await repo.targets(
    taker.districtId,
    adms.map((a) => a.id),
  );
  const parts = await repo.participationsOf(
    taker.districtId,
    taker.personId,
    adms.map((a) => a.id),
  );
  const surveys: OpenSurveysResponse['surveys'] = [];
  const pending: Array<{ adm: (typeof adms)[number]; unit: Unit; title: string }> = [];
  for (const adm of adms) {
    const instrument = library.instruments.get(adm.instrument_id);
    if (!instrument) continue;
    const units = await repo.units(
      taker.districtId,
      { ...adm, about: instrument.about },
      targets.get(adm.id)!,
      today,
      taker.personId,
    );
    for (const unit of units) pending.push({ adm, unit, title: instrument.title[locale] });
  }
  const classIds = [
    ...new Set(pending.map((p) => p.unit.classId).filter((c): c is string => c !== null)),
  ];
  const titles = await repo.classTitles(taker.districtId, classIds);
  const teachers = await repo.classTeachers(taker.districtId, classIds, today);
  const students = await repo.studentNames(
    taker.districtId,
    pending.map((p) => p.unit.aboutStudentId).filter((s): s is string => s !== null),
  );
  for (const { adm, unit, title } of pending) {
    const part = parts.find(
      (p) => p.administration_id === adm.id && p.subject_key === unit.subjectKey,
    );
    const label = unit.aboutStudentId
      ? (students.get(unit.aboutStudentId) ?? '')
      : unit.classId
        ? [titles.get(unit.classId), teachers.get(unit.classId)?.name].filter(Boolean).join(' · ')
        : '';
    surveys.push({
      administrationId: adm.id,
      subjectKey: unit.subjectKey,
      title,
      subjectLabel: label,
      closesAt: adm.closes_at,
      lastDay: windowDays(adm.opens_at, adm.closes_at, taker.timeZone).lastDay,
      status: part ? (part.status === 'finished' ? 'finished' : 'started') : 'not-started',
      mode: adm.mode,
    });
  }
  return { surveys };
}

export async function takeSurvey(
  db: Kysely<Database>,
  taker: Taker,
  administrationId: string,
  subjectKey: string,
  lang: SurveyLang | undefined,
  now: Date,
): Promise<TakeSurveyResponse> {
  const { repo, adm, instrument, units, today } = await loadForTaker(db, taker, administrationId);
  assertOpen(adm, now);
  const unit = unitFor(units, subjectKey);
  const languages = parseLangs(adm.languages);
  const language = lang && languages.includes(lang) ? lang : languages[0]!;
  const vars: Record<string, string> = {};
  if (unit.classId) {
    vars.class = (await repo.classTitles(taker.districtId, [unit.classId])).get(unit.classId) ?? '';
    vars.teacher =
      (await repo.classTeachers(taker.districtId, [unit.classId], today)).get(unit.classId)?.name ??
      '';
  }
  if (unit.aboutStudentId)
    vars.student =
      (await repo.studentNames(taker.districtId, [unit.aboutStudentId])).get(unit.aboutStudentId) ??
      '';
  const library = loadInstrumentLibrary();
  const part = await repo.participation(taker.districtId, adm.id, taker.personId, subjectKey);
  const draft =
    part && part.status !== 'finished' ? await repo.drafts(taker.districtId, part.id) : [];
  const hasAdultItem = instrument.items.some((i) => i.kind === 'adult');
  const adults =
    hasAdultItem && unit.schoolId
      ? (await repo.staffOf(taker.districtId, unit.schoolId)).map((p) => ({
          id: p.id,
          name: `${p.preferred_name ?? p.given_name} ${p.family_name}`,
        }))
      : [];
  return {
    administrationId: adm.id,
    subjectKey,
    mode: adm.mode,
    language,
    languages,
    title: instrument.title[language],
    intro: fillText(instrument.intro[language], vars),
    items: localizeItems(library, instrument, language, vars),
    adults,
    draft: draft.map((d) => ({
      itemId: d.item_id,
      value: d.value,
      people: d.people ? (JSON.parse(d.people) as string[]) : [],
    })),
    finished: part?.status === 'finished',
    canShareWithTeacher:
      adm.mode === 'confidential' && instrument.respondent === 'student' && unit.classId !== null,
  };
}

export async function saveDraft(
  db: Kysely<Database>,
  taker: Taker,
  administrationId: string,
  body: SaveDraftBody,
  now: Date,
): Promise<void> {
  const { adm, instrument, units } = await loadForTaker(db, taker, administrationId);
  assertOpen(adm, now);
  unitFor(units, body.subjectKey);
  const item = instrument.items.find((i) => i.id === body.itemId);
  if (!item)
    throw new ValidationError(
      'itemId',
      `"${body.itemId}" is not an item of the instrument ${instrument.id}`,
    );
  if (body.value !== null && !isOptionValue(body.value))
    throw new ValidationError(
      'value',
      `${body.value} is not an option of "${body.itemId}": answers are whole numbers from 1 to 5`,
    );
  if (body.people?.length && item.kind !== 'adult')
    throw new ValidationError('people', `"${body.itemId}" does not name people`);
  await db.transaction().execute(async (trx) => {
    const r = surveysRepository(trx);
    await r.startParticipation({
      district_id: taker.districtId,
      id: randomUUID(),
      administration_id: adm.id,
      person_id: taker.personId,
      subject_key: body.subjectKey,
      status: 'started',
      started_at: now.toISOString(),
    });
    const part = (await r.participation(
      taker.districtId,
      adm.id,
      taker.personId,
      body.subjectKey,
    ))!;
    if (part.status === 'finished')
      throw new AlreadySubmittedError('You already sent your answers to this survey.');
    await r.saveDraft({
      district_id: taker.districtId,
      participation_id: part.id,
      item_id: body.itemId,
      value: body.value,
      people: body.people?.length ? JSON.stringify(body.people) : null,
      saved_at: now.toISOString(),
    });
  });
}

export async function submitResponse(
  db: Kysely<Database>,
  taker: Taker,
  administrationId: string,
  body: SubmitResponseBody,
  now: Date,
): Promise<SubmitResponseResult> {
  if (!UUID_V4.test(body.responseId))
    throw new ValidationError('responseId', 'must be a random (version 4) UUID in lower case');
  const repo = surveysRepository(db);
  // A replay of a response already written is a no-op that answers as the first time did.
  const replay = async () => {
    const existing = await repo.response(taker.districtId, body.responseId);
    if (!existing) return null;
    if (
      existing.administration_id !== administrationId ||
      (existing.respondent_id !== null && existing.respondent_id !== taker.personId)
    )
      throw new ConflictError('This response id is already used by another response.');
    return { responseId: existing.id, submittedWeek: existing.submitted_week, replayed: true };
  };
  assertLinkScope(taker, administrationId);
  const first = await replay();
  if (first) return first;

  const { adm, instrument, units, today } = await loadForTaker(db, taker, administrationId);
  assertOpen(adm, now);
  const unit = unitFor(units, body.subjectKey);
  if (!parseLangs(adm.languages).includes(body.language))
    throw new ValidationError(
      'language',
      `this survey is offered in ${parseLangs(adm.languages).join(', ')}`,
    );
  const problem = findAnswerProblem(instrument, body.answers);
  if (problem) throw new ValidationError(problem.field, problem.reason, problem.row);
  const named = [...new Set(body.answers.flatMap((a) => a.people ?? []))];
  if (named.length) {
    const staff = unit.schoolId ? await repo.staffOf(taker.districtId, unit.schoolId) : [];
    const row = body.answers.findIndex((a) =>
      (a.people ?? []).some((p) => !staff.some((s) => s.id === p)),
    );
    if (row >= 0)
      throw new ValidationError(
        `answers[${row}].people`,
        'names someone who is not an adult at this school',
        row,
      );
  }
  if (
    body.shareWithTeacher &&
    (adm.mode !== 'confidential' || !unit.classId || instrument.respondent !== 'student')
  )
    throw new ValidationError(
      'shareWithTeacher',
      'only a confidential class survey can be shared with its teacher',
    );
  const teacher = unit.classId
    ? (await repo.classTeachers(taker.districtId, [unit.classId], today)).get(unit.classId)
    : undefined;
  const anonymous = adm.mode === 'anonymous';
  const week = weekStart(taker.today);
  try {
    await db.transaction().execute(async (trx) => {
      const r = surveysRepository(trx);
      await r.startParticipation({
        district_id: taker.districtId,
        id: randomUUID(),
        administration_id: adm.id,
        person_id: taker.personId,
        subject_key: unit.subjectKey,
        status: 'started',
        started_at: now.toISOString(),
      });
      const part = (await r.participation(
        taker.districtId,
        adm.id,
        taker.personId,
        unit.subjectKey,
      ))!;
      if (!(await r.finishParticipation(taker.districtId, part.id)))
        throw new AlreadySubmittedError(
          'You already sent your answers to this survey; a survey is answered once.',
        );
      await r.deleteDrafts(taker.districtId, part.id);
      await r.insertResponse(
        {
          district_id: taker.districtId,
          id: body.responseId,
          administration_id: adm.id,
          school_id: unit.schoolId,
          class_id: unit.classId,
          teacher_id: instrument.respondent === 'teacher' ? taker.personId : (teacher?.id ?? null),
          grade: unit.grade,
          language: body.language,
          submitted_week: week,
          respondent_id: anonymous ? null : taker.personId,
          about_student_id: unit.aboutStudentId,
        },
        body.answers.map((a) => ({
          district_id: taker.districtId,
          administration_id: adm.id,
          response_id: body.responseId,
          item_id: a.itemId,
          value: a.value,
        })),
        body.answers.flatMap((a) =>
          (a.people ?? []).map((p) => ({ item_id: a.itemId, person_id: p })),
        ),
      );
      if (body.shareWithTeacher && teacher)
        await r.share(taker.districtId, body.responseId, teacher.id, now.toISOString());
    });
  } catch (e) {
    // Two sends of the same id at once: the loser finds the winner's response.
    const again = e instanceof AlreadySubmittedError ? null : await replay().catch(() => null);
    if (again) return again;
    throw e;
  }
  return { responseId: body.responseId, submittedWeek: week, replayed: false };
}

/** One-time links for the students of a class who have not finished (a teacher of the class, or a leader). */
export async function createSurveyLinks(
  db: Kysely<Database>,
  ctx: RequestContext,
  administrationId: string,
  classId: string,
): Promise<SurveyLinksResponse> {
  const { actor, now, today } = ctx;
  const repo = surveysRepository(db);
  const adm = await repo.getAdministration(actor.districtId, administrationId);
  if (!adm || adm.respondent !== 'student') throw new NotFoundError('This survey');
  const may = access(db, ctx);
  if (actor.role === 'teacher') await may.requireTeachesClass(classId);
  else if (actor.role === 'leader') await may.requireLeadsSchoolOfClass(classId);
  else throw new ForbiddenError();
  if (windowState(adm.opens_at, adm.closes_at, now) === 'closed')
    throw new ValidationError(
      'administrationId',
      `is closed: its window ended at ${adm.closes_at}`,
    );
  const instrument = getInstrument(loadInstrumentLibrary(), adm.instrument_id);
  const targets: TargetSet = (await repo.targets(actor.districtId, [adm.id])).get(adm.id)!;
  const units = (
    await repo.units(actor.districtId, { ...adm, about: instrument.about }, targets, today)
  ).filter((u) => instrument.about !== 'class' || u.classId === classId);
  const inClass = await accessRepository(db).studentsInClasses(
    actor.districtId,
    [classId],
    units.map((u) => u.personId),
    today,
  );
  const studentIds = [...new Set(inClass.map((r) => r.person_id))];
  // Only those who have not finished every unit of theirs in this class need a link.
  const parts = await repo.finishedUnits(actor.districtId, adm.id);
  const open = studentIds.filter((s) =>
    units.some(
      (u) =>
        u.personId === s && !parts.some((p) => p.person_id === s && p.subject_key === u.subjectKey),
    ),
  );
  const links = await createLinks(db, {
    districtId: actor.districtId,
    purpose: 'survey',
    targetId: adm.id,
    subjectPersonIds: open,
    createdByAccountId: actor.accountId,
    expiresAt: adm.closes_at,
    now,
  });
  const names = await repo.studentNames(actor.districtId, open);
  return {
    links: links
      .map((l) => ({
        studentId: l.subjectPersonId,
        name: names.get(l.subjectPersonId) ?? '',
        code: l.code,
        expiresAt: l.expiresAt,
      }))
      .sort((a, b) => a.name.localeCompare(b.name)),
  };
}
