/**
 * A survey's results: per question the counts and shares of each choice, the mean of scales and
 * numbers, for all respondents or those of one region, company size, cluster or league. SQL
 * counts; the rest is arithmetic on a few cells per question. Anyone but the survey's managers
 * sees no figure from fewer than five respondents (statistics.ts), and no free text.
 */
import { type SQL, sql } from 'drizzle-orm';
import { type Queryable, queryRows } from '../../db/client.ts';
import { AppError } from '../errors.ts';
import type { Principal } from '../policy/policy.ts';
import { hidesSmallCellsFor, surveyRules } from './policy.ts';
import { choicesOf, inPageOrder, type LocalText, type Question, SCALE_STEPS } from './questionnaire.ts';
import type { ResultsFilter } from './schemas.ts';
import { MIN_RESPONDENTS, marginOfError, suppressCounts } from './statistics.ts';
import { loadSurvey, type SurveyRecord } from './store.ts';

/** Free texts shown per question on the results page; the raw data holds them all. */
export const TEXTS_SHOWN = 50;

export interface ChoiceFigure {
  key: string;
  label: LocalText;
  /** Null when hidden (small-cell suppression). */
  count: number | null;
  share: number | null;
}

export interface RowResult {
  /** The matrix row; '' for other questions. */
  key: string;
  label: LocalText | null;
  answered: number | null;
  choices: ChoiceFigure[];
  mean: number | null;
}

export interface QuestionResult {
  question: Question;
  answered: number | null;
  rows: RowResult[];
  /** Free texts, for the survey's managers only. */
  texts: string[] | null;
}

export interface Participation {
  /** Invitations sent (to the selection, when filtered). */
  invited: number;
  /** Null when too few to show. */
  responded: number | null;
  optedOut: number;
  /** Responses per invitation sent. */
  responseRate: number | null;
  /** Worst-case margin of error of a share at 95 % confidence, as a share (0.04 is ±4 points). */
  margin: number | null;
}

export interface SurveyResults {
  survey: SurveyRecord;
  filter: ResultsFilter;
  hidesSmallCells: boolean;
  mayReadRawData: boolean;
  participation: Participation;
  /** Respondents in the selection; null when too few to show anything. */
  respondents: number | null;
  questions: QuestionResult[];
  /** The clusters that respondents belong to, for the cluster filter. */
  clusters: { id: string; name: string }[];
}

/** The filter as SQL conditions on a table with the respondent attributes (responses or invitations). */
export function selectionSql(alias: string, surveyId: string, f: ResultsFilter): SQL {
  const t = sql.raw(alias);
  const parts: SQL[] = [sql`${t}.survey_id = ${surveyId}`];
  if (f.region !== undefined) parts.push(sql`${t}.region_code = ${f.region}`);
  if (f.size !== undefined) parts.push(sql`${t}.size_band = ${f.size}`);
  if (f.cluster !== undefined) parts.push(sql`${t}.cluster_id = ${f.cluster}`);
  if (f.league !== undefined) parts.push(sql`${t}.league = ${f.league}`);
  return sql.join(parts, sql` and `);
}

/** Invitations sent, answered and opted out, in the selection. */
export async function participationOf(
  db: Queryable,
  surveyId: string,
  f: ResultsFilter,
): Promise<Participation> {
  const [row] = await queryRows<{ invited: number; responded: number; opted_out: number }>(
    db,
    sql`select count(*) filter (where i.sent_at is not null)::int as invited,
               count(*) filter (where i.responded_at is not null)::int as responded,
               count(*) filter (where i.opted_out_at is not null)::int as opted_out
        from survey_invitations i where ${selectionSql('i', surveyId, f)}`,
  );
  const invited = row?.invited ?? 0;
  const responded = row?.responded ?? 0;
  return {
    invited,
    responded,
    optedOut: row?.opted_out ?? 0,
    responseRate: invited > 0 ? responded / invited : null,
    margin: marginOfError(responded, invited),
  };
}

interface Cell {
  question_key: string;
  row_key: string;
  choice: string;
  n: number;
  answered: number;
  mean: number | null;
  /** 1 for the total of a question's row (all choices), 0 for one choice. */
  total: number;
}

/** The counts of every choice and the totals per question and matrix row, in one statement. */
function cellsOf(db: Queryable, surveyId: string, f: ResultsFilter): Promise<Cell[]> {
  return queryRows<Cell>(
    db,
    sql`select a.question_key, a.row_key, a.choice, count(*)::int as n,
               count(distinct a.response_id)::int as answered, avg(a.number)::float8 as mean,
               grouping(a.choice) as total
        from survey_answers a join survey_responses r on r.id = a.response_id
        where ${selectionSql('r', surveyId, f)}
        group by grouping sets ((a.question_key, a.row_key, a.choice), (a.question_key, a.row_key))`,
  );
}

async function textsOf(db: Queryable, surveyId: string, f: ResultsFilter): Promise<Map<string, string[]>> {
  const rows = await queryRows<{ question_key: string; text: string }>(
    db,
    sql`select question_key, text from (
          select a.question_key, a.text,
                 row_number() over (partition by a.question_key order by a.response_id) as nr
          from survey_answers a join survey_responses r on r.id = a.response_id
          where ${selectionSql('r', surveyId, f)} and a.text is not null
        ) t where nr <= ${TEXTS_SHOWN} order by question_key, nr`,
  );
  const texts = new Map<string, string[]>();
  for (const r of rows) texts.set(r.question_key, [...(texts.get(r.question_key) ?? []), r.text]);
  return texts;
}

/** One question's (or matrix row's) figures from its cells, hidden where the view requires. */
function rowResult(
  q: Question,
  row: { key: string; label: LocalText | null },
  cells: readonly Cell[],
  hides: boolean,
): RowResult {
  const mine = cells.filter((c) => c.question_key === q.key && c.row_key === row.key);
  const total = mine.find((c) => c.total === 1);
  const answered = total?.answered ?? 0;
  const tooFew = hides && answered < MIN_RESPONDENTS;
  const labels =
    q.type === 'scale'
      ? SCALE_STEPS.map((s) => ({ key: s, label: { da: s, en: s } }))
      : 'options' in q
        ? q.options
        : [];
  const counts = choicesOf(q).map((c) => mine.find((m) => m.total === 0 && m.choice === c)?.n ?? 0);
  const shownCounts = hides ? suppressCounts(counts, answered, { exclusive: q.type !== 'multiple' }) : counts;
  return {
    key: row.key,
    label: row.label,
    answered: tooFew ? null : answered,
    choices: labels.map((o, i) => {
      const count = shownCounts[i] ?? null;
      return {
        key: o.key,
        label: o.label,
        count,
        share: count === null || answered === 0 ? null : count / answered,
      };
    }),
    mean: tooFew || (q.type !== 'scale' && q.type !== 'number') ? null : (total?.mean ?? null),
  };
}

function questionResult(
  q: Question,
  cells: readonly Cell[],
  hides: boolean,
  texts: string[] | null,
): QuestionResult {
  const rows =
    q.type === 'matrix'
      ? q.rows.map((r) => rowResult(q, { key: r.key, label: r.label }, cells, hides))
      : [rowResult(q, { key: '', label: null }, cells, hides)];
  const answered =
    q.type === 'matrix'
      ? Math.max(0, ...cells.filter((c) => c.question_key === q.key && c.total === 1).map((c) => c.answered))
      : (rows[0]?.answered ?? 0);
  return {
    question: q,
    answered: hides && (answered ?? 0) < MIN_RESPONDENTS ? null : answered,
    rows,
    texts: q.type === 'text' ? texts : null,
  };
}

async function respondentClusters(db: Queryable, surveyId: string) {
  return queryRows<{ id: string; name: string }>(
    db,
    sql`select o.id, o.name from organisations o
        where o.id in (select distinct r.cluster_id from survey_responses r where r.survey_id = ${surveyId})
        order by o.name`,
  );
}

/**
 * The results of a survey for whoever may read them: its managers in full, the funders (when
 * shared) and everyone (when public) with small cells hidden. A visitor is asked to sign in
 * unless the results are public.
 */
export async function surveyResults(
  db: Queryable,
  principal: Principal | null,
  surveyId: string,
  filter: ResultsFilter,
): Promise<SurveyResults> {
  const survey = await loadSurvey(db, surveyId);
  if (!surveyRules.readResults(principal, survey)) {
    if (!principal) throw new AppError('unauthenticated', 'Sign in to continue');
    throw new AppError('forbidden', 'Not allowed: survey.readResults');
  }
  const hides = hidesSmallCellsFor(principal, survey);
  const mayReadRawData = principal !== null && surveyRules.readRawData(principal, survey);
  const [participation, [selected], cells, texts, clusters] = await Promise.all([
    participationOf(db, surveyId, filter),
    queryRows<{ n: number }>(
      db,
      sql`select count(*)::int as n from survey_responses r where ${selectionSql('r', surveyId, filter)}`,
    ),
    cellsOf(db, surveyId, filter),
    mayReadRawData ? textsOf(db, surveyId, filter) : Promise.resolve(null),
    respondentClusters(db, surveyId),
  ]);
  const respondents = selected?.n ?? 0;
  const tooFew = hides && respondents < MIN_RESPONDENTS;
  return {
    survey,
    filter,
    hidesSmallCells: hides,
    mayReadRawData,
    participation: tooFew
      ? { ...participation, responded: null, responseRate: null, margin: null }
      : participation,
    respondents: tooFew ? null : respondents,
    questions: tooFew
      ? []
      : inPageOrder(survey.definition).map((q) => questionResult(q, cells, hides, texts?.get(q.key) ?? null)),
    clusters,
  };
}
