import { sql } from 'drizzle-orm';
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

/** A fingerprint of all reported data, to prove a rejected delivery wrote nothing. */
export async function dataFingerprint(database: Database): Promise<string> {
  const [row] = await queryRows<{ f: string }>(
    database.db,
    sql`select md5(
          coalesce((select string_agg(concat_ws('|', cvr, name, employees, municipality_code, industry_code), ',' order by cvr) from companies), '') ||
          coalesce((select string_agg(concat_ws('|', cluster_id, activity_ref, title, category, start_date, end_date, grant_dkk,
                     external_funding_dkk, private_cofinancing_hours), ',' order by cluster_id, activity_ref) from activities), '') ||
          coalesce((select string_agg(concat_ws('|', a.activity_ref, p.participant_type, p.cvr, p.foreign_name, p.country,
                     p.new_competence, p.new_idea, p.new_product), ',' order by a.activity_ref, p.cvr, p.foreign_name)
                    from participations p join activities a on a.id = p.activity_id), '') ||
          coalesce((select string_agg(concat_ws('|', cvr, name, municipality_code, website), ',' order by cvr)
                    from organisations where kind = 'cluster_organisation'), '')) as f`,
  );
  return row?.f ?? '';
}
