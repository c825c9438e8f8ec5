// Enrollments, guardianships from agentSourcedIds, and accounts of people who left.
import { guardianOf } from '../../../../domain/oneroster/roles.js';
import type { Database } from '../../../platform/db/schema.js';
import { BATCH, KIND_NOUN, type ImportRun, type Item } from './import-run.js';
import type { RosterRow } from './rows.js';

export async function importEnrollments(run: ImportRun, rows: RosterRow[]) {
  const items: Item[] = [];
  for (const r of rows) {
    const at = (column: string) => ({ file: 'enrollments.csv', line: r.line, column });
    const cls = run.resolve('classes', r.str('classSourcedId')!, at('classSourcedId'), true);
    const user = run.resolve('users', r.str('userSourcedId')!, at('userSourcedId'), true);
    run.resolve('orgs', r.str('schoolSourcedId')!, at('schoolSourcedId'), false);
    const begin = r.str('beginDate');
    const end = r.str('endDate');
    if (begin && end && end < begin) {
      run.findings.error(
        'enrollments.csv',
        r.line,
        'endDate',
        `ends (${end}) before it begins (${begin})`,
      );
      continue;
    }
    if (!cls || !user) continue;
    const role = r.str('role')!;
    if (
      (role === 'student') !== (user.kind === 'student') &&
      (role === 'student' || role === 'teacher')
    )
      run.findings.warn(
        'enrollments.csv',
        r.line,
        'role',
        `a ${KIND_NOUN[user.kind ?? 'staff']} enrolled as a ${role}; imported as written`,
      );
    if (cls.active === 0)
      run.findings.warn(
        'enrollments.csv',
        r.line,
        'classSourcedId',
        'the class is marked tobedeleted; the enrollment is kept but the class is not shown',
      );
    const primary = r.get('primary');
    items.push(
      run.item(r, {
        class_id: cls.id,
        person_id: user.id,
        role,
        begin_date: begin,
        end_date: end,
        is_primary: primary === null ? null : primary === 'true' ? 1 : 0,
      }),
    );
  }
  // One row per (class, person): a second enrollment of the same user in the same class is
  // merged into the first; an old row for the pair under another sourcedId takes the new one.
  const wantedPairs = new Set(items.map((i) => `${i.row.class_id}|${i.row.person_id}`));
  const byPair = new Map<string, Database['enrollments']>();
  for (const e of await run.repo.enrollmentsOf(run.districtId, [
    ...new Set(items.map((i) => i.row.person_id as string)),
  ])) {
    const key = `${e.class_id}|${e.person_id}`;
    if (wantedPairs.has(key)) byPair.set(key, e);
  }
  // Only a pair held under another sourcedId can be a second enrollment of the same user.
  const bySid = new Map(items.map((i) => [`${i.row.class_id}|${i.row.person_id}`, i.sourcedId]));
  const seen = await run.repo.seenLines(
    'enrollments',
    [...byPair.entries()].flatMap(([key, e]) =>
      e.sourced_id && e.sourced_id !== bySid.get(key) ? [e.sourced_id] : [],
    ),
  );
  const kept: Item[] = [];
  const pairsInBatch = new Map<string, Item>();
  for (const it of items) {
    const key = `${it.row.class_id}|${it.row.person_id}`;
    const other = pairsInBatch.get(key);
    const ex = byPair.get(key);
    const firstLine = other?.line ?? (ex?.sourced_id ? seen.get(ex.sourced_id) : undefined);
    if (firstLine !== undefined && (other?.sourcedId ?? ex?.sourced_id) !== it.sourcedId) {
      run.findings.warn(
        'enrollments.csv',
        it.line,
        'sourcedId',
        `the user is already enrolled in this class by line ${firstLine}; Rapport keeps one enrollment per user and class, so this row was skipped`,
      );
      continue;
    }
    if (ex && ex.sourced_id !== it.sourcedId)
      await run.repo.rekeyEnrollment(run.districtId, ex.class_id, ex.person_id, it.sourcedId);
    pairsInBatch.set(key, it);
    kept.push(it);
  }
  await run.write('enrollments', 'enrollments', 'enrollments.csv', kept, [
    'class_id',
    'person_id',
    'role',
    'begin_date',
    'end_date',
    'is_primary',
  ]);
}

/** Links from agentSourcedIds: a guardian-kind user and a student, either way round. */
export async function importGuardianships(run: ImportRun) {
  if (run.agents.length === 0 && run.mode('users') !== 'bulk') return;
  const counts = run.counts.guardianships;
  const links = new Map<string, Database['guardianships']>();
  for (const { user, agent, line } of run.agents) {
    const a = run.refs.users.get(user);
    const b = run.resolve(
      'users',
      agent,
      { file: 'users.csv', line, column: 'agentSourcedIds' },
      false,
    );
    if (!a || !b) continue;
    const guardian = guardianOf(a.kind, b.kind);
    const pair =
      guardian === 'second'
        ? { g: b, s: a, gSid: agent }
        : guardian === 'first'
          ? { g: a, s: b, gSid: user }
          : null;
    if (!pair) {
      run.findings.warn(
        'users.csv',
        line,
        'agentSourcedIds',
        `a link between a ${KIND_NOUN[a.kind ?? 'staff']} and a ${KIND_NOUN[b.kind ?? 'staff']} is not a guardianship; kept in the roster, not used`,
      );
      continue;
    }
    links.set(`${pair.g.id}|${pair.s.id}`, {
      district_id: run.districtId,
      guardian_id: pair.g.id,
      student_id: pair.s.id,
      relationship: run.guardianRoles.get(pair.gSid) ?? 'guardian',
      active: 1,
    });
  }
  const all = [...links.values()];
  for (let i = 0; i < all.length; i += BATCH) {
    const batch = all.slice(i, i + BATCH);
    const existing = new Map(
      (
        await run.repo.guardianshipsOf(run.districtId, [
          ...new Set(batch.map((l) => l.guardian_id)),
        ])
      ).map((g) => [`${g.guardian_id}|${g.student_id}`, g]),
    );
    const upserts = batch.filter((l) => {
      const ex = existing.get(`${l.guardian_id}|${l.student_id}`);
      if (!ex) return (counts.added++, true);
      if (ex.relationship === l.relationship && Number(ex.active) === 1)
        return (counts.unchanged++, false);
      return (counts.updated++, true);
    });
    await run.repo.upsertGuardianships(upserts);
    await run.repo.claimSeen(
      'guardianships',
      batch.map((l) => ({ key: `${l.guardian_id}|${l.student_id}`, line: 0 })),
    );
  }
  if (run.mode('users') !== 'bulk') return;
  counts.deactivated += await run.repo.deactivateMissingGuardianships(run.districtId);
}

export async function deactivateAccountsOfInactivePeople(run: ImportRun) {
  run.counts.accounts.deactivated += await run.repo.deactivateAccountsOfInactivePeople(
    run.districtId,
  );
}
