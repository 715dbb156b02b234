/**
 * The issues of the newsletter: the support function writes one in Markdown for a segment,
 * changes it while it is a draft and sends it once (sending.ts); sent issues form the public
 * archive.
 */
import { and, desc, eq, sql } from 'drizzle-orm';
import { withActor } from '../../db/actor.ts';
import { type Db, type Queryable, queryRows } from '../../db/client.ts';
import { newsletterIssues } from '../../db/schema/index.ts';
import type { Caller } from '../caller.ts';
import { AppError, notFound, parseInput } from '../errors.ts';
import { requireNewsletterEditor } from './policy.ts';
import type { NewsletterSegment } from './schemas.ts';
import { issueInput } from './schemas.ts';
import { countRecipients } from './segments.ts';

export type IssueStatus = 'draft' | 'sending' | 'sent';

export interface NewsletterIssue {
  id: string;
  subject: string;
  body: string;
  segment: NewsletterSegment;
  segmentValue: string | null;
  status: IssueStatus;
  updatedAt: Date;
  sentAt: Date | null;
}

const columns = {
  id: newsletterIssues.id,
  subject: newsletterIssues.subject,
  body: newsletterIssues.body,
  segment: newsletterIssues.segment,
  segmentValue: newsletterIssues.segmentValue,
  status: newsletterIssues.status,
  updatedAt: newsletterIssues.updatedAt,
  sentAt: newsletterIssues.sentAt,
};

/** The delivery log of an issue summed up: how many recipients, and how many are sent or failed. */
export interface DeliveryProgress {
  total: number;
  sent: number;
  failed: number;
}

export interface IssueForEditor extends NewsletterIssue {
  /** Recipients the segment has now (a draft), or fixed when sending started. */
  recipients: number;
  progress: DeliveryProgress;
}

export async function createIssue(db: Db, caller: Caller, input: unknown, now: Date): Promise<string> {
  requireNewsletterEditor(caller);
  const data = parseInput(issueInput, input);
  const [row] = await withActor(db, caller.actor, (tx) =>
    tx
      .insert(newsletterIssues)
      .values({ ...data, createdBy: caller.actor.userId, createdAt: now, updatedAt: now })
      .returning({ id: newsletterIssues.id }),
  );
  if (!row) throw new Error('issue not stored');
  return row.id;
}

/** Changes a draft; an issue being sent or sent stays as it went out (`conflict`). */
export async function updateIssue(
  db: Db,
  caller: Caller,
  id: string,
  input: unknown,
  now: Date,
): Promise<void> {
  requireNewsletterEditor(caller);
  const data = parseInput(issueInput, input);
  const updated = await withActor(db, caller.actor, (tx) =>
    tx
      .update(newsletterIssues)
      .set({ ...data, updatedAt: now })
      .where(and(eq(newsletterIssues.id, id), eq(newsletterIssues.status, 'draft')))
      .returning({ id: newsletterIssues.id }),
  );
  if (updated.length === 0) {
    await loadIssue(db, id);
    throw new AppError('conflict', 'Only a draft can be changed');
  }
}

export async function loadIssue(db: Queryable, id: string): Promise<NewsletterIssue> {
  const [row] = /^[0-9a-f-]{36}$/.test(id)
    ? await db.select(columns).from(newsletterIssues).where(eq(newsletterIssues.id, id))
    : [];
  if (!row) throw notFound('newsletter issue');
  return row;
}

export async function deliveryProgress(db: Queryable, issueId: string): Promise<DeliveryProgress> {
  const [row] = await queryRows<DeliveryProgress>(
    db,
    sql`select count(*)::int as total,
               (count(*) filter (where status = 'sent'))::int as sent,
               (count(*) filter (where status = 'failed'))::int as failed
        from newsletter_deliveries where issue_id = ${issueId}`,
  );
  return row ?? { total: 0, sent: 0, failed: 0 };
}

/** One issue for its editor: a draft with its segment's recipients now, a sent one with its log. */
export async function issueForEditor(db: Queryable, caller: Caller, id: string): Promise<IssueForEditor> {
  requireNewsletterEditor(caller);
  const issue = await loadIssue(db, id);
  const progress = await deliveryProgress(db, id);
  const recipients = issue.status === 'draft' ? await countRecipients(db, issue) : progress.total;
  return { ...issue, recipients, progress };
}

/** Every issue, newest first, for the support function's list. */
export async function issuesForEditor(db: Queryable, caller: Caller): Promise<NewsletterIssue[]> {
  requireNewsletterEditor(caller);
  return db.select(columns).from(newsletterIssues).orderBy(desc(newsletterIssues.updatedAt));
}

/** The public archive: the issues sent, newest first. */
export async function archive(db: Queryable): Promise<NewsletterIssue[]> {
  return db
    .select(columns)
    .from(newsletterIssues)
    .where(eq(newsletterIssues.status, 'sent'))
    .orderBy(desc(newsletterIssues.sentAt));
}

/** A sent issue of the archive; a draft or one still being sent is not public (`not_found`). */
export async function archivedIssue(db: Queryable, id: string): Promise<NewsletterIssue> {
  const issue = await loadIssue(db, id);
  if (issue.status !== 'sent') throw notFound('newsletter issue');
  return issue;
}
