import { type SQL, sql } from 'drizzle-orm';
import { type Queryable, queryRows } from '../../db/client.ts';
import { clusterConditions } from '../catalogue/api-queries.ts';
import { THEMES, type ThemeKey } from '../catalogue/themes.ts';
import { type League, SEARCH_KINDS, SEARCH_PAGE_SIZE, type SearchKind, type SearchQuery } from './schemas.ts';
import { searchTokens } from './text.ts';

export interface SearchHit {
  kind: SearchKind;
  /** The source row's id: a uuid, or the number of an activity. */
  id: string;
  /** The item's own page; null for activities, which live on their cluster's page. */
  slug: string | null;
  title: string;
  /** In the page's language where the item has both (clusters). */
  summary: string;
  /** Event start, call deadline, activity start or publication (ISO 8601). */
  occursAt: string | null;
  organisation: { id: string; name: string; slug: string };
  /** The league of the owning cluster; null when the owner is not a cluster. */
  league: League | null;
  /** Municipality of the owner's seat. */
  seat: string | null;
  score: number;
}

export interface SearchResult {
  hits: SearchHit[];
  /** Matches per kind, before the kind filter: the counts of the kind tabs. */
  counts: Record<SearchKind, number>;
  /** Matches of the requested kind (all kinds when none). */
  total: number;
  page: number;
  pageSize: number;
  /** Themes whose Danish or English name matched the text. */
  themes: ThemeKey[];
  /** Words of the shown hits that matched, lower case, for highlighting. */
  marks: string[];
}

export interface SearchContext {
  /** Items become visible at their publication moment; compared with this. */
  now: Date;
  /** YYYY-MM-DD in Danish time: the day on which a label must be valid to count as current. */
  today: string;
  lang: 'da' | 'en';
}

// A query word is widened to lexemes of the index this similar to it (trigram similarity of the
// folded spellings, or word similarity for a word inside a compound), at most this many of them.
const MIN_SIMILARITY = 0.45;
const MIN_WORD_SIMILARITY = 0.6;
const EXPANSIONS_PER_WORD = 6;

/** The themes as a VALUES list: its row count is known to the planner, unlike a JSON parameter's. */
const THEME_ROWS = sql.join(
  THEMES.map((t) => sql`(${t.key}::text, ${`${t.da} ${t.en}`}::text)`),
  sql`, `,
);

/**
 * The query as tsqueries, from the words of the text: `exact` is each word as a Danish prefix,
 * `fuzzy` adds each word's most similar lexemes from the index vocabulary and the theme names
 * (one spelled like the word once folded is a prefix too, so "fodevarer" finds what "fødevarer"
 * finds; the letters are listed because `[[:alnum:]]` leaves out æ, ø and å in the C locale),
 * and `any_word` is `fuzzy` with OR between the words (it picks the words to highlight).
 * No row when every word is a stop word. Every CTE has a row count the planner can see: with
 * the default guess of 100 rows per set-returning function the plan looks expensive enough for
 * PostgreSQL to JIT-compile it, which takes far longer than running it.
 */
function queryCtes(tokens: readonly string[]): SQL {
  const words = sql.join(
    tokens.map((t, i) => sql`(${i + 1}::int, ${t}::text)`),
    sql`, `,
  );
  return sql`
  themes(key, label) as (values ${THEME_ROWS}),
  words(ord, word) as (values ${words}),
  word_lexemes as materialized (
    select w.ord, x.lexeme, search_fold(x.lexeme) as folded
    from words w
    cross join lateral (select (tsvector_to_array(to_tsvector('danish', w.word)))[1] as lexeme) x
    where x.lexeme is not null
  ),
  theme_lexemes as materialized (
    select distinct l as lexeme, search_fold(l) as folded
    from themes, unnest(tsvector_to_array(to_tsvector('danish', themes.label))) as l
  ),
  terms as materialized (
    select w.ord, '''' || w.lexeme || ''':*' as exact,
      '''' || w.lexeme || ''':*' || coalesce((
        select string_agg(distinct ' | ''' || v.lexeme || '''' || v.prefix, '')
        from (select v.lexeme, case when v.folded = w.folded then ':*' else '' end as prefix
              from (select lexeme, folded from search_lexemes
                    union all select lexeme, folded from theme_lexemes) v
              where (v.folded % w.folded or w.folded <% v.folded)
                and v.lexeme <> w.lexeme and v.lexeme ~ '^[0-9a-zæøåäöüéèêëáàâóòôíìîúùû]+$'
                and (similarity(v.folded, w.folded) >= ${MIN_SIMILARITY}
                     or word_similarity(w.folded, v.folded) >= ${MIN_WORD_SIMILARITY})
              order by greatest(similarity(v.folded, w.folded), word_similarity(w.folded, v.folded)) desc, v.lexeme
              limit ${EXPANSIONS_PER_WORD}) v), '') as widened
    from word_lexemes w
  ),
  query as materialized (
    select to_tsquery('simple', string_agg('(' || widened || ')', ' & ' order by ord)) as fuzzy,
           to_tsquery('simple', string_agg(exact, ' & ' order by ord)) as exact,
           to_tsquery('simple', string_agg(widened, ' | ' order by ord)) as any_word
    from terms having count(*) > 0
  ),
  theme_hits as materialized (
    select coalesce(array_agg(t.key), '{}') as keys
    from themes t, query where to_tsvector('danish', t.label) @@ query.fuzzy
  )`;
}

/**
 * Every visible match with its score. Relevance is the better of the text rank (a fuzzy match
 * counts 0.7 of an exact one) and a theme match, plus a little of the other; clusters come
 * first, then calls, events, posts and activities, and within a kind national clusters (and
 * their items) before regional and emerging ones: the portal's main catalogue first.
 */
function matchedCte(ctx: SearchContext, conditions: readonly SQL[]): SQL {
  const where = [sql`d.visible_from <= ${ctx.now}`, ...conditions];
  return sql`
  candidates as (
    select d.kind, d.source_id from search_documents d, query where d.document @@ query.fuzzy
    union
    select 'cluster'::search_kind, c.organisation_id::text from clusters c, theme_hits th where c.themes && th.keys
  ),
  matched as (
    select d.kind, d.source_id, d.slug, d.title, d.occurs_at,
      case when ${ctx.lang} = 'en' and d.summary_en <> '' then d.summary_en else d.summary end as summary,
      o.id as org_id, o.name as org_name, o.slug as org_slug, c.league, m.name as seat,
      (0.7 * greatest(r.fts, r.theme) + 0.15 * (r.fts + r.theme))
        * case d.kind when 'cluster' then 1.5 when 'call' then 1.2 when 'event' then 1.1
                      when 'activity' then 0.8 else 1 end
        * case c.league when 'world_class' then 1.3 when 'regional' then 1.1 else 1 end as score
    from candidates k
    join search_documents d using (kind, source_id)
    join organisations o on o.id = d.organisation_id
    left join clusters c on c.organisation_id = d.organisation_id
    left join municipalities m on m.code = o.municipality_code
    cross join query cross join theme_hits th
    cross join lateral (select
      greatest(ts_rank(d.document, query.exact, 32), 0.7 * ts_rank(d.document, query.fuzzy, 32)) as fts,
      case when d.kind = 'cluster' and c.themes && th.keys then 1 else 0 end as theme) r
    where ${sql.join(where, sql` and `)}
  )`;
}

const HIT_ORDER = sql`score desc, occurs_at desc nulls last, title, source_id`;

interface ResultRow {
  hits: {
    kind: SearchKind;
    id: string;
    slug: string | null;
    title: string;
    summary: string;
    occursAt: string | null;
    orgId: string;
    orgName: string;
    orgSlug: string;
    league: League | null;
    seat: string | null;
    score: number;
  }[];
  counts: Partial<Record<SearchKind, number>>;
  themes: ThemeKey[];
  marks: string[];
}

/**
 * One search over clusters, activities, news, success stories, events and calls, in one SQL
 * statement: matching, ranking, filtering, counting per kind, paging and the words to highlight.
 */
export async function search(db: Queryable, q: SearchQuery, ctx: SearchContext): Promise<SearchResult> {
  const tokens = searchTokens(q.q);
  const page = q.page;
  const empty: SearchResult = {
    hits: [],
    counts: Object.fromEntries(SEARCH_KINDS.map((k) => [k, 0])) as Record<SearchKind, number>,
    total: 0,
    page,
    pageSize: SEARCH_PAGE_SIZE,
    themes: [],
    marks: [],
  };
  if (tokens.length === 0) return empty;
  const ofKind = q.type ? sql`where kind = ${q.type}` : sql``;
  const [row] = await queryRows<ResultRow>(
    db,
    sql`with ${queryCtes(tokens)}, ${matchedCte(ctx, clusterConditions(q, ctx.today))},
    counts as (select kind, count(*)::int as n from matched group by kind),
    page as (select * from matched ${ofKind} order by ${HIT_ORDER}
             limit ${SEARCH_PAGE_SIZE} offset ${(page - 1) * SEARCH_PAGE_SIZE})
    select
      coalesce((select json_agg(json_build_object(
          'kind', kind, 'id', source_id, 'slug', slug, 'title', title, 'summary', summary,
          'occursAt', occurs_at, 'orgId', org_id, 'orgName', org_name, 'orgSlug', org_slug,
          'league', league, 'seat', seat, 'score', round(score::numeric, 4)) order by ${HIT_ORDER})
        from page), '[]') as hits,
      coalesce((select json_object_agg(kind, n) from counts), '{}') as counts,
      coalesce((select keys from theme_hits), '{}') as themes,
      coalesce((select array_agg(distinct w)
        from page, query, regexp_split_to_table(lower(page.title || ' ' || page.summary), '[^[:alnum:]]+') as w
        where w <> '' and to_tsvector('danish', w) @@ query.any_word), '{}') as marks`,
  );
  if (!row) return empty;
  const counts = { ...empty.counts, ...row.counts };
  return {
    ...empty,
    hits: row.hits.map(toHit),
    counts,
    total: q.type ? counts[q.type] : Object.values(counts).reduce((a, b) => a + b, 0),
    themes: row.themes,
    marks: row.marks,
  };
}

function toHit(h: ResultRow['hits'][number]): SearchHit {
  return {
    kind: h.kind,
    id: h.id,
    slug: h.slug,
    title: h.title,
    summary: h.summary,
    occursAt: h.occursAt === null ? null : new Date(h.occursAt).toISOString(),
    organisation: { id: h.orgId, name: h.orgName, slug: h.orgSlug },
    league: h.league,
    seat: h.seat,
    score: Number(h.score),
  };
}
