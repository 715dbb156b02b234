/**
 * Everything stored about a person (GDPR art. 15 and 20), by table: a user (every row that
 * refers to their id, or holds their e-mail address, the audit log included) or a participant
 * by CVR number (every row holding the number or, as a whole value, the name). Found in the
 * catalogue of columns, so a new table is exported without being listed. Secrets (hashes,
 * authenticator secrets, tokens) are never exported: that they exist is said instead.
 */
import { eq, sql } from 'drizzle-orm';
import { type Queryable, queryRows } from '../../db/client.ts';
import { activities, companies, organisations, participations, users } from '../../db/schema/index.ts';
import type { Caller } from '../caller.ts';
import { notFound } from '../errors.ts';
import { authorize } from '../policy/policy.ts';
import { findEverywhere, rowsReferring, textColumns } from './everywhere.ts';

type Row = Record<string, unknown>;

export interface DataSection {
  /** The table's name: the key of its title in the pages' texts. */
  table: string;
  rows: Row[];
}

export interface PersonalDataExport {
  subject:
    | { kind: 'user'; id: string; email: string; name: string }
    | { kind: 'participant'; cvr: string; name: string };
  generatedAt: string;
  sections: DataSection[];
}

/** Columns whose values are secrets or server internals: exported as whether they are set. */
const SECRET_COLUMNS = new Set([
  'password_hash',
  'secret',
  'code_hash',
  'token_hash',
  'id_token_hint',
  'storage_key',
]);

function withoutSecrets(row: Row): Row {
  const out: Row = {};
  for (const [k, v] of Object.entries(row))
    out[SECRET_COLUMNS.has(k) ? `${k}_set` : k] = SECRET_COLUMNS.has(k) ? v !== null : v;
  return out;
}

/** Merges rows found by several searches, each row once, tables in alphabetical order (the subject's own first). */
function sections(first: string, ...found: Record<string, Row[]>[]): DataSection[] {
  const byTable = new Map<string, Map<string, Row>>();
  for (const result of found)
    for (const [table, rows] of Object.entries(result)) {
      const seen = byTable.get(table) ?? new Map<string, Row>();
      for (const row of rows) seen.set(JSON.stringify(row), withoutSecrets(row));
      byTable.set(table, seen);
    }
  return [...byTable.entries()]
    .sort(([a], [b]) => (a === first ? -1 : b === first ? 1 : a.localeCompare(b)))
    .map(([table, rows]) => ({ table, rows: [...rows.values()] }));
}

/** A user's data: their own (`personalData.exportOwn`) or anyone's for an administrator. */
export async function userDataExport(
  db: Queryable,
  caller: Caller,
  userId: string,
  now: Date,
): Promise<PersonalDataExport> {
  authorize(
    caller.principal,
    caller.principal.userId === userId ? 'personalData.exportOwn' : 'personalData.manage',
  );
  const [user] = await db.select().from(users).where(eq(users.id, userId));
  if (!user) throw notFound('user');
  const columns = await textColumns(db);
  const found = sections(
    'users',
    await rowsReferring(db, user.id),
    await findEverywhere(db, columns, { find: user.id, match: 'whole' }),
    await findEverywhere(db, columns, { find: user.email, match: 'within' }),
  );
  return {
    subject: { kind: 'user', id: user.id, email: user.email, name: user.name },
    generatedAt: now.toISOString(),
    sections: found,
  };
}

/** A user's data from the administration's page: an administrator's action even on their own account. */
export function userDataExportByAdministrator(
  db: Queryable,
  caller: Caller,
  userId: string,
  now: Date,
): Promise<PersonalDataExport> {
  authorize(caller.principal, 'personalData.manage');
  return userDataExport(db, caller, userId, now);
}

/**
 * A participant's data, by CVR number: the company, its participations with the activity and
 * cluster they belong to, and every other row holding the number or the name as a whole value.
 */
export async function participantDataExport(
  db: Queryable,
  caller: Caller,
  cvr: string,
  now: Date,
): Promise<PersonalDataExport> {
  authorize(caller.principal, 'personalData.manage');
  const [company] = await db.select().from(companies).where(eq(companies.cvr, cvr));
  if (!company) throw notFound('participant');
  const columns = await textColumns(db);
  const skip = new Set(['participations']);
  const taking = await queryRows<Row>(
    db,
    sql`select p.name, a.title as activity, a.activity_ref, o.name as cluster, p.year, p.participant_type,
               p.new_competence, p.new_idea, p.new_product
        from ${participations} p
        join ${activities} a on a.id = p.activity_id
        join ${organisations} o on o.id = p.cluster_id
        where p.cvr = ${cvr}
        order by p.year, a.title`,
  );
  // The names it was reported under, each searched as a whole value elsewhere.
  const names = [...new Set(taking.map((row) => String(row.name)))];
  const byName = [];
  for (const name of names)
    byName.push(
      await findEverywhere(
        db,
        columns,
        { find: name, match: 'whole' },
        new Set([...skip, 'companies', 'audit_log']),
      ),
    );
  const found = sections(
    'companies',
    await findEverywhere(db, columns, { find: cvr, match: 'whole' }, skip),
    ...byName,
    taking.length > 0 ? { participations: taking } : {},
  );
  return {
    subject: { kind: 'participant', cvr, name: names.at(-1) ?? cvr },
    generatedAt: now.toISOString(),
    sections: found,
  };
}
