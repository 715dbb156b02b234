/**
 * What the survey pages of those who run surveys show: the list of surveys a person manages or
 * may read the results of, one survey's overview with its live response rate, and the choices
 * of the new-survey form. Every query takes the caller.
 */
import { and, desc, eq, inArray, isNotNull, type SQL, sql } from 'drizzle-orm';
import { type Queryable, queryRows } from '../../db/client.ts';
import { organisations, questionnaires, questionnaireVersions } from '../../db/schema/index.ts';
import type { Caller } from '../caller.ts';
import { forbidden } from '../errors.ts';
import { can } from '../policy/policy.ts';
import {
  authorizeSurvey,
  managesAllSurveys,
  type ResultsAudience,
  recipientsOpen,
  type SurveyStatus,
  sendingOpen,
  surveyOwnerOrganisations,
  surveyRules,
  usesSurveys,
} from './policy.ts';
import { type Participation, participationOf } from './results.ts';
import { lastSendRound, type SendRound } from './send-rounds.ts';
import { loadSurvey, type SurveyRecord } from './store.ts';

export interface SurveyListItem {
  id: string;
  titleDa: string;
  titleEn: string;
  ownerName: string;
  status: SurveyStatus;
  resultsAudience: ResultsAudience;
  closesAt: Date;
  invited: number;
  responded: number;
  mayManage: boolean;
}

/** The surveys a person manages, then those whose results are shared with them; newest first. */
export async function surveyList(
  db: Queryable,
  caller: Caller,
): Promise<{ surveys: SurveyListItem[]; mayCreate: boolean }> {
  const p = caller.principal;
  if (!usesSurveys(p)) throw forbidden('Not allowed: surveys');
  const owners = surveyOwnerOrganisations(p);
  const visible: SQL[] = [];
  if (managesAllSurveys(p)) visible.push(sql`true`);
  if (owners.length > 0)
    visible.push(
      sql`s.owner_id in (${sql.join(
        owners.map((o) => sql`${o}::uuid`),
        sql`, `,
      )})`,
    );
  if (can(p, 'surveys.readSharedResults')) visible.push(sql`s.results_audience in ('funders', 'public')`);
  const rows = await queryRows<{
    id: string;
    title_da: string;
    title_en: string;
    owner_id: string;
    owner_name: string;
    status: SurveyStatus;
    results_audience: ResultsAudience;
    closes_at: string | Date;
    invited: number;
    responded: number;
  }>(
    db,
    sql`select s.id, s.title_da, s.title_en, s.owner_id, o.name as owner_name, s.status, s.results_audience,
               s.closes_at,
               (select count(*) from survey_invitations i where i.survey_id = s.id and i.sent_at is not null)::int as invited,
               (select count(*) from survey_invitations i where i.survey_id = s.id and i.responded_at is not null)::int as responded
        from surveys s join organisations o on o.id = s.owner_id
        where ${sql.join(visible, sql` or `)}
        order by s.created_at desc, s.id`,
  );
  return {
    mayCreate: owners.length > 0,
    surveys: rows.map((r) => ({
      id: r.id,
      titleDa: r.title_da,
      titleEn: r.title_en,
      ownerName: r.owner_name,
      status: r.status,
      resultsAudience: r.results_audience,
      closesAt: new Date(r.closes_at),
      invited: r.invited,
      responded: r.responded,
      mayManage: surveyRules.manage(p, { ownerId: r.owner_id }),
    })),
  };
}

export interface SurveyOverview {
  survey: SurveyRecord;
  participation: Participation;
  /** Invitations made, by where they came from (an event's registrants with the event's title). */
  sources: { source: string; invitations: number; eventTitle: string | null }[];
  /** Invitations made and not sent yet. */
  unsent: number;
  /** Invitations sent, not answered, not opted out: who a reminder goes to. */
  remindable: number;
  /** How the last round of invitations or reminders went. */
  lastRound: SendRound | null;
  /** What can be done now. */
  can: {
    editQuestions: boolean;
    newVersion: boolean;
    publish: boolean;
    addRecipients: boolean;
    send: boolean;
    close: boolean;
    /** Retry a failed round on the jobs page (admins). */
    retryMails: boolean;
  };
}

/** One survey as its manager follows it: where it stands and what can be done next. */
export async function surveyOverview(
  db: Queryable,
  caller: Caller,
  surveyId: string,
  now: Date,
): Promise<SurveyOverview> {
  const survey = await loadSurvey(db, surveyId);
  authorizeSurvey(caller.principal, 'manage', survey);
  const [participation, sources, [counts], lastRound] = await Promise.all([
    participationOf(db, surveyId, {}),
    queryRows<{ source: string; invitations: number; eventTitle: string | null }>(
      db,
      sql`select i.source, count(*)::int as invitations, min(e.title) as "eventTitle"
          from survey_invitations i
          left join events e on i.source = 'event:' || e.id::text
          where i.survey_id = ${surveyId} group by i.source order by i.source`,
    ),
    queryRows<{ unsent: number; remindable: number }>(
      db,
      sql`select count(*) filter (where sent_at is null and opted_out_at is null)::int as unsent,
                 count(*) filter (where sent_at is not null and responded_at is null and opted_out_at is null)::int
                   as remindable
          from survey_invitations where survey_id = ${surveyId}`,
    ),
    lastSendRound(db, surveyId),
  ]);
  const draft = survey.status === 'draft';
  const sending = sendingOpen(survey.status, survey.closesAt, now);
  return {
    survey,
    participation,
    sources,
    unsent: counts?.unsent ?? 0,
    remindable: counts?.remindable ?? 0,
    lastRound,
    can: {
      editQuestions: draft && !survey.versionPublished,
      newVersion: draft && survey.versionPublished,
      publish: draft && survey.definition.questions.length > 0,
      addRecipients: recipientsOpen(survey.status),
      send: sending,
      close: survey.status === 'open',
      retryMails: can(caller.principal, 'jobs.manage'),
    },
  };
}

/** A survey for its manager, e.g. the preview and the question editor. */
export async function managedSurvey(db: Queryable, caller: Caller, surveyId: string): Promise<SurveyRecord> {
  const survey = await loadSurvey(db, surveyId);
  authorizeSurvey(caller.principal, 'manage', survey);
  return survey;
}

export interface NewSurveyChoices {
  owners: { id: string; name: string }[];
  /** Earlier questionnaires of those organisations with a published version to start from. */
  questionnaires: { id: string; name: string; ownerName: string; latestVersion: number }[];
}

/** The organisations a person may create a survey for, and the questionnaires it can start from. */
export async function newSurveyChoices(db: Queryable, caller: Caller): Promise<NewSurveyChoices> {
  const ids = surveyOwnerOrganisations(caller.principal);
  if (ids.length === 0) throw forbidden('Not allowed: surveys.manage');
  const owners = await db
    .select({ id: organisations.id, name: organisations.name })
    .from(organisations)
    .where(inArray(organisations.id, ids))
    .orderBy(organisations.name);
  const versions = await db
    .selectDistinctOn([questionnaires.id], {
      id: questionnaires.id,
      name: questionnaires.name,
      ownerName: organisations.name,
      latestVersion: questionnaireVersions.number,
    })
    .from(questionnaires)
    .innerJoin(organisations, eq(organisations.id, questionnaires.ownerId))
    .innerJoin(questionnaireVersions, eq(questionnaireVersions.questionnaireId, questionnaires.id))
    .where(and(inArray(questionnaires.ownerId, ids), isNotNull(questionnaireVersions.publishedAt)))
    .orderBy(questionnaires.id, desc(questionnaireVersions.number));
  return { owners, questionnaires: versions.sort((a, b) => a.name.localeCompare(b.name, 'da')) };
}
