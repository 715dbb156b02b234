/**
 * The staging tables of a delivery: temporary, dropped at commit. Valid rows land here (COPY) with
 * their file and line, so the checks (checks.ts) can name the line, and the merge (merge.ts) reads
 * them set-based.
 */
export const STAGE_DDL = `
  create temp table stage_clusters (
    file smallint, line integer, cvr text, name text, league text, municipality_code smallint,
    website text, strongholds text[]
  ) on commit drop;
  create temp table stage_activities (
    file smallint, line integer, cluster_cvr text, activity_ref text, title text, category text,
    start_date date, end_date date, municipality_code smallint, grant_dkk bigint,
    external_funding_dkk bigint, hours numeric, fees_dkk bigint, sponsorship_dkk bigint, foundations_dkk bigint,
    eu_application boolean
  ) on commit drop;
  create temp table stage_participants (
    file smallint, line integer, cluster_cvr text, activity_ref text, participant_type text, cvr text,
    name text, country text, employees integer, municipality_code smallint, industry_code text,
    new_competence boolean, new_idea boolean, new_product boolean, institution_kind text
  ) on commit drop;`;

export const STAGE_COLUMNS = {
  clusters: ['file', 'line', 'cvr', 'name', 'league', 'municipality_code', 'website', 'strongholds'],
  activities: [
    'file',
    'line',
    'cluster_cvr',
    'activity_ref',
    'title',
    'category',
    'start_date',
    'end_date',
    'municipality_code',
    'grant_dkk',
    'external_funding_dkk',
    'hours',
    'fees_dkk',
    'sponsorship_dkk',
    'foundations_dkk',
    'eu_application',
  ],
  participants: [
    'file',
    'line',
    'cluster_cvr',
    'activity_ref',
    'participant_type',
    'cvr',
    'name',
    'country',
    'employees',
    'municipality_code',
    'industry_code',
    'new_competence',
    'new_idea',
    'new_product',
    'institution_kind',
  ],
} as const;

/**
 * Indexes and statistics for the checks and the merge, once the staging tables are full. The
 * participants are only ever read whole (hash joins, one sort per check), so they get no index.
 * Sorts and hashes get memory for this transaction only: at 64MB the sorts of a million-row
 * delivery spilled 40–70 MB each to disk; at 256MB they stay in memory (110–126 MB each).
 */
export const STAGE_INDEXES = `
  create index on stage_activities (cluster_cvr, activity_ref);
  analyze stage_clusters; analyze stage_activities; analyze stage_participants;
  set local work_mem = '256MB';`;
