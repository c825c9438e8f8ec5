// Survey reports: which reports a viewer may open, each report (a selection of its school's
// publication), its CSV export, and the district's settings. Permission is checked before any
// answer is read; results exist only once an administration's window has closed.
import type { Kysely } from 'kysely';
import type {
  AdministrationView,
  GroupView,
  HiddenView,
  ReportListResponse,
  ReportParams,
  ReportRef,
  ReportResponse,
  ReportSettingsBody,
  ReportSettingsResponse,
  ScaleView,
} from '../../../contracts/survey-reports.js';
import type { InstrumentFile } from '../../../contracts/instruments.js';
import { minimumGroupSize } from '../../../domain/stats/suppression.js';
import { groupKey, waveChange, type GroupReport } from '../../../domain/surveys/report.js';
import type { Hidden } from '../../../domain/surveys/publication.js';
import { access, leadsSchool } from '../../platform/access/access.js';
import { recordAudit } from '../../platform/audit/audit.repository.js';
import type { RequestContext } from '../../platform/context/request-context.js';
import type { Database } from '../../platform/db/schema.js';
import { ConflictError, NotFoundError } from '../../platform/errors.js';
import { getInstrument, loadInstrumentLibrary } from '../../platform/content/instruments.js';
import { instrumentScales, publishSchool, type SchoolPublication } from './published.js';
import { authorizeReport } from './survey-reports.policy.js';
import {
  surveyReportsRepository,
  type SurveyReportsRepository,
} from './survey-reports.repository.js';

type Administration = NonNullable<Awaited<ReturnType<SurveyReportsRepository['administration']>>>;

export interface ReportSettings {
  minimum: number;
  configured: number | null;
  leadersSeeTeachers: boolean;
}

export async function reportSettings(
  repo: SurveyReportsRepository,
  districtId: string,
  serverMinimum: number,
): Promise<ReportSettings> {
  const row = await repo.settings(districtId);
  const configured = row?.min_group_size ?? null;
  return {
    minimum: minimumGroupSize(configured ?? serverMinimum),
    configured,
    leadersSeeTeachers: row?.leaders_see_teachers === 1,
  };
}

export function administrationView(
  a: Administration,
  instrument: InstrumentFile,
): AdministrationView {
  return {
    id: a.id,
    instrumentId: a.instrument_id,
    title: instrument.title,
    waveName: a.wave_name,
    schoolYear: a.school_year,
    mode: a.mode,
    opensAt: a.opens_at,
    closesAt: a.closes_at,
  };
}

/** A closed student administration, or "not found" / "not yet". */
async function closedAdministration(
  repo: SurveyReportsRepository,
  ctx: RequestContext,
  administrationId: string,
): Promise<Administration> {
  const { actor, now } = ctx;
  const a = await repo.administration(actor.districtId, administrationId);
  if (!a || a.respondent !== 'student') throw new NotFoundError('This survey administration');
  if (a.closes_at > now.toISOString())
    throw new ConflictError(
      `Results appear when the survey window closes (${a.closes_at}); until then no figure is shown.`,
    );
  return a;
}

const hiddenView = (reason: Hidden, minimum: number): HiddenView => ({ reason, minimum });

function scaleViews(
  g: GroupReport,
  instrument: InstrumentFile,
  minimum: number,
  change: (scaleKey: string) => ScaleView['change'],
): ScaleView[] {
  const texts = new Map(instrument.items.map((i) => [i.id, i.text]));
  return g.scales.map((s): ScaleView => {
    const def = instrument.scales.find((x) => x.id === s.key)!;
    const base = { key: s.key, title: def.title, favourableEnd: def.favourable };
    if (!s.shown)
      return {
        ...base,
        hidden: hiddenView(s.hidden, minimum),
        figures: null,
        change: null,
        items: [],
      };
    return {
      ...base,
      hidden: null,
      figures: {
        n: s.n,
        score: s.score,
        sd: s.sd,
        favourable: s.favourable,
        distribution: s.distribution,
        alphaPairwise: s.alpha.pairwise,
        alphaListwise: s.alpha.listwise,
      },
      change: change(s.key),
      items: s.items.map((it) => {
        const text = texts.get(it.key)!;
        if (!it.shown)
          return {
            key: it.key,
            text,
            reverse: false,
            hidden: hiddenView(it.hidden, minimum),
            figures: null,
          };
        return {
          key: it.key,
          text,
          reverse: it.reverse,
          hidden: null,
          figures: {
            n: it.n,
            mean: it.mean,
            favourable: it.favourable,
            distribution: it.distribution,
          },
        };
      }),
    };
  });
}

function demographicLabel(id: string): string {
  const [attribute, value] = id.split('=');
  return `${attribute}: ${value}`;
}

export function groupView(
  pub: SchoolPublication,
  previous: SchoolPublication | null,
  key: string,
  instrument: InstrumentFile,
  minimum: number,
): GroupView {
  const g = pub.published.groups.get(key);
  const [kind, ...rest] = key.split(':');
  const id = rest.join(':');
  const label =
    pub.labels.get(key) ??
    (kind === 'grade' ? id : kind === 'demographic' ? demographicLabel(id) : id);
  if (!g) {
    // No response at all in the group: as hidden as a small one.
    return {
      kind: kind as GroupView['kind'],
      id,
      label,
      hidden: hiddenView('small', minimum),
      n: null,
      invited: null,
      responseRate: null,
      scales: instrument.scales.map((s) => ({
        key: s.id,
        title: s.title,
        favourableEnd: s.favourable,
        hidden: hiddenView('small', minimum),
        figures: null,
        change: null,
        items: [],
      })),
    };
  }
  const change = (scaleKey: string) => {
    if (!previous) return null;
    const c = waveChange(previous.published, pub.published, key, scaleKey);
    return c ? { difference: c.difference, ci95: c.ci95, before: c.before, after: c.after } : null;
  };
  return {
    kind: g.kind,
    id: g.id,
    label,
    hidden: g.responses.shown ? null : hiddenView(g.responses.hidden, minimum),
    n: g.responses.shown ? g.responses.n : null,
    // Invited counts come from the roster, not from answers: shown with the group.
    invited: g.responses.shown ? g.invited : null,
    responseRate: g.responseRate,
    scales: scaleViews(g, instrument, minimum, change),
  };
}

/** The group keys of a report: the scope's own group, then its breakdowns. */
export function reportKeys(pub: SchoolPublication, scope: ReportParams['scope'], scopeId: string) {
  const all = [...pub.published.groups.values()];
  const sortBy = (kind: string) =>
    all
      .filter((g) => g.kind === kind)
      .map((g) => g.key)
      .sort((a, b) => (pub.labels.get(a) ?? a).localeCompare(pub.labels.get(b) ?? b));
  if (scope === 'class') return [groupKey('class', scopeId)];
  if (scope === 'teacher') {
    // The teacher's classes: those with responses counted for this teacher.
    return [groupKey('teacher', scopeId), ...(pub.classesOfTeacher.get(scopeId) ?? [])];
  }
  // A school: its grades and, sensitive, its demographic groups (suppressed aggregates only).
  return [groupKey('school', scopeId), ...sortBy('grade'), ...sortBy('demographic')];
}

export async function listReports(
  db: Kysely<Database>,
  ctx: RequestContext,
  serverMinimum: number,
): Promise<ReportListResponse> {
  const { actor, now } = ctx;
  const may = access(db, ctx);
  const repo = surveyReportsRepository(db);
  const settings = await reportSettings(repo, actor.districtId, serverMinimum);
  const library = loadInstrumentLibrary();
  const out: ReportListResponse['administrations'] = [];
  for (const a of await repo.closedStudentAdministrations(actor.districtId, now.toISOString())) {
    const instrument = library.instruments.get(a.instrument_id);
    if (!instrument) continue;
    const scopes = await repo.responseScopes(actor.districtId, a.id);
    const refs: ReportRef[] = [];
    const schools = [...new Set(scopes.map((s) => s.school_id).filter((s): s is string => !!s))];
    const teachers = [...new Set(scopes.map((s) => s.teacher_id).filter((s): s is string => !!s))];
    const classIds = [...new Set(scopes.map((s) => s.class_id).filter((s): s is string => !!s))];
    const classes = await repo.classes(actor.districtId, classIds);
    const people = await repo.people(actor.districtId, teachers);
    const schoolOfTeacher = new Map(
      scopes.filter((s) => s.teacher_id && s.school_id).map((s) => [s.teacher_id!, s.school_id!]),
    );
    const teacherRef = (id: string): ReportRef => {
      const p = people.find((x) => x.id === id);
      return {
        kind: 'teacher',
        id,
        label: p ? `${p.preferred_name ?? p.given_name} ${p.family_name}` : id,
      };
    };
    const classRef = (c: (typeof classes)[number]): ReportRef => ({
      kind: 'class',
      id: c.id,
      label: c.period ? `${c.title} (${c.period})` : c.title,
    });
    if (actor.role === 'teacher' && actor.personId) {
      if (teachers.includes(actor.personId)) refs.push(teacherRef(actor.personId));
      for (const c of classes) if (await may.hasTaughtClass(c.id)) refs.push(classRef(c));
    } else if (actor.role === 'leader' || actor.role === 'district_admin') {
      const mine = schools.filter((s) => leadsSchool(actor, s));
      for (const s of mine) {
        const school = await repo.school(actor.districtId, s);
        refs.push({ kind: 'school', id: s, label: school?.name ?? s });
      }
      if (actor.role === 'district_admin' || settings.leadersSeeTeachers) {
        for (const t of teachers)
          if (mine.includes(schoolOfTeacher.get(t) ?? '')) refs.push(teacherRef(t));
        for (const c of classes) if (mine.includes(c.school_id)) refs.push(classRef(c));
      }
    }
    if (refs.length > 0)
      out.push({ administration: administrationView(a, instrument), reports: refs });
  }
  return { administrations: out };
}

export async function getReport(
  db: Kysely<Database>,
  ctx: RequestContext,
  params: ReportParams,
  serverMinimum: number,
  purpose: 'read' | 'export' = 'read',
): Promise<ReportResponse> {
  const { actor } = ctx;
  const repo = surveyReportsRepository(db);
  const a = await closedAdministration(repo, ctx, params.administrationId);
  const settings = await reportSettings(repo, actor.districtId, serverMinimum);
  const reached = await authorizeReport(
    repo,
    access(db, ctx),
    actor,
    a,
    params.scope,
    params.scopeId,
    settings.leadersSeeTeachers,
  );
  if (reached.audited || purpose === 'export')
    await recordAudit(db, actor, {
      action: purpose === 'export' ? 'export' : 'read',
      subjectType: `survey_report_${params.scope}`,
      subjectId: params.scopeId,
      detail: { administrationId: a.id, schoolId: reached.schoolId },
    });
  const instrument = getInstrument(loadInstrumentLibrary(), a.instrument_id);
  const scales = instrumentScales(instrument);
  const pub = await publishSchool(
    repo,
    actor.districtId,
    a,
    reached.schoolId,
    scales,
    settings.minimum,
  );
  const prev = await repo.previousAdministration(actor.districtId, a);
  const previous = prev
    ? await publishSchool(repo, actor.districtId, prev, reached.schoolId, scales, settings.minimum)
    : null;
  const keys = reportKeys(pub, params.scope, params.scopeId);
  const groups = keys.map((k) => groupView(pub, previous, k, instrument, settings.minimum));
  return {
    administration: administrationView(a, instrument),
    scope: { kind: params.scope, id: params.scopeId, label: groups[0]!.label },
    minimum: settings.minimum,
    previous: prev
      ? { administrationId: prev.id, waveName: prev.wave_name, schoolYear: prev.school_year }
      : null,
    groups,
  };
}

export async function getSettings(
  db: Kysely<Database>,
  ctx: RequestContext,
  serverMinimum: number,
): Promise<ReportSettingsResponse> {
  const s = await reportSettings(surveyReportsRepository(db), ctx.actor.districtId, serverMinimum);
  return {
    minGroupSize: s.minimum,
    configuredMinGroupSize: s.configured,
    serverMinGroupSize: serverMinimum,
    leadersSeeTeachers: s.leadersSeeTeachers,
  };
}

export async function updateSettings(
  db: Kysely<Database>,
  ctx: RequestContext,
  body: ReportSettingsBody,
  serverMinimum: number,
): Promise<ReportSettingsResponse> {
  const { actor, now } = ctx;
  await db.transaction().execute(async (trx) => {
    await surveyReportsRepository(trx).saveSettings(
      actor.districtId,
      body,
      actor.accountId,
      now.toISOString(),
    );
    await recordAudit(trx, actor, {
      action: 'update',
      subjectType: 'survey_report_settings',
      subjectId: actor.districtId,
      detail: { ...body },
    });
  });
  return getSettings(db, ctx, serverMinimum);
}

/**
 * Every school report and every teacher report (with its classes) of one administration, as
 * the routes build them: what `npm run bench -- surveys` times.
 */
export async function computeAllReports(
  db: Kysely<Database>,
  districtId: string,
  administration: { id: string; mode: string },
  instrument: InstrumentFile,
  minimum: number,
) {
  const repo = surveyReportsRepository(db);
  const scales = instrumentScales(instrument);
  const scopes = await repo.responseScopes(districtId, administration.id);
  const schools = [...new Set(scopes.map((s) => s.school_id).filter((s): s is string => !!s))];
  const schoolReports = new Map<string, GroupView[]>();
  const teacherReports = new Map<string, GroupView[]>();
  for (const schoolId of schools.sort()) {
    const pub = await publishSchool(repo, districtId, administration, schoolId, scales, minimum);
    const view = (k: string) => groupView(pub, null, k, instrument, minimum);
    schoolReports.set(schoolId, reportKeys(pub, 'school', schoolId).map(view));
    for (const teacherId of pub.classesOfTeacher.keys())
      teacherReports.set(teacherId, reportKeys(pub, 'teacher', teacherId).map(view));
  }
  return { schoolReports, teacherReports };
}
