/**
 * A survey's raw data for those who manage it: one row per response with the respondent
 * attributes, who answered (named surveys only) and each answer in a column of its own. Rows
 * are numbered in a random order (the responses' random ids), not in the order they came in.
 */
import { sql } from 'drizzle-orm';
import { type Queryable, queryRows } from '../../db/client.ts';
import type { Caller } from '../caller.ts';
import { authorizeSurvey } from './policy.ts';
import { inPageOrder, type LocalText } from './questionnaire.ts';
import { loadSurvey, type SurveyRecord } from './store.ts';

export type RawValue = string | number | null;

export interface RawColumn {
  key: string;
  label: LocalText;
}

export interface RawData {
  survey: SurveyRecord;
  columns: RawColumn[];
  rows: RawValue[][];
}

const ATTRIBUTES: RawColumn[] = [
  { key: 'response', label: { da: 'Svar nr.', en: 'Response no.' } },
  { key: 'region_code', label: { da: 'Regionskode', en: 'Region code' } },
  { key: 'size_band', label: { da: 'Virksomhedsstørrelse', en: 'Company size' } },
  { key: 'cluster', label: { da: 'Klynge', en: 'Cluster' } },
  { key: 'league', label: { da: 'Liga', en: 'League' } },
];
const RESPONDENT: RawColumn[] = [
  { key: 'respondent_email', label: { da: 'E-mail', en: 'E-mail' } },
  { key: 'respondent_name', label: { da: 'Navn', en: 'Name' } },
  { key: 'respondent_cvr', label: { da: 'CVR', en: 'CVR' } },
  { key: 'submitted_at', label: { da: 'Sendt', en: 'Sent' } },
];

/** One column per question, per matrix row: its key and text. */
function answerColumns(survey: SurveyRecord): RawColumn[] {
  return inPageOrder(survey.definition).flatMap((q) =>
    q.type === 'matrix'
      ? q.rows.map((r) => ({
          key: `${q.key}.${r.key}`,
          label: { da: `${q.text.da}: ${r.label.da}`, en: `${q.text.en}: ${r.label.en}` },
        }))
      : [{ key: q.key, label: q.text }],
  );
}

export async function rawResponses(db: Queryable, caller: Caller, surveyId: string): Promise<RawData> {
  const survey = await loadSurvey(db, surveyId);
  authorizeSurvey(caller.principal, 'readRawData', survey);
  const responses = await queryRows<{
    id: string;
    region_code: number | null;
    size_band: string | null;
    cluster: string | null;
    league: string | null;
    respondent_email: string | null;
    respondent_name: string | null;
    respondent_cvr: string | null;
    submitted_at: string | Date | null;
  }>(
    db,
    sql`select r.id, r.region_code, r.size_band, o.name as cluster, r.league, r.respondent_email,
               r.respondent_name, r.respondent_cvr, r.submitted_at
        from survey_responses r left join organisations o on o.id = r.cluster_id
        where r.survey_id = ${surveyId} order by r.id`,
  );
  const answers = await queryRows<{ response_id: string; col: string; value: string }>(
    db,
    sql`select a.response_id,
               case when a.row_key = '' then a.question_key else a.question_key || '.' || a.row_key end as col,
               string_agg(coalesce(a.text, case when a.choice <> '' then a.choice else a.number::text end), '; '
                          order by a.choice) as value
        from survey_answers a join survey_responses r on r.id = a.response_id
        where r.survey_id = ${surveyId}
        group by a.response_id, a.question_key, a.row_key`,
  );
  const byResponse = new Map<string, Map<string, string>>();
  for (const a of answers) {
    const values = byResponse.get(a.response_id) ?? new Map<string, string>();
    values.set(a.col, a.value);
    byResponse.set(a.response_id, values);
  }
  const questions = answerColumns(survey);
  const named = !survey.anonymous;
  return {
    survey,
    columns: [...ATTRIBUTES, ...(named ? RESPONDENT : []), ...questions],
    rows: responses.map((r, i) => [
      i + 1,
      r.region_code,
      r.size_band,
      r.cluster,
      r.league,
      ...(named
        ? [
            r.respondent_email,
            r.respondent_name,
            r.respondent_cvr,
            r.submitted_at === null ? null : new Date(r.submitted_at).toISOString(),
          ]
        : []),
      ...questions.map((c) => byResponse.get(r.id)?.get(c.key) ?? null),
    ]),
  };
}
