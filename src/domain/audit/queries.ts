import { and, count, desc, eq, ilike, type SQL, sql } from 'drizzle-orm';
import { z } from 'zod';
import type { Queryable } from '../../db/client.ts';
import { auditLog } from '../../db/schema/index.ts';
import type { Caller } from '../caller.ts';
import { authorize } from '../policy/policy.ts';

export const auditFilter = z.object({
  entity: z.string().trim().max(64).optional().catch(undefined),
  actor: z.string().trim().max(254).optional().catch(undefined),
  from: z.iso.date().optional().catch(undefined),
  to: z.iso.date().optional().catch(undefined),
  page: z.coerce.number().int().min(1).max(100_000).catch(1),
});
export type AuditFilter = z.infer<typeof auditFilter>;

const AUDIT_PAGE_SIZE = 50;

export interface AuditEntry {
  id: number;
  at: Date;
  actorLabel: string;
  entity: string;
  entityId: string;
  action: string;
  changes: { field: string; before: unknown; after: unknown }[];
}

/** Fields whose before and after differ; all fields for inserts and deletes. */
export function diffRows(before: unknown, after: unknown): AuditEntry['changes'] {
  const b = (before ?? {}) as Record<string, unknown>;
  const a = (after ?? {}) as Record<string, unknown>;
  const fields = [...new Set([...Object.keys(b), ...Object.keys(a)])].sort();
  return fields
    .filter((f) => f !== 'updated_at' && JSON.stringify(b[f]) !== JSON.stringify(a[f]))
    .map((f) => ({ field: f, before: b[f] ?? null, after: a[f] ?? null }));
}

function conditions(f: AuditFilter): SQL | undefined {
  const parts: SQL[] = [];
  if (f.entity) parts.push(eq(auditLog.entity, f.entity));
  if (f.actor) parts.push(ilike(auditLog.actorLabel, `%${f.actor.replace(/[\\%_]/g, '\\$&')}%`));
  // Dates are whole days in Danish time, the time people see on the page.
  if (f.from)
    parts.push(sql`${auditLog.at} >= (${f.from}::date::timestamp at time zone 'Europe/Copenhagen')`);
  if (f.to)
    parts.push(sql`${auditLog.at} < ((${f.to}::date + 1)::timestamp at time zone 'Europe/Copenhagen')`);
  return parts.length ? and(...parts) : undefined;
}

async function auditEntries(db: Queryable, f: AuditFilter) {
  const where = conditions(f);
  const [total] = await db.select({ n: count() }).from(auditLog).where(where);
  const rows = await db
    .select()
    .from(auditLog)
    .where(where)
    .orderBy(desc(auditLog.id))
    .limit(AUDIT_PAGE_SIZE)
    .offset((f.page - 1) * AUDIT_PAGE_SIZE);
  const entries: AuditEntry[] = rows.map((r) => ({
    id: r.id,
    at: r.at,
    actorLabel: r.actorLabel,
    entity: r.entity,
    entityId: r.entityId,
    action: r.action,
    changes: diffRows(r.before, r.after),
  }));
  return { entries, total: total?.n ?? 0 };
}

async function auditedEntities(db: Queryable): Promise<string[]> {
  const rows = await db.selectDistinct({ entity: auditLog.entity }).from(auditLog).orderBy(auditLog.entity);
  return rows.map((r) => r.entity);
}

export interface AuditLogPage {
  entries: AuditEntry[];
  /** Entries matching the filter, on all pages. */
  total: number;
  pages: number;
  /** Every kind of entity in the log, for the filter. */
  entities: string[];
}

/** One page of the audit log, newest first, for those who may read it (`audit.read`). */
export async function readAuditLog(db: Queryable, caller: Caller, f: AuditFilter): Promise<AuditLogPage> {
  authorize(caller.principal, 'audit.read');
  const [{ entries, total }, entities] = await Promise.all([auditEntries(db, f), auditedEntities(db)]);
  return { entries, total, pages: Math.max(1, Math.ceil(total / AUDIT_PAGE_SIZE)), entities };
}

/** Records an event that is not a row change (login, logout, failed login) in the audit log. */
export async function recordEvent(
  db: Queryable,
  e: {
    actorUserId: string | null;
    actorLabel: string;
    entity: string;
    entityId: string;
    action: string;
    requestId?: string | undefined;
    details?: unknown;
  },
) {
  await db.insert(auditLog).values({
    actorUserId: e.actorUserId,
    actorLabel: e.actorLabel,
    entity: e.entity,
    entityId: e.entityId,
    action: e.action,
    after: e.details ?? null,
    requestId: e.requestId ?? null,
  });
}
