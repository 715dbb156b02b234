/** What the organisation pages of the administration show; admins and support staff (`organisations.manage`). */
import { sql } from 'drizzle-orm';
import { type Queryable, queryRows } from '../../db/client.ts';
import { clusters, municipalities, organisations } from '../../db/schema/index.ts';
import type { Caller } from '../caller.ts';
import { AppError } from '../errors.ts';
import { isUuid } from '../ids.ts';
import { authorize } from '../policy/policy.ts';
import type { OrganisationKind } from './schemas.ts';

export interface OrganisationRow {
  id: string;
  kind: OrganisationKind;
  name: string;
  slug: string;
  cvr: string | null;
  address: string | null;
  municipalityCode: number | null;
  municipalityName: string | null;
  funderLevel: 'national' | 'regional' | 'municipal' | null;
  league: 'world_class' | 'regional' | 'emerging' | null;
  endedOn: string | null;
  successorId: string | null;
  successorName: string | null;
}

function selectOrganisations(where: ReturnType<typeof sql>) {
  return sql`
    select o.id, o.kind, o.name, o.slug, o.cvr, o.address, o.municipality_code as "municipalityCode",
           m.name as "municipalityName", o.funder_level as "funderLevel", c.league,
           coalesce(o.ended_on, c.ended_on)::text as "endedOn", o.successor_id as "successorId",
           s.name as "successorName"
    from ${organisations} o
    left join ${clusters} c on c.organisation_id = o.id
    left join ${municipalities} m on m.code = o.municipality_code
    left join ${organisations} s on s.id = o.successor_id
    where ${where}
    order by o.kind, o.name`;
}

/** Every organisation, or those of one kind, by kind and name. */
export async function organisationRegister(
  db: Queryable,
  caller: Caller,
  filter: { kind?: OrganisationKind } = {},
): Promise<OrganisationRow[]> {
  authorize(caller.principal, 'organisations.manage');
  return queryRows<OrganisationRow>(
    db,
    selectOrganisations(filter.kind ? sql`o.kind = ${filter.kind}` : sql`true`),
  );
}

/** One organisation, with the clusters that may succeed it (other cluster organisations not ended). */
export async function organisationForEdit(
  db: Queryable,
  caller: Caller,
  id: string,
): Promise<{ organisation: OrganisationRow; successorCandidates: { id: string; name: string }[] }> {
  authorize(caller.principal, 'organisations.manage');
  if (!isUuid(id)) throw new AppError('not_found', 'no such organisation');
  const [organisation] = await queryRows<OrganisationRow>(db, selectOrganisations(sql`o.id = ${id}`));
  if (!organisation) throw new AppError('not_found', 'no such organisation');
  const successorCandidates =
    organisation.kind === 'cluster_organisation'
      ? await queryRows<{ id: string; name: string }>(
          db,
          sql`select o.id, o.name from ${organisations} o join ${clusters} c on c.organisation_id = o.id
              where o.id <> ${id} and o.ended_on is null and c.ended_on is null order by o.name`,
        )
      : [];
  return { organisation, successorCandidates };
}
