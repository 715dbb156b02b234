/**
 * Who a survey asks: recipients chosen from the platform (cluster organisations, the users of
 * a role, the companies that took part in some years' activities with the contact e-mail a
 * cluster supplied, the registrants of an event) or uploaded as a list. Each becomes an invitation with the attributes
 * results are broken down by: region (from the municipality), company size, cluster, league.
 * Candidates are chosen, deduplicated and inserted in one SQL statement; addresses that opted
 * out of survey e-mails are left out.
 */
import { type SQL, sql } from 'drizzle-orm';
import { withActor } from '../../db/actor.ts';
import { type Db, queryRows, type Tx } from '../../db/client.ts';
import type { Caller } from '../caller.ts';
import { AppError, parseInput } from '../errors.ts';
import { CONTACT_RETENTION_YEARS } from './contacts.ts';
import { authorizeEventAudience, eventRegistrantIds, eventSource } from './event-registrants.ts';
import { authorizeSurvey, recipientsOpen } from './policy.ts';
import { type ListIssue, readPeopleList } from './recipient-csv.ts';
import { type PlatformAudience, platformAudienceInput } from './schemas.ts';
import { loadSurvey } from './store.ts';

export interface AudienceResult {
  /** Invitations made. */
  added: number;
  /** Candidates already invited to this survey. */
  alreadyInvited: number;
  /** Candidates whose address opted out of survey e-mails. */
  optedOut: number;
  /** Candidates the platform has no e-mail address for (clusters without a contact, companies without a supplied contact). */
  withoutEmail: number;
}

/** Company size band of `employees` (statistics.ts names the bands): under 10, 10-49, 50-249, 250+. */
export const sizeBandSql = (employees: SQL) =>
  sql`(case when ${employees} is null then null when ${employees} < 10 then 'micro'
            when ${employees} < 50 then 'small' when ${employees} < 250 then 'medium'
            else 'large' end)::company_size_band`;

/** The SHA-256 of an address as the opt-out list keeps it (tokens.ts does the same in Node). */
const optOutKeySql = (email: SQL) => sql`encode(sha256(convert_to(${email}, 'UTF8')), 'hex')`;

/**
 * Inserts the candidates (a query of distinct e-mail, name, cvr, cluster_id, region_code,
 * size_band, league, lang) as invitations, counting what was left out and why.
 */
async function insertCandidates(
  tx: Tx,
  surveyId: string,
  source: string,
  candidates: SQL,
): Promise<Omit<AudienceResult, 'withoutEmail'>> {
  const [row] = await queryRows<{ candidates: number; allowed: number; added: number }>(
    tx,
    sql`with candidates as (${candidates}),
        allowed as (
          select * from candidates c
          where not exists (select 1 from survey_opt_outs o where o.email_hash = ${optOutKeySql(sql`c.email`)})
        ),
        inserted as (
          insert into survey_invitations
            (survey_id, email, name, cvr, cluster_id, region_code, size_band, league, lang, source)
          select ${surveyId}::uuid, email, name, cvr, cluster_id, region_code, size_band, league, lang, ${source}
          from allowed
          on conflict (survey_id, email) do nothing
          returning 1
        )
        select (select count(*) from candidates)::int as candidates,
               (select count(*) from allowed)::int as allowed,
               (select count(*) from inserted)::int as added`,
  );
  const counts = row ?? { candidates: 0, allowed: 0, added: 0 };
  return {
    added: counts.added,
    alreadyInvited: counts.allowed - counts.added,
    optedOut: counts.candidates - counts.allowed,
  };
}

/** The active cluster organisations, at the contact e-mail of their profile. */
const clusterOrganisations = {
  candidates: sql`select distinct on (lower(trim(cl.contact_email)))
        lower(trim(cl.contact_email)) as email, o.name, o.cvr, o.id as cluster_id, mu.region_code,
        null::company_size_band as size_band, cl.league, 'da' as lang
      from clusters cl
      join organisations o on o.id = cl.organisation_id
      left join municipalities mu on mu.code = o.municipality_code
      where cl.ended_on is null and coalesce(trim(cl.contact_email), '') <> ''
      order by lower(trim(cl.contact_email)), o.name`,
  withoutEmail: sql`select count(*)::int as n from clusters cl
      where cl.ended_on is null and coalesce(trim(cl.contact_email), '') = ''`,
};

/**
 * The active people of the platform `where` selects (on the user or a membership), in their own
 * language; one who belongs to no organisation (e.g. an event's registrant) has no cluster.
 */
const platformUsers = (where: SQL) => ({
  candidates: sql`select distinct on (lower(u.email))
        lower(u.email) as email, u.name, null::char(8) as cvr,
        case when o.kind = 'cluster_organisation' then o.id end as cluster_id, mu.region_code,
        null::company_size_band as size_band, cl.league,
        case when u.locale = 'en' then 'en' else 'da' end as lang
      from users u
      left join memberships ms on ms.user_id = u.id
      left join organisations o on o.id = ms.organisation_id
      left join clusters cl on cl.organisation_id = o.id
      left join municipalities mu on mu.code = o.municipality_code
      where u.disabled_at is null and ${where}
      order by lower(u.email), o.name`,
  withoutEmail: sql`select 0 as n`,
});
/** The active users holding a role. */
const usersOfRole = (role: string) => platformUsers(sql`ms.role = ${role}`);

/**
 * What a company is like (name, employees, municipality) as its latest participation among those
 * `where` selects describes it: company data belongs to the delivery that reported it
 * (docs/reporting-format.md), so the latest one tells a company's size and region.
 */
const latestCompanyData = (where: SQL) =>
  sql`select distinct on (p.cvr) p.cvr, p.name, p.employees, p.municipality_code
      from participations p join activities a on a.id = p.activity_id
      where p.participant_type = 'company' and ${where}
      order by p.cvr, a.start_date desc, p.reported_at desc, p.id desc`;

/**
 * The companies that took part in the activities of the years, at the contact e-mail a cluster
 * they took part with supplied (the latest, when several did), within the contacts' retention.
 */
function participatingCompanies(fromYear: number, toYear: number, now: Date) {
  // Materialised once per statement: a correlated use would rescan them per company.
  const sources = sql`with participants as materialized (
        select distinct p.cvr, p.cluster_id from participations p
        where p.year between ${fromYear} and ${toYear} and p.participant_type = 'company'
      ),
      contacts as materialized (
        select distinct on (cc.cvr) cc.cvr, cc.email, cc.name as person, cc.cluster_id
        from company_contacts cc
        join participants pa on pa.cvr = cc.cvr and pa.cluster_id = cc.cluster_id
        where cc.supplied_at > ${now.toISOString()}::timestamptz - make_interval(years => ${CONTACT_RETENTION_YEARS})
        order by cc.cvr, cc.supplied_at desc, cc.cluster_id
      ),
      co as materialized (
        ${latestCompanyData(sql`p.year between ${fromYear} and ${toYear}`)}
      )`;
  return {
    candidates: sql`${sources}
        select distinct on (ct.email)
          ct.email, coalesce(ct.person, co.name) as name, co.cvr, ct.cluster_id, mu.region_code,
          ${sizeBandSql(sql`co.employees`)} as size_band, cl.league, 'da' as lang
        from contacts ct
        join co on co.cvr = ct.cvr
        left join municipalities mu on mu.code = co.municipality_code
        left join clusters cl on cl.organisation_id = ct.cluster_id
        order by ct.email, co.cvr`,
    withoutEmail: sql`${sources}
        select count(distinct pa.cvr)::int as n from participants pa
        left join contacts ct on ct.cvr = pa.cvr
        where ct.cvr is null`,
  };
}

async function lockedOpenSurvey(tx: Tx, caller: Caller, surveyId: string) {
  const survey = await loadSurvey(tx, surveyId, { lock: true });
  authorizeSurvey(caller.principal, 'manage', survey);
  if (!recipientsOpen(survey.status)) throw new AppError('conflict', 'The survey is closed');
  return survey;
}

/** Adds recipients from the platform to a survey that is not closed. */
export async function addPlatformAudience(
  db: Db,
  caller: Caller,
  surveyId: string,
  input: unknown,
  now: Date,
): Promise<AudienceResult> {
  return withActor(db, caller.actor, async (tx) => {
    await lockedOpenSurvey(tx, caller, surveyId);
    const audience = parseInput(platformAudienceInput, input);
    if (audience.source === 'event_registrants') await authorizeEventAudience(tx, caller, audience.eventId);
    return insertPlatformAudience(tx, surveyId, audience, now);
  });
}

/** Invites recipients from the platform, for a caller already authorised (or the demo seed). */
export async function insertPlatformAudience(
  tx: Tx,
  surveyId: string,
  audience: PlatformAudience,
  now: Date,
): Promise<AudienceResult> {
  if (audience.source === 'event_registrants')
    return insertUsersAudience(
      tx,
      surveyId,
      eventSource(audience.eventId),
      eventRegistrantIds(audience.eventId),
    );
  const query =
    audience.source === 'cluster_organisations'
      ? clusterOrganisations
      : audience.source === 'role'
        ? usersOfRole(audience.role)
        : participatingCompanies(audience.fromYear, audience.toYear, now);
  const source = audience.source === 'role' ? `role:${audience.role}` : audience.source;
  const counts = await insertCandidates(tx, surveyId, source, query.candidates);
  const [missing] = await queryRows<{ n: number }>(tx, query.withoutEmail);
  return { ...counts, withoutEmail: missing?.n ?? 0 };
}

/**
 * Invites the people of the platform whose user id `userIds` selects (another area's audience,
 * e.g. a course's attendees), for a caller already authorised; `source` names the audience.
 */
export async function insertUsersAudience(
  tx: Tx,
  surveyId: string,
  source: string,
  userIds: SQL,
): Promise<AudienceResult> {
  const counts = await insertCandidates(
    tx,
    surveyId,
    source,
    platformUsers(sql`u.id in (${userIds})`).candidates,
  );
  return { ...counts, withoutEmail: 0 };
}

/**
 * Adds the recipients of an uploaded list (e-mail; CVR and name optional). A company's size and
 * region come from the platform when its CVR is known. A list with any problem adds nothing:
 * the problems come back, each with its line and column.
 */
export async function addUploadedAudience(
  db: Db,
  caller: Caller,
  surveyId: string,
  file: Uint8Array,
): Promise<{ result: AudienceResult | null; issues: ListIssue[] }> {
  return withActor(db, caller.actor, async (tx) => {
    await lockedOpenSurvey(tx, caller, surveyId);
    const { rows, issues } = await readPeopleList(file, { required: ['email'], uniqueBy: 'email' });
    if (issues.length > 0) return { result: null, issues };
    const json = JSON.stringify(rows.map((r) => ({ email: r.email, cvr: r.cvr, name: r.name })));
    const candidates = sql`with r as materialized (
          select * from jsonb_to_recordset(${json}::jsonb) as r(email text, cvr text, name text)
        ),
        co as materialized (${latestCompanyData(sql`p.cvr in (select cvr from r)`)})
        select distinct on (r.email)
          r.email, coalesce(r.name, co.name) as name, r.cvr::char(8) as cvr, null::uuid as cluster_id,
          mu.region_code, ${sizeBandSql(sql`co.employees`)} as size_band, null::cluster_league as league,
          'da' as lang
        from r
        left join co on co.cvr = r.cvr
        left join municipalities mu on mu.code = co.municipality_code
        order by r.email`;
    const counts = await insertCandidates(tx, surveyId, 'csv', candidates);
    return { result: { ...counts, withoutEmail: 0 }, issues: [] };
  });
}
