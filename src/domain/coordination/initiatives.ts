import { and, eq, inArray, isNull, ne, sql } from 'drizzle-orm';
import { type Actor, withActor } from '../../db/actor.ts';
import { type Db, type Queryable, queryRows } from '../../db/client.ts';
import {
  initiativeComments,
  memberships,
  organisations,
  plannedInitiatives,
  users,
} from '../../db/schema/index.ts';
import type { MailMessage } from '../../mail/mailer.ts';
import { AppError, type FieldIssue, notFound } from '../errors.ts';
import { addNotifications } from '../notifications/commands.ts';
import { authorize, type Principal } from '../policy/policy.ts';
import { copenhagenDate } from '../reference/time.ts';
import { commentInput, type InitiativeInput, initiativeInput, outcomeInput } from './schemas.ts';

/** The site path of an initiative (Danish, canonical); stored in notifications and mailed. */
export const initiativePath = (id: string) => `/finansiering/initiativer/${id}`;

function invalid(issues: FieldIssue[]): AppError {
  return new AppError('validation', 'Invalid input', issues);
}

function parse<T>(
  schema: {
    safeParse(
      v: unknown,
    ):
      | { success: true; data: T }
      | { success: false; error: { issues: { path: PropertyKey[]; message: string }[] } };
  },
  input: unknown,
): T {
  const result = schema.safeParse(input);
  if (result.success) return result.data;
  throw invalid(result.error.issues.map((i) => ({ field: String(i.path[0] ?? 'form'), message: i.message })));
}

/** Comments are open until the end of the decision date, Danish time, while the initiative is planned. */
export function commentsOpen(i: { status: string; decisionDate: string }, now: Date): boolean {
  return i.status === 'planned' && copenhagenDate(now) <= i.decisionDate;
}

export interface ProposeResult {
  id: string;
  /** How many other funder organisations got a notification. */
  notifiedFunders: number;
  /** The e-mails to send to the other funders' people, once the initiative is saved. */
  mails: MailMessage[];
}

/**
 * A funder records a planned initiative. The other funders are told in the portal (one
 * notification per funder organisation) and by e-mail to each of their active funder users.
 */
export async function proposeInitiative(
  db: Db,
  actor: Actor,
  principal: Principal | null,
  funderId: string,
  input: unknown,
  now: Date,
  publicUrl: string,
): Promise<ProposeResult> {
  authorize(principal, 'initiatives.propose', { organisationId: funderId });
  const data: InitiativeInput = parse(initiativeInput, input);
  if (data.decisionDate < copenhagenDate(now)) throw invalid([{ field: 'decisionDate', message: 'past' }]);
  return withActor(db, actor, async (tx) => {
    const [owner] = await tx
      .select({ name: organisations.name, kind: organisations.kind })
      .from(organisations)
      .where(eq(organisations.id, funderId));
    if (owner?.kind !== 'funder') throw notFound('funder');
    if (data.relatedClusterIds.length > 0) {
      const found = await tx
        .select({ id: organisations.id })
        .from(organisations)
        .where(
          and(
            inArray(organisations.id, data.relatedClusterIds),
            eq(organisations.kind, 'cluster_organisation'),
          ),
        );
      if (found.length !== new Set(data.relatedClusterIds).size)
        throw invalid([{ field: 'relatedClusterIds', message: 'clusters' }]);
    }
    const [row] = await tx
      .insert(plannedInitiatives)
      .values({
        funderId,
        title: data.title,
        description: data.description,
        theme: data.theme,
        regionCodes: [...new Set(data.regionCodes)].sort(),
        budgetDkk: data.budgetDkk,
        decisionDate: data.decisionDate,
        relatedClusterIds: [...new Set(data.relatedClusterIds)],
        proposedBy: actor.userId,
        createdAt: now,
      })
      .returning({ id: plannedInitiatives.id });
    if (!row) throw new Error('initiative not inserted');
    const others = await tx
      .select({ id: organisations.id })
      .from(organisations)
      .where(and(eq(organisations.kind, 'funder'), ne(organisations.id, funderId)));
    const link = initiativePath(row.id);
    await addNotifications(
      tx,
      others.map((o) => ({
        recipientOrganisationId: o.id,
        text: `${owner.name} planlægger »${data.title}« og beder om kommentarer inden ${data.decisionDate}`,
        textEn: `${owner.name} plans “${data.title}” and asks for comments by ${data.decisionDate}`,
        link,
        createdAt: now,
      })),
    );
    const recipients = await tx
      .selectDistinct({ email: users.email, locale: users.locale })
      .from(users)
      .innerJoin(memberships, eq(memberships.userId, users.id))
      .where(
        and(
          eq(memberships.role, 'funder'),
          ne(memberships.organisationId, funderId),
          isNull(users.disabledAt),
        ),
      );
    const url = `${publicUrl.replace(/\/$/, '')}${link}`;
    const mails = recipients.map((r) =>
      initiativeMail(r.email, r.locale === 'en' ? 'en' : 'da', owner.name, data, url),
    );
    return { id: row.id, notifiedFunders: others.length, mails };
  });
}

function initiativeMail(
  to: string,
  lang: 'da' | 'en',
  funderName: string,
  data: InitiativeInput,
  url: string,
): MailMessage {
  const dkk = new Intl.NumberFormat(lang === 'da' ? 'da-DK' : 'en-GB').format(data.budgetDkk);
  if (lang === 'en')
    return {
      to,
      subject: `Planned initiative for comment: ${data.title}`,
      text: [
        `${funderName} plans a new cluster initiative and asks the other funders for comments before it is decided.`,
        '',
        `Title: ${data.title}`,
        `Planned budget: DKK ${dkk}`,
        `Decision date: ${data.decisionDate} (comments are taken until the end of that day)`,
        '',
        data.description,
        '',
        `Read and comment: ${url}`,
      ].join('\n'),
    };
  return {
    to,
    subject: `Planlagt initiativ til høring: ${data.title}`,
    text: [
      `${funderName} planlægger et nyt klyngeinitiativ og beder de andre finansiører om kommentarer, før det besluttes.`,
      '',
      `Titel: ${data.title}`,
      `Planlagt budget: ${dkk} kr.`,
      `Beslutningsdato: ${data.decisionDate} (kommentarer modtages til og med den dag)`,
      '',
      data.description,
      '',
      `Læs og kommentér: ${url}`,
    ].join('\n'),
  };
}

export interface InitiativeView {
  id: string;
  funderId: string;
  funderName: string;
  title: string;
  description: string;
  theme: string;
  regionCodes: number[];
  budgetDkk: number;
  decisionDate: string;
  relatedClusters: { id: string; name: string; slug: string }[];
  status: 'planned' | 'decided' | 'abandoned';
  outcomeNote: string | null;
  createdAt: Date;
  closedAt: Date | null;
  comments: number;
}

const initiativeColumns = sql`i.id, i.funder_id as "funderId", f.name as "funderName", i.title, i.description,
  i.theme, i.region_codes as "regionCodes", i.budget_dkk as "budgetDkk", i.decision_date::text as "decisionDate",
  coalesce((select json_agg(json_build_object('id', o.id, 'name', o.name, 'slug', o.slug) order by o.name)
            from organisations o where o.id = any(i.related_cluster_ids)), '[]'::json) as "relatedClusters",
  i.status, i.outcome_note as "outcomeNote", i.created_at as "createdAt", i.closed_at as "closedAt",
  (select count(*)::int from initiative_comments ic where ic.initiative_id = i.id) as comments`;

function toView(r: InitiativeView): InitiativeView {
  return {
    ...r,
    budgetDkk: Number(r.budgetDkk),
    regionCodes: (r.regionCodes ?? []).map(Number),
    createdAt: new Date(r.createdAt),
    closedAt: r.closedAt ? new Date(r.closedAt) : null,
    comments: Number(r.comments),
  };
}

/** All initiatives: planned ones by decision date first, then the closed ones, newest first. */
export async function listInitiatives(db: Queryable): Promise<InitiativeView[]> {
  const rows = await queryRows<InitiativeView>(
    db,
    sql`select ${initiativeColumns} from planned_initiatives i join organisations f on f.id = i.funder_id
        order by (i.status = 'planned') desc,
                 case when i.status = 'planned' then i.decision_date end asc,
                 i.created_at desc`,
  );
  return rows.map(toView);
}

export async function findInitiative(db: Queryable, id: string): Promise<InitiativeView | null> {
  if (!/^[0-9a-f-]{36}$/i.test(id)) return null;
  const [row] = await queryRows<InitiativeView>(
    db,
    sql`select ${initiativeColumns} from planned_initiatives i join organisations f on f.id = i.funder_id
        where i.id = ${id}`,
  );
  return row ? toView(row) : null;
}

export interface CommentView {
  id: string;
  funderName: string;
  authorName: string;
  body: string;
  createdAt: Date;
}

export async function initiativeCommentsOf(db: Queryable, id: string): Promise<CommentView[]> {
  const rows = await queryRows<CommentView>(
    db,
    sql`select c.id, f.name as "funderName", c.author_name as "authorName", c.body, c.created_at as "createdAt"
        from initiative_comments c join organisations f on f.id = c.funder_id
        where c.initiative_id = ${id} order by c.created_at, c.id`,
  );
  return rows.map((r) => ({ ...r, createdAt: new Date(r.createdAt) }));
}

/**
 * Another funder comments. Refused once the decision date has passed (Danish time) or the
 * initiative is closed; the owning funder gets a notification.
 */
export async function commentOnInitiative(
  db: Db,
  actor: Actor,
  principal: Principal | null,
  initiativeId: string,
  input: unknown,
  now: Date,
  authorName: string,
): Promise<void> {
  const initiative = await findInitiative(db, initiativeId);
  if (!initiative) throw notFound('initiative');
  const p = authorize(principal, 'initiatives.comment', { organisationId: initiative.funderId });
  const data = parse(commentInput, input);
  if (!commentsOpen(initiative, now)) throw new AppError('conflict', 'Comments are closed');
  const funderId = p.memberships.find((m) => m.role === 'funder' && m.organisationId !== initiative.funderId)
    ?.organisationId as string;
  const [commenter] = await db
    .select({ name: organisations.name })
    .from(organisations)
    .where(eq(organisations.id, funderId));
  const funderName = commenter?.name ?? '';
  await withActor(db, actor, async (tx) => {
    await tx.insert(initiativeComments).values({
      initiativeId,
      funderId,
      authorId: actor.userId,
      authorName,
      body: data.body,
      createdAt: now,
    });
    await addNotifications(tx, [
      {
        recipientOrganisationId: initiative.funderId,
        text: `Ny kommentar til »${initiative.title}« fra ${funderName}`,
        textEn: `New comment on “${initiative.title}” from ${funderName}`,
        link: initiativePath(initiativeId),
        createdAt: now,
      },
    ]);
  });
}

/** The owning funder closes the dialogue: the initiative was decided or abandoned, with a note. */
export async function closeInitiative(
  db: Db,
  actor: Actor,
  principal: Principal | null,
  initiativeId: string,
  input: unknown,
  now: Date,
): Promise<void> {
  const initiative = await findInitiative(db, initiativeId);
  if (!initiative) throw notFound('initiative');
  authorize(principal, 'initiatives.decide', { organisationId: initiative.funderId });
  const data = parse(outcomeInput, input);
  if (initiative.status !== 'planned') throw new AppError('conflict', 'Initiative already closed');
  await withActor(db, actor, async (tx) => {
    await tx
      .update(plannedInitiatives)
      .set({ status: data.outcome, outcomeNote: data.note, closedAt: now })
      .where(eq(plannedInitiatives.id, initiativeId));
  });
}
