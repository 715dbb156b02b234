import { sql } from 'drizzle-orm';
import { type Actor, withActor } from '../../db/actor.ts';
import { type Db, queryRows } from '../../db/client.ts';
import { clusterLabels } from '../../db/schema/index.ts';
import type { LabelLevel } from './schemas.ts';

export interface LabelInput {
  organisationId: string;
  level: LabelLevel;
  awardedOn: string;
  validUntil: string;
  assessingBody: string;
}

export interface RecordedLabels {
  inserted: number;
  updated: number;
  unchanged: number;
}

// Any constant key of our own; PostgreSQL advisory locks are per database.
const LABEL_WRITE_LOCK = 724_002;

const INSERT_CHUNK = 2_000;

const labelKey = (l: { organisationId: string; level: string; awardedOn: string }) =>
  `${l.organisationId}|${l.level}|${l.awardedOn}`;

/**
 * Records labels in one transaction as `actor`. A label is identified by cluster, level and award
 * date: one already registered is left alone when identical and updated when its validity or
 * assessing body differs, so importing the same list twice changes nothing.
 */
export async function recordLabels(
  db: Db,
  actor: Actor,
  labels: readonly LabelInput[],
): Promise<RecordedLabels> {
  return withActor(db, actor, async (tx) => {
    // The table has no unique key on (cluster, level, award date): two imports at once must not
    // both decide that a label is new.
    await tx.execute(sql`select pg_advisory_xact_lock(${LABEL_WRITE_LOCK})`);
    const organisationIds = [...new Set(labels.map((l) => l.organisationId))];
    const existing = await queryRows<LabelInput & { id: string }>(
      tx,
      sql`select id, organisation_id as "organisationId", level, awarded_on::text as "awardedOn",
                 valid_until::text as "validUntil", assessing_body as "assessingBody"
          from cluster_labels
          where organisation_id in (select jsonb_array_elements_text(${JSON.stringify(organisationIds)}::jsonb)::uuid)`,
    );
    const byKey = new Map(existing.map((e) => [labelKey(e), e]));
    const toInsert: LabelInput[] = [];
    let updated = 0;
    let unchanged = 0;
    for (const label of labels) {
      const found = byKey.get(labelKey(label));
      if (!found) {
        toInsert.push(label);
      } else if (found.validUntil === label.validUntil && found.assessingBody === label.assessingBody) {
        unchanged++;
      } else {
        await tx.execute(
          sql`update cluster_labels set valid_until = ${label.validUntil}, assessing_body = ${label.assessingBody}
              where id = ${found.id}`,
        );
        updated++;
      }
    }
    // PostgreSQL takes at most 65,535 parameters per statement; a label row needs five.
    for (let i = 0; i < toInsert.length; i += INSERT_CHUNK) {
      await tx.insert(clusterLabels).values(toInsert.slice(i, i + INSERT_CHUNK));
    }
    return { inserted: toInsert.length, updated, unchanged };
  });
}
