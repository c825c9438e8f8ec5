// Users (with 1.2 roles), their sign-in accounts, and their demographics.
import type { Database } from '../../../platform/db/schema.js';
import { accountRole, personKind } from '../../../../domain/oneroster/roles.js';
import { timeOrderedId } from '../../../platform/db/ids.js';
import { decodeExtra, encodeExtra, type PersonExtra, type RosterRole } from '../roster-extra.js';
import { same, type ImportRun, type Item } from './import-run.js';
import type { RosterRow } from './rows.js';

export async function readRoles(run: ImportRun, rows: RosterRow[]) {
  for (const r of rows) {
    if (r.str('status') === 'tobedeleted') continue;
    const org = r.str('orgSourcedId')!;
    if (
      !run.resolve('orgs', org, { file: 'roles.csv', line: r.line, column: 'orgSourcedId' }, true)
    )
      continue;
    const user = r.str('userSourcedId')!;
    const role: RosterRole = {
      sourcedId: r.str('sourcedId')!,
      roleType: r.str('roleType') as RosterRole['roleType'],
      role: r.str('role')!,
      orgSourcedId: org,
      ...(r.str('beginDate') ? { beginDate: r.str('beginDate')! } : {}),
      ...(r.str('endDate') ? { endDate: r.str('endDate')! } : {}),
      ...(r.str('userProfileSourcedId')
        ? { userProfileSourcedId: r.str('userProfileSourcedId')! }
        : {}),
    };
    const known = run.roles.get(user);
    if (known) known.roles.push(role);
    else run.roles.set(user, { roles: [role], line: r.line });
  }
}

export function checkRolesUsers(run: ImportRun) {
  for (const [user, { line }] of run.roles)
    if (!run.refs.users.has(user) && !run.rejected.has(`users:${user}`))
      run.findings.error(
        'roles.csv',
        line,
        'userSourcedId',
        `no user "${user}" in users.csv or in Rapport`,
      );
}

export async function importUsers(run: ImportRun, rows: RosterRow[]) {
  const existingRows = await run.repo.bySourcedIds(
    'people',
    run.districtId,
    rows.map((r) => r.str('sourcedId')!),
  );
  const existing = new Map(existingRows.map((p) => [p.sourced_id as string, p]));
  const items: Item[] = [];
  const accounts: Array<{ item: Item; role: string; enabled: boolean }> = [];
  for (const r of rows) {
    const sid = r.str('sourcedId')!;
    const at = (column: string) => ({ file: 'users.csv', line: r.line, column });
    const prior = decodeExtra<PersonExtra>(existing.get(sid)?.extra as string | null | undefined, {
      enabledUser: true,
      roles: [],
    });
    let roles: RosterRole[];
    let orgIds: string[];
    if (run.m.version === '1.1') {
      orgIds = r.list('orgSourcedIds');
      roles = orgIds.map((org, i) => ({
        roleType: i === 0 ? 'primary' : 'secondary',
        role: r.str('role')!,
        orgSourcedId: org,
      }));
    } else {
      roles = run.roles.get(sid)?.roles ?? (run.mode('roles') === 'bulk' ? [] : prior.roles);
      orgIds = [...new Set(roles.map((x) => x.orgSourcedId))];
    }
    if (roles.length === 0) {
      run.findings.error(
        'users.csv',
        r.line,
        'sourcedId',
        'the user has no role in roles.csv, so Rapport cannot tell a student from a teacher',
      );
      continue;
    }
    const primary = roles.find((x) => x.roleType === 'primary') ?? roles[0]!;
    const orgs = orgIds.flatMap((o) => {
      const ref = run.resolve(
        'orgs',
        o,
        at(run.m.version === '1.1' ? 'orgSourcedIds' : 'orgSourcedId'),
        run.m.version === '1.1',
      );
      return ref ? [ref] : [];
    });
    if (run.m.version === '1.1' && orgs.length < orgIds.length) continue;
    const primaryOrgId = r.str('primaryOrgSourcedId') ?? primary.orgSourcedId;
    const primaryOrg = run.refs.orgs.get(primaryOrgId);
    if (r.str('primaryOrgSourcedId') && !primaryOrg)
      run.resolve('orgs', primaryOrgId, at('primaryOrgSourcedId'), false);
    const school =
      primaryOrg && primaryOrg.orgType !== 'district'
        ? primaryOrg
        : orgs.find((o) => o.orgType !== 'district');
    if (r.str('password'))
      // One message with a count of rows, however many batches the file takes.
      run.findings.warn(
        'users.csv',
        r.line,
        'password',
        'a password in the file was not stored: Rapport never keeps roster passwords',
      );
    const kind = personKind(primary.role);
    if (kind === 'guardian') run.guardianRoles.set(sid, primary.role);
    for (const agent of r.list('agentSourcedIds'))
      run.agents.push({ user: sid, agent, line: r.line });
    const extra: PersonExtra = {
      enabledUser: r.get('enabledUser') !== false,
      userIds: r.list('userIds'),
      ...(r.str('sms') ? { sms: r.str('sms')! } : {}),
      ...(r.str('phone') ? { phone: r.str('phone')! } : {}),
      agentSourcedIds: r.list('agentSourcedIds'),
      grades: r.list('grades'),
      orgSourcedIds: orgIds,
      ...(r.str('primaryOrgSourcedId')
        ? { primaryOrgSourcedId: r.str('primaryOrgSourcedId')! }
        : {}),
      roles,
      ...(r.str('userMasterIdentifier')
        ? { userMasterIdentifier: r.str('userMasterIdentifier')! }
        : {}),
      ...(r.str('preferredMiddleName')
        ? { preferredMiddleName: r.str('preferredMiddleName')! }
        : {}),
      ...(r.str('preferredFamilyName')
        ? { preferredFamilyName: r.str('preferredFamilyName')! }
        : {}),
    };
    const item = run.item(r, {
      kind,
      given_name: r.str('givenName'),
      family_name: r.str('familyName'),
      middle_name: r.str('middleName'),
      preferred_name: r.str('preferredGivenName'),
      pronouns: r.str('pronouns'),
      email: r.str('email'),
      grade: r.list('grades')[0] ?? null,
      school_id: school?.id ?? null,
      username: r.str('username'),
      identifier: r.str('identifier'),
      extra: encodeExtra(extra),
    });
    items.push(item);
    accounts.push({ item, role: primary.role, enabled: extra.enabledUser });
  }
  const kinds = new Map(items.map((i) => [i.sourcedId, i.row.kind as string]));
  const written = await run.write(
    'users',
    'people',
    'users.csv',
    items,
    [
      'kind',
      'given_name',
      'family_name',
      'middle_name',
      'preferred_name',
      'pronouns',
      'email',
      'grade',
      'school_id',
      'username',
      'identifier',
      'extra',
    ],
    existingRows.filter((p) => kinds.has(p.sourced_id ?? '')),
  );
  run.remember('users', written, (sid) => ({
    kind: kinds.get(sid)!,
  }));
  await importAccounts(run, accounts, written);
}

/** Sign-in accounts for roster people, by username; a name taken elsewhere is reported. */
export async function importAccounts(
  run: ImportRun,
  list: Array<{ item: Item; role: string; enabled: boolean }>,
  written: Map<string, { id: string; active: 0 | 1 }>,
) {
  const counts = run.counts.accounts;
  const wanted = list.filter((a) => written.has(a.item.sourcedId));
  const byName = new Map(
    (
      await run.repo.accountsByUsername(
        wanted.map((a) => String(a.item.row.username).toLowerCase()),
      )
    ).map((a) => [a.username, a]),
  );
  const inserts: Database['accounts'][] = [];
  for (const { item, role, enabled } of wanted) {
    const username = String(item.row.username).toLowerCase();
    const person = written.get(item.sourcedId)!;
    const want = {
      email: (item.row.email as string | null) ?? null,
      role: accountRole(role),
      school_id: (item.row.school_id as string | null) ?? null,
      active: (person.active === 1 && enabled ? 1 : 0) as 0 | 1,
    };
    const ex = byName.get(username);
    if (!ex) {
      if (inserts.some((a) => a.username === username)) {
        run.findings.warn(
          'users.csv',
          item.line,
          'username',
          `the username "${username}" is used by two users; only the first can sign in`,
        );
        continue;
      }
      counts.added++;
      inserts.push({
        district_id: run.districtId,
        id: timeOrderedId(),
        person_id: person.id,
        username,
        locale: 'en',
        password_hash: null,
        created_at: run.now,
        ...want,
      });
      continue;
    }
    if (ex.district_id !== run.districtId || ex.person_id !== person.id) {
      run.findings.warn(
        'users.csv',
        item.line,
        'username',
        `the username "${username}" already belongs to another account; this user gets no sign-in`,
      );
      continue;
    }
    if (
      same(ex.email, want.email) &&
      ex.role === want.role &&
      same(ex.school_id, want.school_id) &&
      Number(ex.active) === want.active
    ) {
      counts.unchanged++;
      continue;
    }
    if (Number(ex.active) === 1 && want.active === 0) counts.deactivated++;
    else counts.updated++;
    await run.repo.updateAccount(run.districtId, ex.id, want);
  }
  await run.repo.insertAccounts(inserts);
}

export async function importDemographics(run: ImportRun, rows: RosterRow[]) {
  const counts = run.counts.demographics;
  const items: Array<{ line: number; sid: string; row: Database['demographics'] }> = [];
  for (const r of rows) {
    const sid = r.str('sourcedId')!;
    const user = run.resolve(
      'users',
      sid,
      { file: 'demographics.csv', line: r.line, column: 'sourcedId' },
      true,
    );
    if (!user) continue;
    const flag = (c: string) => {
      const v = r.get(c);
      return v === null ? null : String(v);
    };
    items.push({
      line: r.line,
      sid,
      row: {
        district_id: run.districtId,
        person_id: user.id,
        birth_date: r.str('birthDate'),
        sex: r.str('sex'),
        american_indian_or_alaska_native: flag('americanIndianOrAlaskaNative'),
        asian: flag('asian'),
        black_or_african_american: flag('blackOrAfricanAmerican'),
        native_hawaiian_or_other_pacific_islander: flag('nativeHawaiianOrOtherPacificIslander'),
        white: flag('white'),
        two_or_more_races: flag('demographicRaceTwoOrMoreRaces'),
        hispanic_or_latino: flag('hispanicOrLatinoEthnicity'),
        country_of_birth_code: r.str('countryOfBirthCode'),
        state_of_birth_abbreviation: r.str('stateOfBirthAbbreviation'),
        city_of_birth: r.str('cityOfBirth'),
        public_school_residence_status: r.str('publicSchoolResidenceStatus'),
        active: r.str('status') === 'tobedeleted' ? 0 : 1,
        source_modified_at: r.str('dateLastModified'),
      },
    });
  }
  const again = await run.repo.claimSeen(
    'demographics',
    items.map((i) => ({ key: i.sid, line: i.line })),
  );
  const fresh = items.filter((i) => {
    const first = again.get(i.line);
    if (first === undefined) return true;
    run.findings.error(
      'demographics.csv',
      i.line,
      'sourcedId',
      `the user "${i.sid}" also has demographics on line ${first}`,
    );
    return false;
  });
  const existing = new Map(
    (
      await run.repo.demographicsOf(
        run.districtId,
        fresh.map((i) => i.row.person_id),
      )
    ).map((d) => [d.person_id, d]),
  );
  const compare = Object.keys(fresh[0]?.row ?? {}).filter(
    (k) => !['district_id', 'person_id', 'source_modified_at'].includes(k),
  );
  const upserts: Database['demographics'][] = [];
  for (const { row } of fresh) {
    const ex = existing.get(row.person_id) as Record<string, unknown> | undefined;
    if (!ex) counts.added++;
    else if (compare.every((c) => same(ex[c], (row as unknown as Record<string, unknown>)[c]))) {
      counts.unchanged++;
      if (same(ex.source_modified_at, row.source_modified_at)) continue;
    } else if (Number(ex.active) === 1 && row.active === 0) counts.deactivated++;
    else counts.updated++;
    upserts.push(row);
  }
  await run.repo.upsertDemographics(upserts, [...compare, 'source_modified_at']);
}

export async function deactivateMissingDemographics(run: ImportRun) {
  if (run.mode('demographics') !== 'bulk') return;
  run.counts.demographics.deactivated += await run.repo.deactivateMissingDemographics(
    run.districtId,
  );
}
