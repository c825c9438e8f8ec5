// Who may open which survey report (docs/decisions/015-survey-reports.md):
// - a teacher: the reports of classes they teach, and their own teacher-level report;
// - a school leader: their school's report; teacher- and class-level reports of their school
//   only where the district allows it;
// - a district admin: every report of the district.
// A report below school level opened by anyone but its teacher is written to the audit log
// (by the service). Anything not allowed is "not found": existence is not revealed.
import type { ReportScopeKind } from '../../../contracts/survey-reports.js';
import { leadsSchool, type Access } from '../../platform/access/access.js';
import type { Actor } from '../../platform/auth/actor.js';
import { NotFoundError } from '../../platform/errors.js';
import type { SurveyReportsRepository } from './survey-reports.repository.js';

export interface ReportAccess {
  /** The school whose publication the report is taken from. */
  schoolId: string;
  /** True when the viewer is not the teacher the report is about (a non-owner read). */
  audited: boolean;
}

export async function authorizeReport(
  repo: SurveyReportsRepository,
  may: Access,
  actor: Actor,
  administration: { id: string; school_id: string | null },
  scope: ReportScopeKind,
  scopeId: string,
  leadersSeeTeachers: boolean,
): Promise<ReportAccess> {
  const notFound = () => new NotFoundError('This report');
  const d = actor.districtId;
  const inAdministration = async (schoolId: string) => {
    if (administration.school_id !== null) return administration.school_id === schoolId;
    const scopes = await repo.responseScopes(d, administration.id);
    return scopes.some((s) => s.school_id === schoolId);
  };

  if (scope === 'school') {
    if (
      !leadsSchool(actor, scopeId) ||
      !(await repo.school(d, scopeId)) ||
      !(await inAdministration(scopeId))
    )
      throw notFound();
    return { schoolId: scopeId, audited: false };
  }

  if (scope === 'class') {
    const [cls] = await repo.classes(d, [scopeId]);
    if (!cls || !(await inAdministration(cls.school_id))) throw notFound();
    if (await may.hasTaughtClass(scopeId)) return { schoolId: cls.school_id, audited: false };
    if (actor.role === 'district_admin') return { schoolId: cls.school_id, audited: true };
    if (actor.role === 'leader' && leadersSeeTeachers && actor.schoolId === cls.school_id)
      return { schoolId: cls.school_id, audited: true };
    throw notFound();
  }

  // A teacher's report: the school their responses in this administration belong to.
  const schools = (await repo.responseScopes(d, administration.id))
    .filter((s) => s.teacher_id === scopeId && s.school_id !== null)
    .map((s) => s.school_id!);
  const schoolId = schools.sort()[0];
  if (schoolId === undefined) throw notFound();
  if (actor.role === 'teacher' && actor.personId === scopeId) return { schoolId, audited: false };
  if (actor.role === 'district_admin') return { schoolId, audited: true };
  if (actor.role === 'leader' && leadersSeeTeachers && actor.schoolId === schoolId)
    return { schoolId, audited: true };
  throw notFound();
}
