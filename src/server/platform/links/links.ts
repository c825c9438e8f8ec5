// One-time links (docs/decisions/014-surveys.md). A link is for one student, one purpose and
// optionally one target (an administration, a questionnaire). The URL carries
// `<districtId>.<token>`; only SHA-256(token) is stored. Redeeming it marks it used and opens a
// link session (its own cookie, at most an hour) that only routes declaring that purpose accept.
import { randomBytes, randomUUID } from 'node:crypto';
import type { Kysely } from 'kysely';
import type { LinkPurpose } from '../../../contracts/links.js';
import { hashToken } from '../auth/tokens.js';
import type { Database } from '../db/schema.js';
import { AppError, NotFoundError } from '../errors.js';
import { linksRepository } from './links.repository.js';

export const LINK_COOKIE = 'rapport_link';
/** How long a redeemed link's session lasts: long enough for a survey, short enough to lose. */
export const LINK_SESSION_MS = 60 * 60 * 1000;

/** The link cannot be used again (used, revoked or expired): 410 with a code that says which. */
export class LinkGoneError extends AppError {
  readonly status = 410;
  constructor(
    readonly code: 'link_used' | 'link_expired' | 'link_revoked',
    message: string,
  ) {
    super(message);
  }
  override body() {
    return { code: this.code, message: this.message, field: 'code', reason: this.message };
  }
}

/** Who a link session lets in, as services see it. */
export interface LinkActor {
  districtId: string;
  personId: string;
  schoolId: string | null;
  linkId: string;
  sessionId: string;
  purpose: LinkPurpose;
  targetId: string | null;
  name: string;
  timeZone: string;
  csrfToken: string;
  expiresAt: string;
}

export interface NewLink {
  subjectPersonId: string;
  /** The URL path component to hand out: `<districtId>.<token>`. */
  code: string;
  expiresAt: string;
}

/** Creates one link per subject; an open link of the same subject, purpose and target is revoked. */
export async function createLinks(
  db: Kysely<Database>,
  input: {
    districtId: string;
    purpose: LinkPurpose;
    targetId: string | null;
    subjectPersonIds: string[];
    createdByAccountId: string;
    expiresAt: string;
    now: Date;
  },
): Promise<NewLink[]> {
  const at = input.now.toISOString();
  const made = input.subjectPersonIds.map((subject) => ({
    subject,
    token: randomBytes(18).toString('base64url'),
  }));
  await db.transaction().execute(async (trx) => {
    const repo = linksRepository(trx);
    await repo.revokeOpen(
      input.districtId,
      input.purpose,
      input.targetId,
      input.subjectPersonIds,
      at,
    );
    await repo.insertLinks(
      made.map((m) => ({
        district_id: input.districtId,
        id: randomUUID(),
        token_hash: hashToken(m.token),
        purpose: input.purpose,
        target_id: input.targetId,
        subject_person_id: m.subject,
        created_by_account_id: input.createdByAccountId,
        created_at: at,
        expires_at: input.expiresAt,
        used_at: null,
        revoked_at: null,
      })),
    );
  });
  return made.map((m) => ({
    subjectPersonId: m.subject,
    code: `${input.districtId}.${m.token}`,
    expiresAt: input.expiresAt,
  }));
}

/**
 * Stops one subject's links for one purpose and target: an unused link is revoked (it answers
 * 410 link_revoked) and a session opened from one ends at once. In one transaction.
 */
export async function stopLinks(
  db: Kysely<Database>,
  input: {
    districtId: string;
    purpose: LinkPurpose;
    targetId: string | null;
    subjectPersonId: string;
    now: Date;
  },
): Promise<{ revoked: number; sessionsEnded: number }> {
  return db.transaction().execute(async (trx) => {
    const repo = linksRepository(trx);
    const revoked = await repo.revokeOpen(
      input.districtId,
      input.purpose,
      input.targetId,
      [input.subjectPersonId],
      input.now.toISOString(),
    );
    const sessionsEnded = await repo.endSessionsOfSubject(
      input.districtId,
      input.purpose,
      input.targetId,
      input.subjectPersonId,
    );
    return { revoked, sessionsEnded };
  });
}

function splitCode(code: string): { districtId: string; token: string } | null {
  const dot = code.indexOf('.');
  return dot > 0 ? { districtId: code.slice(0, dot), token: code.slice(dot + 1) } : null;
}

/**
 * Redeems a link: checks it, marks it used and opens its session, in one transaction. Unknown →
 * 404; used, revoked or expired → 410 naming which; nothing is written on any error.
 */
export async function redeemLink(
  db: Kysely<Database>,
  code: string,
  now: Date,
): Promise<{ cookie: string; expiresAt: Date }> {
  const parts = splitCode(code);
  if (!parts) throw new NotFoundError('This link');
  const at = now.toISOString();
  return db.transaction().execute(async (trx) => {
    const repo = linksRepository(trx);
    const link = await repo.findByTokenHash(parts.districtId, hashToken(parts.token));
    if (!link) throw new NotFoundError('This link');
    if (link.revoked_at)
      throw new LinkGoneError(
        'link_revoked',
        'This link was replaced by a newer one. Ask your teacher for the new link.',
      );
    if (link.used_at)
      throw new LinkGoneError(
        'link_used',
        'This link has already been used. Each link works once; ask your teacher for a new one.',
      );
    if (link.expires_at <= at)
      throw new LinkGoneError(
        'link_expired',
        'This link has expired. Ask your teacher for a new one.',
      );
    if (!(await repo.markUsed(link.district_id, link.id, at)))
      throw new LinkGoneError(
        'link_used',
        'This link has already been used. Each link works once; ask your teacher for a new one.',
      );
    const token = randomBytes(32).toString('base64url');
    const expiresAt = new Date(
      Math.min(now.getTime() + LINK_SESSION_MS, Date.parse(link.expires_at) + LINK_SESSION_MS),
    );
    await repo.insertSession({
      district_id: link.district_id,
      id: hashToken(token),
      link_id: link.id,
      person_id: link.subject_person_id,
      purpose: link.purpose,
      target_id: link.target_id,
      csrf_token: randomBytes(24).toString('base64url'),
      created_at: at,
      expires_at: expiresAt.toISOString(),
    });
    return { cookie: `${link.district_id}.${token}`, expiresAt };
  });
}

/** The link session a cookie value names, or null when it is unknown or over. */
export async function findLinkActor(
  db: Kysely<Database>,
  cookie: string,
  now: Date,
): Promise<LinkActor | null> {
  const parts = splitCode(cookie);
  if (!parts) return null;
  const row = await linksRepository(db).findSession(
    parts.districtId,
    hashToken(parts.token),
    now.toISOString(),
  );
  if (!row) return null;
  return {
    districtId: row.district_id,
    personId: row.person_id,
    schoolId: row.school_id,
    linkId: row.link_id,
    sessionId: row.id,
    purpose: row.purpose as LinkPurpose,
    targetId: row.target_id,
    name: row.preferred_name ?? row.given_name,
    timeZone: row.timezone,
    csrfToken: row.csrf_token,
    expiresAt: row.expires_at,
  };
}

export async function endLinkSession(db: Kysely<Database>, actor: LinkActor): Promise<void> {
  await linksRepository(db).endSession(actor.districtId, actor.sessionId);
}
