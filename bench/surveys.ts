// Survey reports at district scale: 50,000 responses × 20 items in one administration (ten
// schools), every school report and every teacher report (with its classes) computed by the
// code the routes use (computeAllReports: reading through Kysely, scoring, publication with
// suppression, alpha, views), against one aggregate SQL pass over the same answers
// (class × item × value counts, raw better-sqlite3) in the same run. ratio = reports ÷ pass.
import { mkdtempSync, rmSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import SQLite from 'better-sqlite3';
import type { InstrumentFile } from '../src/contracts/instruments.js';
import { migrateToLatest, openDatabase } from '../src/server/platform/db/database.js';
import {
  getInstrument,
  loadInstrumentLibrary,
} from '../src/server/platform/content/instruments.js';
import { computeAllReports } from '../src/server/features/survey-reports/survey-reports.service.js';
import {
  codeVersion,
  machine,
  median,
  round,
  writeResult,
  type Benchmark,
} from './lib/benchmark.js';

const TARGET_SECONDS = 2;
const ROUNDS = 3;
const MINIMUM = 5;
const SCHOOLS = 10;
const CLASSES_PER_SCHOOL = 200;
const CLASSES_PER_TEACHER = 5;
/** Respondents per class, repeated: mean 25, with one class of 3 in ten (suppressed). */
const CLASS_SIZES = [3, 47, 25, 25, 20, 30, 22, 28, 25, 25];
const SKIP_RATE = 0.03;
const DISTRICT = 'bench-district';
const ADMINISTRATION = 'bench-administration';

/** mulberry32: a small seeded PRNG, so every run measures the same data. */
function prng(seed: number) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** The 20-item instrument: the student–teacher relationship and the classroom climate together. */
function benchInstrument(): InstrumentFile {
  const library = loadInstrumentLibrary();
  const a = getInstrument(library, 'student-teacher-relationship');
  const b = getInstrument(library, 'classroom-climate');
  return { ...a, scales: [...a.scales, ...b.scales], items: [...a.items, ...b.items] };
}

function load(file: string, instrument: InstrumentFile, schools: number) {
  const sqlite = new SQLite(file);
  sqlite.pragma('journal_mode = WAL');
  sqlite.pragma('synchronous = OFF');
  const random = prng(1);
  const now = '2026-11-30T00:00:00.000Z';
  const items = instrument.items.map((i) => i.id);
  const ins = (table: string, cols: string[]) =>
    sqlite.prepare(
      `insert into ${table} (${cols.join(',')}) values (${cols.map(() => '?').join(',')})`,
    );
  const district = ins('districts', ['id', 'name', 'timezone', 'created_at']);
  const school = ins('schools', ['district_id', 'id', 'name', 'level', 'active']);
  const term = ins('terms', ['district_id', 'id', 'name', 'start_date', 'end_date', 'active']);
  const course = ins('courses', ['district_id', 'id', 'school_id', 'title', 'active']);
  const cls = ins('classes', [
    'district_id',
    'id',
    'school_id',
    'course_id',
    'term_id',
    'title',
    'period',
    'meeting_days',
    'active',
  ]);
  const person = ins('people', [
    'district_id',
    'id',
    'kind',
    'given_name',
    'family_name',
    'grade',
    'school_id',
    'active',
  ]);
  const enrollment = ins('enrollments', ['district_id', 'class_id', 'person_id', 'role', 'active']);
  const wave = ins('survey_waves', ['district_id', 'id', 'school_year', 'name', 'created_at']);
  const administration = ins('survey_administrations', [
    'district_id',
    'id',
    'school_id',
    'wave_id',
    'instrument_id',
    'instrument_version',
    'respondent',
    'mode',
    'languages',
    'opens_at',
    'closes_at',
    'created_by_account_id',
    'created_at',
  ]);
  const target = ins('survey_administration_targets', [
    'district_id',
    'administration_id',
    'kind',
    'value',
  ]);
  const response = ins('survey_responses', [
    'district_id',
    'id',
    'administration_id',
    'school_id',
    'class_id',
    'teacher_id',
    'grade',
    'language',
    'submitted_week',
  ]);
  // Answers go in 50 rows a statement.
  const ANSWER_BATCH = 50;
  const answerMany = sqlite.prepare(
    `insert into survey_answers (district_id, administration_id, response_id, item_id, value) values ${Array.from({ length: ANSWER_BATCH }, () => '(?,?,?,?,?)').join(',')}`,
  );
  const answerOne = ins('survey_answers', [
    'district_id',
    'administration_id',
    'response_id',
    'item_id',
    'value',
  ]);
  // Answers of respondents who answered under half of a scale's items: not in that scale's
  // figures (scoring.ts), so the correctness check takes them off the aggregate pass's counts.
  const unscored = new Map<string, number>();
  const scaleOf = instrument.items.map((i) => i.scale ?? '');
  const scaleSize = new Map<string, number>();
  for (const sc of scaleOf) scaleSize.set(sc, (scaleSize.get(sc) ?? 0) + 1);
  let pending: unknown[] = [];
  let answers = 0;
  let responses = 0;
  const flush = (all: boolean) => {
    while (pending.length >= ANSWER_BATCH * 5) {
      answerMany.run(pending.slice(0, ANSWER_BATCH * 5));
      pending = pending.slice(ANSWER_BATCH * 5);
    }
    if (all) {
      for (let i = 0; i < pending.length; i += 5) answerOne.run(pending.slice(i, i + 5));
      pending = [];
    }
  };
  sqlite.transaction(() => {
    district.run(DISTRICT, 'Bench District', 'America/Chicago', now);
    term.run(DISTRICT, 'bench-term', 'Year', '2026-08-20', '2027-05-29', 1);
    wave.run(DISTRICT, 'bench-wave', '2026-2027', 'fall', now);
    administration.run(
      DISTRICT,
      ADMINISTRATION,
      null,
      'bench-wave',
      'student-teacher-relationship',
      1,
      'student',
      'anonymous',
      '["en","es"]',
      '2026-10-01T12:00:00.000Z',
      '2026-10-20T12:00:00.000Z',
      'bench',
      now,
    );
    for (let s = 0; s < schools; s++) {
      const schoolId = `school-${s}`;
      school.run(DISTRICT, schoolId, `School ${s}`, 'middle', 1);
      course.run(DISTRICT, `course-${s}`, schoolId, 'Homeroom', 1);
      const teachers = CLASSES_PER_SCHOOL / CLASSES_PER_TEACHER;
      for (let t = 0; t < teachers; t++)
        person.run(
          DISTRICT,
          `teacher-${s}-${t}`,
          'staff',
          `T${t}`,
          `Teacher ${s}`,
          null,
          schoolId,
          1,
        );
      let studentNo = 0;
      for (let c = 0; c < CLASSES_PER_SCHOOL; c++) {
        const classId = `class-${s}-${c}`;
        const teacherId = `teacher-${s}-${Math.floor(c / CLASSES_PER_TEACHER)}`;
        const grade = String(6 + (c % 3));
        cls.run(
          DISTRICT,
          classId,
          schoolId,
          `course-${s}`,
          'bench-term',
          `Class ${c}`,
          String(1 + (c % 5)),
          '12345',
          1,
        );
        enrollment.run(DISTRICT, classId, teacherId, 'teacher', 1);
        target.run(DISTRICT, ADMINISTRATION, 'class', classId);
        const size = CLASS_SIZES[c % CLASS_SIZES.length]!;
        // Each class has its own climate: a mean the answers scatter around.
        const classMean = 2.6 + random() * 1.8;
        for (let i = 0; i < size; i++) {
          const studentId = `student-${s}-${studentNo++}`;
          person.run(
            DISTRICT,
            studentId,
            'student',
            `S${studentNo}`,
            'Student',
            grade,
            schoolId,
            1,
          );
          enrollment.run(DISTRICT, classId, studentId, 'student', 1);
          const responseId = `response-${s}-${c}-${i}`;
          response.run(
            DISTRICT,
            responseId,
            ADMINISTRATION,
            schoolId,
            classId,
            teacherId,
            grade,
            'en',
            '2026-10-05',
          );
          responses++;
          const person_ = classMean + (random() - 0.5) * 1.6;
          const given: Array<[string, string, number]> = [];
          for (const [j, item] of items.entries()) {
            if (random() < SKIP_RATE) continue;
            const raw = Math.min(5, Math.max(1, Math.round(person_ + (random() - 0.5) * 2)));
            const reverse = instrument.items[j]!.reverse === true;
            const value = reverse ? 6 - raw : raw;
            pending.push(DISTRICT, ADMINISTRATION, responseId, item, value);
            given.push([scaleOf[j]!, item, value]);
            answers++;
          }
          for (const [sc, k] of scaleSize) {
            const mine = given.filter((g) => g[0] === sc);
            if (mine.length >= Math.ceil(k / 2)) continue;
            for (const [, item, value] of mine) {
              const key = `${classId}|${item}|${value}`;
              unscored.set(key, (unscored.get(key) ?? 0) + 1);
            }
          }
          flush(false);
        }
      }
    }
    flush(true);
  })();
  sqlite.exec('analyze');
  return { sqlite, responses, answers, unscored };
}

const BASELINE_SQL = `select r.class_id, a.item_id, a.value, count(*) as n
  from survey_answers a
  join survey_responses r on r.district_id = a.district_id
    and r.administration_id = a.administration_id and r.id = a.response_id
  where a.district_id = ? and a.administration_id = ?
  group by r.class_id, a.item_id, a.value`;

export const surveysBenchmark: Benchmark = {
  name: 'surveys',
  description:
    'every teacher and school report of 50,000 responses × 20 items vs one aggregate SQL pass (SQLite)',
  flags: { small: 'two schools (10,000 responses), to try the harness or profile; no result file' },
  async run(flags) {
    const small = flags?.has('small') ?? false;
    const schools = small ? 2 : SCHOOLS;
    const dir = mkdtempSync(join(tmpdir(), 'rapport-bench-surveys-'));
    const file = join(dir, 'surveys.db');
    const db = openDatabase({ dialect: 'sqlite', path: file });
    try {
      await migrateToLatest(db);
      const instrument = benchInstrument();
      const loadStart = performance.now();
      const { sqlite, responses, answers, unscored } = load(file, instrument, schools);
      console.log(
        `loaded ${responses} responses in ${round((performance.now() - loadStart) / 1000, 1)} s`,
      );
      const loadSeconds = (performance.now() - loadStart) / 1000;
      const baseline = sqlite.prepare(BASELINE_SQL);

      const timeReports = async () => {
        const t0 = performance.now();
        const cpu0 = process.cpuUsage();
        const result = await computeAllReports(
          db.kysely,
          DISTRICT,
          { id: ADMINISTRATION, mode: 'anonymous' },
          instrument,
          MINIMUM,
        );
        const cpu = process.cpuUsage(cpu0);
        return {
          seconds: (performance.now() - t0) / 1000,
          cpuSeconds: (cpu.user + cpu.system) / 1e6,
          result,
        };
      };
      const timeBaseline = () => {
        const t0 = performance.now();
        const rows = baseline.all(DISTRICT, ADMINISTRATION) as Array<{
          class_id: string;
          item_id: string;
          value: number;
          n: number;
        }>;
        return { seconds: (performance.now() - t0) / 1000, rows };
      };

      // Alternating rounds; the median sets aside the first (cold caches, JIT).
      const rounds: Array<{
        reportsSeconds: number;
        reportsCpuSeconds: number;
        baselineSeconds: number;
      }> = [];
      let last: Awaited<ReturnType<typeof timeReports>>['result'] | null = null;
      let baseRows: ReturnType<typeof timeBaseline>['rows'] = [];
      for (let r = 0; r < ROUNDS; r++) {
        const b = timeBaseline();
        const t = await timeReports();
        rounds.push({
          reportsSeconds: round(t.seconds, 3),
          reportsCpuSeconds: round(t.cpuSeconds, 3),
          baselineSeconds: round(b.seconds, 4),
        });
        last = t.result;
        baseRows = b.rows;
      }

      // Correctness: every shown item distribution of every shown class in the teachers'
      // reports equals the aggregate pass's counts; the school counts add up to the responses.
      const counts = new Map(
        baseRows.map((r) => [`${r.class_id}|${r.item_id}|${r.value}`, Number(r.n)]),
      );
      let checkedCells = 0;
      let shownClasses = 0;
      let hiddenClasses = 0;
      for (const views of last!.teacherReports.values())
        for (const g of views) {
          if (g.kind !== 'class') continue;
          if (g.n === null) {
            hiddenClasses++;
            continue;
          }
          shownClasses++;
          for (const s of g.scales)
            for (const it of s.items) {
              if (!it.figures) continue;
              it.figures.distribution.forEach((n, v) => {
                const key = `${g.id}|${it.key}|${v + 1}`;
                const expected = (counts.get(key) ?? 0) - (unscored.get(key) ?? 0);
                if (n !== expected)
                  throw new Error(
                    `class ${g.id} item ${it.key} option ${v + 1}: ${n} ≠ ${expected}`,
                  );
                checkedCells++;
              });
            }
        }
      const schoolTotal = [...last!.schoolReports.values()].reduce(
        (sum, v) => sum + (v[0]!.n ?? 0),
        0,
      );
      if (schoolTotal !== responses)
        throw new Error(`schools count ${schoolTotal} ≠ ${responses} responses`);
      if (checkedCells === 0) throw new Error('no class figure was checked');

      const seconds = median(rounds.map((r) => r.reportsSeconds));
      const baselineSeconds = median(rounds.map((r) => r.baselineSeconds));
      const result = {
        name: 'surveys',
        date: new Date().toISOString(),
        machine: machine(),
        code: codeVersion(),
        dialect: 'sqlite',
        data: {
          schools,
          classes: schools * CLASSES_PER_SCHOOL,
          teachers: last!.teacherReports.size,
          responses,
          items: instrument.items.length,
          answers,
          skipRate: SKIP_RATE,
          minimum: MINIMUM,
          loadSeconds: round(loadSeconds, 1),
        },
        seconds: round(seconds, 3),
        baselineSeconds: round(baselineSeconds, 4),
        ratio: round(seconds / baselineSeconds, 1),
        target: { seconds: TARGET_SECONDS },
        meetsTarget: seconds < TARGET_SECONDS,
        reports: {
          school: last!.schoolReports.size,
          teacher: last!.teacherReports.size,
          classesShown: shownClasses,
          classesHidden: hiddenClasses,
        },
        checks: { itemCellsMatched: checkedCells, schoolResponses: schoolTotal },
        rounds,
        method: {
          reports:
            "computeAllReports(): per school, read the responses with their answers (one row a response) through Kysely, publish in one pass (scores once, every group's figures and alpha from running sums, suppression per measure with the group structure built once), then every school view and teacher view",
          baseline: BASELINE_SQL.replace(/\s+/g, ' '),
          loadAverage: loadavg().map((l) => round(l, 2)),
        },
      };
      if (!small) writeResult('surveys', result);
      sqlite.close();
      return [
        `reports: ${result.seconds} s (median of ${ROUNDS}; target < ${TARGET_SECONDS} s: ${result.meetsTarget ? 'met' : 'NOT met'})`,
        `aggregate SQL pass: ${result.baselineSeconds} s; ratio ${result.ratio}`,
        `${responses} responses, ${answers} answers; ${result.reports.school} school and ${result.reports.teacher} teacher reports; ${checkedCells} item cells matched`,
      ].join('\n');
    } finally {
      await db.close();
      rmSync(dir, { recursive: true, force: true });
    }
  },
};
