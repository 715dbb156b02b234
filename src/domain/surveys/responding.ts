/**
 * Answering a survey by personal link, without signing in: the token in the link is the right
 * to answer. Answers are saved page by page as a draft kept with the invitation; sending turns
 * them into one response per invitation, stored (in an anonymous survey) without any link to
 * the invitation, and deletes the draft. Until the survey closes the respondent can change a
 * sent response from the same link: it is found by the link's response key (tokens.ts).
 */
import { eq, sql } from 'drizzle-orm';
import { z } from 'zod';
import { systemActor, withActor } from '../../db/actor.ts';
import type { Db, Queryable, Tx } from '../../db/client.ts';
import {
  surveyAnswers,
  surveyDrafts,
  surveyInvitations,
  surveyOptOuts,
  surveyResponses,
  surveyTokens,
} from '../../db/schema/index.ts';
import { AppError, type FieldIssue, notFound } from '../errors.ts';
import {
  type AnswerRow,
  type Answers,
  answerRows,
  answersOfRows,
  type FormFields,
  readPage,
  unansweredRequired,
  withoutHidden,
} from './answers.ts';
import { answeringOpen } from './policy.ts';
import { pagesOf } from './questionnaire.ts';
import { loadSurvey, type SurveyRecord } from './store.ts';
import { invitationKeyOf, looksLikeToken, optOutKeyOf, responseKeyOf } from './tokens.ts';

const RESPONDENT = systemActor('survey-respondent');

const storedAnswers = z.record(
  z.string(),
  z.union([z.string(), z.array(z.string()), z.record(z.string(), z.string())]),
);

export interface Invitation {
  id: string;
  email: string;
  name: string | null;
  cvr: string | null;
  clusterId: string | null;
  regionCode: number | null;
  sizeBand: 'micro' | 'small' | 'medium' | 'large' | null;
  league: 'world_class' | 'regional' | 'emerging' | null;
  respondedAt: Date | null;
  optedOutAt: Date | null;
}

/** What the respondent's pages show. */
export interface RespondentView {
  survey: SurveyRecord;
  pages: number[];
  /** Links work and answers are taken. */
  open: boolean;
  /** A response was sent for this invitation. */
  responded: boolean;
  /** The sent response can be changed from this link (it was sent from it). */
  editable: boolean;
  optedOut: boolean;
  answers: Answers;
}

/** The invitation a token belongs to, and its survey; `lock` holds the invitation's row. */
async function invitationOf(q: Queryable, token: string, lock = false) {
  if (!looksLikeToken(token)) throw notFound('survey link');
  const query = q
    .select({
      id: surveyInvitations.id,
      surveyId: surveyInvitations.surveyId,
      email: surveyInvitations.email,
      name: surveyInvitations.name,
      cvr: surveyInvitations.cvr,
      clusterId: surveyInvitations.clusterId,
      regionCode: surveyInvitations.regionCode,
      sizeBand: surveyInvitations.sizeBand,
      league: surveyInvitations.league,
      respondedAt: surveyInvitations.respondedAt,
      optedOutAt: surveyInvitations.optedOutAt,
    })
    .from(surveyTokens)
    .innerJoin(surveyInvitations, eq(surveyInvitations.id, surveyTokens.invitationId))
    .where(eq(surveyTokens.tokenHash, invitationKeyOf(token)));
  const [row] = lock ? await query.for('update', { of: surveyInvitations }) : await query;
  if (!row) throw notFound('survey link');
  const { surveyId, ...invitation } = row;
  return { invitation: invitation as Invitation, survey: await loadSurvey(q, surveyId) };
}

async function responseOf(q: Queryable, token: string): Promise<{ id: string } | null> {
  const [row] = await q
    .select({ id: surveyResponses.id })
    .from(surveyResponses)
    .where(eq(surveyResponses.editKey, responseKeyOf(token)));
  return row ?? null;
}

async function answersOfResponse(q: Queryable, survey: SurveyRecord, responseId: string): Promise<Answers> {
  const rows: AnswerRow[] = await q
    .select({
      questionKey: surveyAnswers.questionKey,
      rowKey: surveyAnswers.rowKey,
      choice: surveyAnswers.choice,
      number: surveyAnswers.number,
      text: surveyAnswers.text,
    })
    .from(surveyAnswers)
    .where(eq(surveyAnswers.responseId, responseId));
  return answersOfRows(survey.definition, rows);
}

async function draftOf(q: Queryable, invitationId: string): Promise<Answers> {
  const [row] = await q
    .select({ answers: surveyDrafts.answers })
    .from(surveyDrafts)
    .where(eq(surveyDrafts.invitationId, invitationId));
  const parsed = storedAnswers.safeParse(row?.answers ?? {});
  return parsed.success ? parsed.data : {};
}

/** Everything the respondent's pages need for a token; an unknown token is `not_found`. */
export async function openInvitation(db: Db, token: string, now: Date): Promise<RespondentView> {
  const { invitation, survey } = await invitationOf(db, token);
  const open = answeringOpen(survey.status, survey.closesAt, now);
  const response = invitation.respondedAt ? await responseOf(db, token) : null;
  const answers = !open
    ? {}
    : response
      ? await answersOfResponse(db, survey, response.id)
      : invitation.respondedAt
        ? {}
        : await draftOf(db, invitation.id);
  return {
    survey,
    pages: pagesOf(survey.definition),
    open,
    responded: invitation.respondedAt !== null,
    editable: response !== null,
    optedOut: invitation.optedOutAt !== null,
    answers,
  };
}

async function replaceResponseAnswers(tx: Tx, survey: SurveyRecord, responseId: string, answers: Answers) {
  await tx.delete(surveyAnswers).where(eq(surveyAnswers.responseId, responseId));
  const rows = answerRows(survey.definition, answers);
  if (rows.length > 0) await tx.insert(surveyAnswers).values(rows.map((r) => ({ ...r, responseId })));
}

const closed = () => new AppError('conflict', 'The survey is closed');

/**
 * Saves one page's answers. `next` checks that the shown required questions are answered;
 * `later` keeps whatever was typed correctly and asks nothing more. A sent response is changed
 * in place. Returns the answers so far and the problems of the page, if any (nothing is saved then).
 */
export async function saveAnswers(
  db: Db,
  token: string,
  page: number,
  fields: FormFields,
  intent: 'next' | 'later',
  now: Date,
): Promise<{ answers: Answers; issues: FieldIssue[] }> {
  return withActor(db, RESPONDENT, async (tx) => {
    const { invitation, survey } = await invitationOf(tx, token, true);
    if (!answeringOpen(survey.status, survey.closesAt, now)) throw closed();
    if (!pagesOf(survey.definition).includes(page)) throw notFound('survey page');
    const response = invitation.respondedAt ? await responseOf(tx, token) : null;
    if (invitation.respondedAt && !response) throw new AppError('conflict', 'Answered from another link');
    const before = response
      ? await answersOfResponse(tx, survey, response.id)
      : await draftOf(tx, invitation.id);
    const read = readPage(survey.definition, page, fields, before);
    // A sent response stays complete: it changes only when the page is. A draft saved for later
    // keeps what was typed correctly, answered or not.
    const blocking =
      response || intent === 'next' ? read.issues : read.issues.filter((i) => i.message !== 'required');
    if (blocking.length > 0) return { answers: before, issues: blocking };
    if (response) await replaceResponseAnswers(tx, survey, response.id, read.answers);
    else
      await tx
        .insert(surveyDrafts)
        .values({ invitationId: invitation.id, answers: read.answers, updatedAt: now })
        .onConflictDoUpdate({
          target: surveyDrafts.invitationId,
          set: { answers: read.answers, updatedAt: now },
        });
    return { answers: read.answers, issues: [] };
  });
}

/**
 * Sends the response: every shown required question must be answered. The response carries
 * the invitation's attributes for the breakdowns and, in a named survey only, who answered; the
 * invitation is marked answered and its draft deleted, in one transaction. One response per
 * invitation: a second send is `conflict`.
 */
export async function submitResponse(
  db: Db,
  token: string,
  now: Date,
): Promise<{ issues: FieldIssue[]; missingPage: number | null }> {
  return withActor(db, RESPONDENT, async (tx) => {
    const { invitation, survey } = await invitationOf(tx, token, true);
    if (!answeringOpen(survey.status, survey.closesAt, now)) throw closed();
    if (invitation.respondedAt) throw new AppError('conflict', 'Already answered');
    const answers = withoutHidden(survey.definition, await draftOf(tx, invitation.id));
    const missing = unansweredRequired(survey.definition, answers);
    if (missing.length > 0)
      return {
        issues: missing.map((q) => ({ field: `q-${q.key}`, message: 'required' })),
        missingPage: missing[0]?.page ?? null,
      };
    const named = !survey.anonymous;
    const [response] = await tx
      .insert(surveyResponses)
      .values({
        surveyId: survey.id,
        questionnaireVersionId: survey.versionId,
        editKey: responseKeyOf(token),
        anonymous: survey.anonymous,
        regionCode: invitation.regionCode,
        sizeBand: invitation.sizeBand,
        clusterId: invitation.clusterId,
        league: invitation.league,
        respondentEmail: named ? invitation.email : null,
        respondentName: named ? invitation.name : null,
        respondentCvr: named ? invitation.cvr : null,
        submittedAt: named ? now : null,
      })
      .returning({ id: surveyResponses.id });
    if (!response) throw new Error('response not inserted');
    await replaceResponseAnswers(tx, survey, response.id, answers);
    await tx.delete(surveyDrafts).where(eq(surveyDrafts.invitationId, invitation.id));
    await tx
      .update(surveyInvitations)
      .set({ respondedAt: now })
      .where(eq(surveyInvitations.id, invitation.id));
    return { issues: [], missingPage: null };
  });
}

/**
 * The invitee wants no more survey e-mails: no reminders for this survey, and the address (as a
 * hash) is left out of later audiences. Works after the survey closed too: it only stops mail.
 */
export async function optOut(db: Db, token: string, now: Date): Promise<void> {
  await withActor(db, RESPONDENT, async (tx) => {
    const { invitation } = await invitationOf(tx, token, true);
    await tx
      .update(surveyInvitations)
      .set({ optedOutAt: sql`coalesce(${surveyInvitations.optedOutAt}, ${now.toISOString()}::timestamptz)` })
      .where(eq(surveyInvitations.id, invitation.id));
    await tx
      .insert(surveyOptOuts)
      .values({ emailHash: optOutKeyOf(invitation.email), createdAt: now })
      .onConflictDoNothing();
  });
}
