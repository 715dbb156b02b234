/**
 * A company's partner profile, kept by its own users (`companyProfile.edit`). The region of a
 * Danish company follows from its municipality; a foreign one has its country.
 */
import { sql } from 'drizzle-orm';
import { withActor } from '../../db/actor.ts';
import { type Db, type Queryable, queryRows } from '../../db/client.ts';
import { companyProfiles } from '../../db/schema/index.ts';
import type { Caller } from '../caller.ts';
import { AppError, parseInput } from '../errors.ts';
import { authorize, type Principal } from '../policy/policy.ts';
import { type CompanySize, profileForm } from './schemas.ts';

export interface CompanyProfile {
  organisationId: string;
  name: string;
  slug: string;
  cvr: string | null;
  country: string;
  registrationNumber: string | null;
  municipalityName: string | null;
  regionCode: number | null;
  description: string;
  technologies: string[];
  themes: string[];
  industryCode: string | null;
  size: CompanySize | null;
  languages: string[];
  seeks: string;
}

/** The companies the principal acts for as a company user. */
export const companiesOf = (p: Principal | null): string[] =>
  (p?.memberships ?? []).filter((m) => m.role === 'company_user').map((m) => m.organisationId);

/** The one company a caller acts for; forbidden for anyone who acts for none. */
export function ownCompany(caller: Caller): string {
  const [id] = companiesOf(caller.principal);
  if (!id) throw new AppError('forbidden', 'Not a company user');
  authorize(caller.principal, 'companyProfile.edit', { organisationId: id });
  return id;
}

/** Company profiles; a company that signed in through MitID Erhverv has no profile row until it writes one. */
export const selectCompanyProfiles = (where: ReturnType<typeof sql>) => sql`
  select o.id as "organisationId", o.name, o.slug, o.cvr, coalesce(p.country, 'DK') as country,
         p.registration_number as "registrationNumber", m.name as "municipalityName",
         m.region_code::int as "regionCode", coalesce(p.description, '') as description,
         coalesce(p.technologies, '{}') as technologies, coalesce(p.themes, '{}') as themes,
         p.industry_code as "industryCode", p.size, coalesce(p.languages, '{}') as languages,
         coalesce(p.seeks, '') as seeks
  from organisations o
  left join company_profiles p on p.organisation_id = o.id
  left join municipalities m on m.code = o.municipality_code
  where ${where}`;

/** The caller's own company profile. */
export async function ownCompanyProfile(db: Queryable, caller: Caller): Promise<CompanyProfile> {
  const id = ownCompany(caller);
  const [profile] = await queryRows<CompanyProfile>(
    db,
    selectCompanyProfiles(sql`o.id = ${id} and o.kind = 'company'`),
  );
  if (!profile) throw new AppError('not_found', 'no company profile');
  return profile;
}

/** Saves the caller's company's partner profile. */
export async function updateCompanyProfile(db: Db, caller: Caller, input: unknown, now: Date): Promise<void> {
  const id = ownCompany(caller);
  const data = parseInput(profileForm, input);
  const values = {
    description: data.description,
    technologies: data.technologies,
    themes: data.themes,
    industryCode: data.industryCode ?? null,
    size: data.size ?? null,
    languages: data.languages,
    seeks: data.seeks,
    updatedAt: now,
  };
  await withActor(db, caller.actor, (tx) =>
    tx
      .insert(companyProfiles)
      .values({ organisationId: id, ...values })
      .onConflictDoUpdate({ target: companyProfiles.organisationId, set: values }),
  );
}
