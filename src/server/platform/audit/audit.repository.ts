// The audit log: every read of student data by someone other than the student's own teacher,
// and every export, leaves a row here (PRODUCT.md, privacy rules).
import { randomUUID } from 'node:crypto';
import type { Kysely } from 'kysely';
import type { Actor } from '../auth/actor.js';
import type { Database } from '../db/schema.js';

export interface AuditEntry {
  action: string;
  subjectType: string;
  subjectId: string | null;
  detail?: Record<string, unknown>;
}

export async function recordAudit(
  db: Kysely<Database>,
  actor: Actor,
  entry: AuditEntry,
): Promise<void> {
  await db
    .insertInto('audit_log')
    .values({
      district_id: actor.districtId,
      id: randomUUID(),
      at: new Date().toISOString(),
      actor_account_id: actor.accountId,
      actor_role: actor.role,
      action: entry.action,
      subject_type: entry.subjectType,
      subject_id: entry.subjectId,
      detail: entry.detail ? JSON.stringify(entry.detail) : null,
      ip: actor.ip,
    })
    .execute();
}

/** An entry for work done outside a request (the command line), with no signed-in actor. */
export async function recordSystemAudit(
  db: Kysely<Database>,
  districtId: string,
  entry: AuditEntry,
): Promise<void> {
  await db
    .insertInto('audit_log')
    .values({
      district_id: districtId,
      id: randomUUID(),
      at: new Date().toISOString(),
      actor_account_id: null,
      actor_role: 'command_line',
      action: entry.action,
      subject_type: entry.subjectType,
      subject_id: entry.subjectId,
      detail: entry.detail ? JSON.stringify(entry.detail) : null,
      ip: null,
    })
    .execute();
}

export async function listAudit(db: Kysely<Database>, districtId: string, limit: number) {
  return db
    .selectFrom('audit_log')
    .selectAll()
    .where('district_id', '=', districtId)
    .orderBy('at', 'desc')
    .limit(limit)
    .execute();
}
