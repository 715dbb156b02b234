/**
 * The company effect survey (seed 001 E3): every second year, the companies that took part in
 * the two previous years' activities are asked what taking part did for them. Its public
 * results complement the annual performance account on /resultater: the share of respondents
 * reporting each effect, nationally, by region (from the company's municipality) and by
 * cluster, with the response rate and margin of error, and no figure from fewer than five.
 */
import { sql } from 'drizzle-orm';
import { type Queryable, queryRows } from '../../db/client.ts';
import { REGIONS } from '../reference/geography.ts';
import { type Participation, participationOf } from './results.ts';
import { MIN_RESPONDENTS, suppressCounts } from './statistics.ts';

/** The years a round asks about: the two before the year it is sent in. */
export const effectSurveyYears = (sentIn: number) => ({ fromYear: sentIn - 2, toYear: sentIn - 1 });

/** Each effect the public summary shows: a question of the standard questionnaire and its positive answers. */
export const EFFECT_MEASURES = [
  { key: 'competences', question: 'competences', positive: ['4', '5'] },
  { key: 'new_products', question: 'new_products', positive: ['yes_launched', 'yes_developing'] },
  {
    key: 'knowledge_collaboration',
    question: 'knowledge_collaboration',
    positive: ['yes_first', 'yes_again'],
  },
  { key: 'international', question: 'international', positive: ['yes', 'under_way'] },
  { key: 'turnover', question: 'turnover', positive: ['increase'] },
  { key: 'employment', question: 'employment', positive: ['increase'] },
] as const;
export type EffectMeasure = (typeof EFFECT_MEASURES)[number]['key'];

export interface EffectRow {
  /** A region code, a cluster's id, or 'all'. */
  key: string;
  name: string;
  nameEn: string;
  /** Null when fewer than five responded in the group. */
  respondents: number | null;
  /** The share reporting the effect among those who answered the question; null where hidden. */
  shares: Record<EffectMeasure, number | null>;
}

export interface CompanyEffectSummary {
  surveyId: string;
  titleDa: string;
  titleEn: string;
  coversFrom: number;
  coversTo: number;
  participation: Participation;
  national: EffectRow;
  regions: EffectRow[];
  clusters: EffectRow[];
}

/** The latest closed, public company effect survey that asks about `year`. */
async function surveyCovering(db: Queryable, year: number) {
  const [row] = await queryRows<{
    id: string;
    title_da: string;
    title_en: string;
    covers_from: number;
    covers_to: number;
  }>(
    db,
    sql`select s.id, s.title_da, s.title_en, s.covers_from, s.covers_to
        from surveys s
        join questionnaire_versions v on v.id = s.questionnaire_version_id
        join questionnaires q on q.id = v.questionnaire_id
        where q.purpose = 'company_effect' and s.status = 'closed' and s.results_audience = 'public'
          and ${year} between s.covers_from and s.covers_to
        order by s.closes_at desc limit 1`,
  );
  return row ?? null;
}

interface GroupCell {
  grouping: 'all' | 'region' | 'cluster';
  key: string | null;
  /** A measure's key; null in the rows that count the group's respondents. */
  measure: string | null;
  answered: number;
  positive: number;
}

const GROUPING = sql`case when grouping(r.region_code) = 0 then 'region'
                          when grouping(r.cluster_id) = 0 then 'cluster' else 'all' end`;
const GROUP_KEY = sql`coalesce(r.region_code::text, r.cluster_id::text)`;

/** Per group (all, region, cluster): the respondents, and per measure how many answered and how many positively. */
async function cellsOf(db: Queryable, surveyId: string): Promise<GroupCell[]> {
  const measures = sql.join(
    EFFECT_MEASURES.map((m) => sql`(${m.key}, ${m.question}, ${`{${m.positive.join(',')}}`}::text[])`),
    sql`, `,
  );
  const [answers, respondents] = await Promise.all([
    queryRows<GroupCell>(
      db,
      sql`select ${GROUPING} as grouping, ${GROUP_KEY} as key, m.key as measure, count(*)::int as answered,
                 count(*) filter (where a.choice = any(m.positive))::int as positive
          from survey_responses r
          join survey_answers a on a.response_id = r.id
          join (values ${measures}) as m(key, question, positive) on m.question = a.question_key
          where r.survey_id = ${surveyId}
          group by grouping sets ((r.region_code, m.key), (r.cluster_id, m.key), (m.key))`,
    ),
    queryRows<GroupCell>(
      db,
      sql`select ${GROUPING} as grouping, ${GROUP_KEY} as key, null as measure, count(*)::int as answered,
                 0 as positive
          from survey_responses r where r.survey_id = ${surveyId}
          group by grouping sets ((r.region_code), (r.cluster_id), ())`,
    ),
  ]);
  return [...answers, ...respondents];
}

function rowOf(
  cells: readonly GroupCell[],
  grouping: GroupCell['grouping'],
  key: string | null,
  names: { name: string; nameEn: string },
): EffectRow {
  const mine = cells.filter((c) => c.grouping === grouping && c.key === key);
  const respondents = mine.find((c) => c.measure === null)?.answered ?? 0;
  const shares = {} as Record<EffectMeasure, number | null>;
  for (const m of EFFECT_MEASURES) {
    const cell = mine.find((c) => c.measure === m.key);
    const answered = cell?.answered ?? 0;
    const positive = cell?.positive ?? 0;
    const [shown] = suppressCounts([positive, answered - positive], answered, { exclusive: true });
    shares[m.key] = shown === null || shown === undefined || answered === 0 ? null : shown / answered;
  }
  return {
    key: key ?? 'all',
    ...names,
    respondents: respondents < MIN_RESPONDENTS ? null : respondents,
    shares,
  };
}

/** The public summary of the company effect survey that asks about `year`, if there is one. */
export async function companyEffectSummary(
  db: Queryable,
  year: number,
): Promise<CompanyEffectSummary | null> {
  const survey = await surveyCovering(db, year);
  if (!survey) return null;
  const [cells, participation, clusters] = await Promise.all([
    cellsOf(db, survey.id),
    participationOf(db, survey.id, {}),
    queryRows<{ id: string; name: string }>(
      db,
      sql`select o.id::text as id, o.name from organisations o
          where o.id in (select cluster_id from survey_responses where survey_id = ${survey.id})
          order by o.name`,
    ),
  ]);
  return {
    surveyId: survey.id,
    titleDa: survey.title_da,
    titleEn: survey.title_en,
    coversFrom: survey.covers_from,
    coversTo: survey.covers_to,
    participation,
    national: rowOf(cells, 'all', null, { name: 'Hele landet', nameEn: 'All of Denmark' }),
    regions: REGIONS.map((r) => rowOf(cells, 'region', String(r.code), { name: r.name, nameEn: r.nameEn })),
    clusters: clusters.map((c) => rowOf(cells, 'cluster', c.id, { name: c.name, nameEn: c.name })),
  };
}
