/**
 * The demo's surveys, all run by the support function and all answered by synthetic respondents:
 * the company effect survey of 2024 (seed 001 E3: the companies that took part in 2022-2023, at
 * contacts the clusters supplied; closed, public, anonymous), the needs survey for 2027 among
 * the clusters (seed 002: open, named, shared with the funders) and the evaluation of Cluster
 * Forum's annual meeting (closed, anonymous). Nobody holds a link to them: their tokens were
 * never made, so only new surveys can be answered.
 */
import { createHash } from 'node:crypto';
import { sql } from 'drizzle-orm';
import { queryRows, type Tx } from '../../db/client.ts';
import {
  questionnaires,
  questionnaireVersions,
  surveyAnswers,
  surveyInvitations,
  surveyResponses,
  surveys,
} from '../../db/schema/index.ts';
import { slugFromTitle } from '../content/slug.ts';
import { answerRows } from '../surveys/answers.ts';
import { insertPlatformAudience } from '../surveys/audiences.ts';
import { effectSurveyYears } from '../surveys/effect-survey.ts';
import type { ResultsAudience, SurveyStatus } from '../surveys/policy.ts';
import { TEMPLATES, type TemplateKey } from '../surveys/templates.ts';
import { insertBulk } from './bulk.ts';
import { demoUuid } from './ids.ts';
import { organisationId } from './organisations.ts';
import { createRandom, type Random } from './random.ts';
import { demoAnswers } from './survey-answers.ts';

const SUPPORT = organisationId(slugFromTitle('Cluster Excellence Denmark'));

interface DemoSurvey {
  key: string;
  template: TemplateKey;
  titleDa: string;
  titleEn: string;
  anonymous: boolean;
  resultsAudience: ResultsAudience;
  status: SurveyStatus;
  publishedAt: string;
  closesAt: string;
  closedAt: string | null;
  /** The share of invitees who answer. */
  responseRate: number;
}

const EFFECT_ROUND = 2024;

const DEMO_SURVEYS: readonly DemoSurvey[] = [
  {
    key: 'company-effect-2024',
    template: 'company_effect',
    titleDa: `Virksomhedsundersøgelsen ${EFFECT_ROUND}`,
    titleEn: `Company survey ${EFFECT_ROUND}`,
    anonymous: true,
    resultsAudience: 'public',
    status: 'closed',
    publishedAt: '2024-09-16T08:00:00Z',
    closesAt: '2024-11-30T22:59:00Z',
    closedAt: '2024-12-02T08:00:00Z',
    responseRate: 0.31,
  },
  {
    key: 'needs-2027',
    template: 'needs',
    titleDa: 'Behovsafdækning 2027',
    titleEn: 'Needs survey 2027',
    anonymous: false,
    resultsAudience: 'funders',
    status: 'open',
    publishedAt: '2026-10-12T08:00:00Z',
    closesAt: '2027-03-31T21:59:00Z',
    closedAt: null,
    responseRate: 0.7,
  },
  {
    key: 'event-annual-meeting-2026',
    template: 'event_evaluation',
    titleDa: 'Evaluering: Klyngeforum, årsmøde 2026',
    titleEn: 'Evaluation: Cluster Forum annual meeting 2026',
    anonymous: true,
    resultsAudience: 'owners',
    status: 'closed',
    publishedAt: '2026-10-19T08:00:00Z',
    closesAt: '2026-11-08T22:59:00Z',
    closedAt: '2026-11-09T08:00:00Z',
    responseRate: 0.56,
  },
];

/** The demo survey's id, for links in tests and docs. */
export const demoSurveyId = (key: string) => demoUuid(`survey:${key}`);

async function insertSurvey(tx: Tx, s: DemoSurvey): Promise<string> {
  const template = TEMPLATES[s.template];
  const questionnaireId = demoUuid(`questionnaire:${s.template}`);
  const versionId = demoUuid(`questionnaire-version:${s.template}:1`);
  await tx
    .insert(questionnaires)
    .values({ id: questionnaireId, ownerId: SUPPORT, name: template.name.da, purpose: template.purpose });
  await tx.insert(questionnaireVersions).values({
    id: versionId,
    questionnaireId,
    number: 1,
    definition: template.definition,
    publishedAt: new Date(s.publishedAt),
  });
  const id = demoSurveyId(s.key);
  const covers = s.template === 'company_effect' ? effectSurveyYears(EFFECT_ROUND) : null;
  await tx.insert(surveys).values({
    id,
    ownerId: SUPPORT,
    questionnaireVersionId: versionId,
    titleDa: s.titleDa,
    titleEn: s.titleEn,
    anonymous: s.anonymous,
    resultsAudience: s.resultsAudience,
    status: s.status,
    closesAt: new Date(s.closesAt),
    coversFrom: covers?.fromYear ?? null,
    coversTo: covers?.toYear ?? null,
    createdAt: new Date(s.publishedAt),
    publishedAt: new Date(s.publishedAt),
    closedAt: s.closedAt ? new Date(s.closedAt) : null,
  });
  return id;
}

/**
 * Half of the companies that took part in 2022-2023 have a contact their cluster supplied
 * (synthetic addresses under the reserved .invalid domain), chosen by their CVR's hash.
 */
async function insertDemoContacts(tx: Tx): Promise<void> {
  const { fromYear, toYear } = effectSurveyYears(EFFECT_ROUND);
  await tx.execute(
    sql`insert into company_contacts (cluster_id, cvr, email, supplied_at)
        select distinct on (p.cvr) p.cluster_id, p.cvr, 'kontakt-' || p.cvr || '@virksomhed.demo.invalid',
               '2024-09-02T08:00:00Z'::timestamptz
        from participations p
        where p.year between ${fromYear} and ${toYear} and p.participant_type = 'company'
          and ('x' || substr(md5(p.cvr), 1, 2))::bit(8)::int < 128
        order by p.cvr, p.cluster_id`,
  );
}

/** Who the survey asks: its audience from the platform, or the meeting's participants. */
async function inviteAudience(tx: Tx, s: DemoSurvey, surveyId: string): Promise<void> {
  const at = new Date(s.publishedAt);
  if (s.template === 'company_effect')
    await insertPlatformAudience(
      tx,
      surveyId,
      { source: 'participating_companies', ...effectSurveyYears(EFFECT_ROUND) },
      at,
    );
  else if (s.template === 'needs')
    await insertPlatformAudience(tx, surveyId, { source: 'cluster_organisations' }, at);
  else
    await tx.insert(surveyInvitations).values(
      Array.from({ length: 48 }, (_, i) => ({
        surveyId,
        email: `deltager-${String(i + 1).padStart(2, '0')}@aarsmoede.demo.invalid`,
        source: 'csv',
        createdAt: at,
      })),
    );
  await tx
    .update(surveyInvitations)
    .set({ sentAt: new Date(at.getTime() + 3_600_000) })
    .where(sql`${surveyInvitations.surveyId} = ${surveyId}`);
}

const LEAGUE_POSITIVITY: Record<string, number> = { world_class: 0.62, regional: 0.55, emerging: 0.47 };

interface Invitee {
  id: string;
  email: string;
  name: string | null;
  cvr: string | null;
  cluster_id: string | null;
  region_code: number | null;
  size_band: 'micro' | 'small' | 'medium' | 'large' | null;
  league: 'world_class' | 'regional' | 'emerging' | null;
}

/** The respondents' responses and answers, in random order, and their invitations marked answered. */
async function insertResponses(tx: Tx, s: DemoSurvey, surveyId: string, random: Random): Promise<number> {
  const invitees = await queryRows<Invitee>(
    tx,
    sql`select id, email, name, cvr, cluster_id, region_code, size_band, league
        from survey_invitations where survey_id = ${surveyId} order by email`,
  );
  const respondents = random.shuffle(invitees.filter(() => random.chance(s.responseRate)));
  const def = TEMPLATES[s.template].definition;
  const answeredAt = new Date(new Date(s.publishedAt).getTime() + 5 * 86_400_000);
  const responses = respondents.map((r, i) => {
    const id = demoUuid(`survey-response:${s.key}:${i}`);
    const positivity = Math.min(
      0.95,
      Math.max(0.05, (LEAGUE_POSITIVITY[r.league ?? ''] ?? 0.55) + random.normal() * 0.12),
    );
    return {
      row: {
        id,
        surveyId,
        questionnaireVersionId: demoUuid(`questionnaire-version:${s.template}:1`),
        editKey: createHash('sha256').update(`demo-response:${id}`).digest('hex'),
        anonymous: s.anonymous,
        regionCode: r.region_code,
        sizeBand: r.size_band,
        clusterId: r.cluster_id,
        league: r.league,
        respondentEmail: s.anonymous ? null : r.email,
        respondentName: s.anonymous ? null : r.name,
        respondentCvr: s.anonymous ? null : r.cvr,
        submittedAt: s.anonymous ? null : answeredAt,
      },
      answers: answerRows(def, demoAnswers(def, random, positivity)).map((a) => ({ ...a, responseId: id })),
    };
  });
  await insertBulk(
    tx,
    surveyResponses,
    responses.map((r) => r.row),
  );
  await insertBulk(
    tx,
    surveyAnswers,
    responses.flatMap((r) => r.answers),
  );
  const ids = JSON.stringify(respondents.map((r) => r.id));
  await tx.execute(
    sql`update survey_invitations set responded_at = ${answeredAt.toISOString()}::timestamptz
        where id in (select value::uuid from jsonb_array_elements_text(${ids}::jsonb))`,
  );
  return responses.length;
}

/** Loads the demo surveys; returns how many responses they hold. */
export async function insertDemoSurveys(tx: Tx, seed: number): Promise<number> {
  await insertDemoContacts(tx);
  let total = 0;
  for (const [i, s] of DEMO_SURVEYS.entries()) {
    const id = await insertSurvey(tx, s);
    await inviteAudience(tx, s, id);
    total += await insertResponses(tx, s, id, createRandom(seed + 101 * (i + 1)));
  }
  return total;
}
