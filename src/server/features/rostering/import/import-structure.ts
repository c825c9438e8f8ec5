// Orgs, academic sessions, courses and classes: the structure people are enrolled in.
import { encodeExtra, type ClassExtra, type CourseExtra } from '../roster-extra.js';
import { type ImportRun, type Item } from './import-run.js';
import type { RosterRow } from './rows.js';

export async function importOrgs(run: ImportRun, rows: RosterRow[]) {
  const items: Item[] = [];
  const types = new Map<string, string>();
  for (const r of rows) {
    const type = r.str('type')!;
    const sid = r.str('sourcedId')!;
    if (type === 'district') {
      if (run.districtSourcedId && run.districtSourcedId !== sid) {
        run.findings.error(
          'orgs.csv',
          r.line,
          'sourcedId',
          `these files are for the district org "${sid}", but this district was imported from "${run.districtSourcedId}"; import into another district (--district)`,
        );
        continue;
      }
      if (!run.districtSourcedId) {
        run.districtSourcedId = sid;
        await run.repo.setDistrictSourcedId(run.districtId, sid);
      }
    }
    types.set(sid, type);
    items.push(
      run.item(r, {
        name: r.str('name'),
        level: 'other',
        org_type: type,
        identifier: r.str('identifier'),
        parent_sourced_id: r.str('parentSourcedId'),
      }),
    );
  }
  const written = await run.write('orgs', 'schools', 'orgs.csv', items, [
    'name',
    'org_type',
    'identifier',
    'parent_sourced_id',
  ]);
  run.remember('orgs', written, (sid) => ({ orgType: types.get(sid)! }));
}

export async function importSessions(run: ImportRun, rows: RosterRow[]) {
  const items: Item[] = [];
  for (const r of rows) {
    const start = r.str('startDate')!;
    const end = r.str('endDate')!;
    if (end < start) {
      run.findings.error(
        'academicSessions.csv',
        r.line,
        'endDate',
        `ends (${end}) before it starts (${start})`,
      );
      continue;
    }
    items.push(
      run.item(r, {
        name: r.str('title'),
        start_date: start,
        end_date: end,
        session_type: r.str('type'),
        parent_sourced_id: r.str('parentSourcedId'),
        school_year: r.str('schoolYear'),
      }),
    );
  }
  const written = await run.write('academicSessions', 'terms', 'academicSessions.csv', items, [
    'name',
    'start_date',
    'end_date',
    'session_type',
    'parent_sourced_id',
    'school_year',
  ]);
  run.remember('academicSessions', written);
}

export async function importCourses(run: ImportRun, rows: RosterRow[]) {
  const items: Item[] = [];
  for (const r of rows) {
    const at = { file: 'courses.csv', line: r.line, column: 'orgSourcedId' };
    const org = run.resolve('orgs', r.str('orgSourcedId')!, at, true);
    if (!org) continue;
    const year = r.str('schoolYearSourcedId');
    if (year)
      run.resolve('academicSessions', year, { ...at, column: 'schoolYearSourcedId' }, false);
    const extra: CourseExtra = {
      ...(year ? { schoolYearSourcedId: year } : {}),
      grades: r.list('grades'),
      subjects: r.list('subjects'),
      subjectCodes: r.list('subjectCodes'),
    };
    items.push(
      run.item(r, {
        school_id: org.id,
        title: r.str('title'),
        code: r.str('courseCode'),
        extra: encodeExtra(extra),
      }),
    );
  }
  const written = await run.write('courses', 'courses', 'courses.csv', items, [
    'school_id',
    'title',
    'code',
    'extra',
  ]);
  run.remember('courses', written);
}

/** Courses that classes name when the set has no courses.csv: made from the class. */
export async function placeholderCourses(run: ImportRun, rows: RosterRow[]) {
  if (run.mode('courses') !== 'absent') return;
  const items: Item[] = [];
  const wanted = new Set<string>();
  for (const r of rows) {
    const sid = r.str('courseSourcedId')!;
    if (run.refs.courses.has(sid) || wanted.has(sid)) continue;
    const school = run.refs.orgs.get(r.str('schoolSourcedId')!);
    if (!school) continue;
    wanted.add(sid);
    run.findings.warn(
      'classes.csv',
      r.line,
      'courseSourcedId',
      'the course is not in Rapport and the set has no courses.csv; a course was made from the class title',
    );
    items.push({
      line: r.line,
      sourcedId: sid,
      active: 1,
      modifiedAt: null,
      row: {
        school_id: school.id,
        title: r.str('title'),
        code: null,
        extra: encodeExtra({ placeholder: true } satisfies CourseExtra),
      },
    });
  }
  if (items.length === 0) return;
  const written = await run.write('courses', 'courses', '', items, [
    'school_id',
    'title',
    'code',
    'extra',
  ]);
  run.remember('courses', written);
}

export async function importClasses(run: ImportRun, rows: RosterRow[]) {
  await placeholderCourses(run, rows);
  const items: Item[] = [];
  for (const r of rows) {
    const at = (column: string) => ({ file: 'classes.csv', line: r.line, column });
    const course = run.resolve('courses', r.str('courseSourcedId')!, at('courseSourcedId'), true);
    const school = run.resolve('orgs', r.str('schoolSourcedId')!, at('schoolSourcedId'), true);
    const termIds = r.list('termSourcedIds');
    const terms = termIds.flatMap((t) => {
      const ref = run.refs.academicSessions.get(t);
      return ref && (ref.seen || run.mode('academicSessions') !== 'bulk') ? [ref] : [];
    });
    if (terms.length === 0)
      run.findings.error(
        'classes.csv',
        r.line,
        'termSourcedIds',
        `none of the class's academic sessions (${termIds.join(', ')}) is in academicSessions.csv${run.mode('academicSessions') === 'bulk' ? '' : ' or in Rapport'}`,
      );
    else if (terms.length < termIds.length)
      for (const t of termIds)
        if (!run.refs.academicSessions.has(t))
          run.resolve('academicSessions', t, at('termSourcedIds'), false);
    if (!course || !school || terms.length === 0) continue;
    if (school.orgType && school.orgType !== 'school')
      run.findings.warn(
        'classes.csv',
        r.line,
        'schoolSourcedId',
        `the org is a ${school.orgType}, not a school; used as the class's school`,
      );
    const extra: ClassExtra = {
      termSourcedIds: termIds,
      grades: r.list('grades'),
      ...(r.str('classCode') ? { classCode: r.str('classCode')! } : {}),
      classType: r.str('classType')!,
      subjects: r.list('subjects'),
      subjectCodes: r.list('subjectCodes'),
      periods: r.list('periods'),
    };
    items.push(
      run.item(r, {
        school_id: school.id,
        course_id: course.id,
        term_id: terms[0]!.id,
        title: r.str('title'),
        period: r.list('periods').join(', ') || null,
        room: r.str('location'),
        extra: encodeExtra(extra),
      }),
    );
  }
  const written = await run.write('classes', 'classes', 'classes.csv', items, [
    'school_id',
    'course_id',
    'term_id',
    'title',
    'period',
    'room',
    'extra',
  ]);
  run.remember('classes', written);
}
