import { sql } from 'drizzle-orm';
import { systemActor, withActor } from '../../src/db/actor.ts';
import { type Database, queryRows } from '../../src/db/client.ts';
import type { Caller } from '../../src/domain/caller.ts';
import type { DeliveryFile } from '../../src/domain/reporting/delivery/load.ts';
import { submitDelivery } from '../../src/domain/reporting/delivery/submit.ts';
import { systemCaller } from '../../src/domain/reporting/policy.ts';

/** The command line's caller: may deliver for every cluster, the cluster register included. */
export const SYSTEM = systemCaller('test');

export const textFile = (name: string, text: string): DeliveryFile => ({
  name,
  open: async function* () {
    yield Buffer.from(text, 'utf8');
  },
});

export const bytesFile = (name: string, bytes: Uint8Array): DeliveryFile => ({
  name,
  open: async function* () {
    yield bytes;
  },
});

/** One delivery of `files` by `caller` (by default as the command line delivers). */
export function deliver(database: Database, files: DeliveryFile[], caller: Caller = SYSTEM) {
  return submitDelivery(database, caller, { channel: 'cli', files, now: () => new Date() });
}

/**
 * Marks every (cluster, year) with activities approved, or only those of the given cluster
 * organisations (by CVR), as a funder would: their figures become the official account. The
 * years are then closed to deliveries.
 */
export async function approveReportedYears(database: Database, clusterCvrs?: readonly string[]) {
  await withActor(database.db, systemActor('test'), (tx) =>
    tx.execute(sql`insert into reporting_periods (cluster_id, year, status)
        select distinct a.cluster_id, a.year, 'approved'::period_status from activities a
        join organisations o on o.id = a.cluster_id
        where ${clusterCvrs ? sql`o.cvr = any(${`{${clusterCvrs.join(',')}}`}::text[])` : sql`true`}
        on conflict (cluster_id, year) do update set status = 'approved'`),
  );
}

/** A fingerprint of all reported data, to prove a rejected delivery wrote nothing. */
export async function dataFingerprint(database: Database): Promise<string> {
  const [row] = await queryRows<{ f: string }>(
    database.db,
    sql`select md5(
          coalesce((select string_agg(cvr, ',' order by cvr) from companies), '') ||
          coalesce((select string_agg(concat_ws('|', cluster_id, activity_ref, title, category, start_date, end_date, grant_dkk,
                     external_funding_dkk, private_cofinancing_hours, cofinancing_fees_dkk, cofinancing_sponsorship_dkk,
                     cofinancing_foundations_dkk, eu_application), ',' order by cluster_id, activity_ref) from activities), '') ||
          coalesce((select string_agg(concat_ws('|', a.activity_ref, p.participant_type, p.cvr, p.name, p.country,
                     p.employees, p.municipality_code, p.industry_code, p.institution_kind,
                     p.new_competence, p.new_idea, p.new_product), ',' order by a.activity_ref, p.cvr, p.name)
                    from participations p join activities a on a.id = p.activity_id), '') ||
          coalesce((select string_agg(concat_ws('|', cvr, name, municipality_code, website), ',' order by cvr)
                    from organisations where kind = 'cluster_organisation'), '')) as f`,
  );
  return row?.f ?? '';
}
