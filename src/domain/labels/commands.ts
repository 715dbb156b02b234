import { sql } from 'drizzle-orm';
import { type Actor, withActor } from '../../db/actor.ts';
import { type Db, queryRows } from '../../db/client.ts';
import { clusterLabels } from '../../db/schema/index.ts';
import type { Caller } from '../caller.ts';
import { inFileOrder, type LabelCsvInput, readLabelList } from './csv-import.ts';
import { authorizeLabelImport } from './policy.ts';
import { clusterIdsByCvr } from './queries.ts';
import type { ImportIssue, LabelLevel } from './schemas.ts';

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

export type ImportResult = ({ ok: true } & RecordedLabels) | { ok: false; errors: ImportIssue[] };

/**
 * Imports a label list all or nothing, for a caller who keeps the register (support staff,
 * admins): any problem in the file and nothing is written, with every problem listed by line and
 * column. A label already in the register (same cluster, level and award date) is not added
 * again: it is counted unchanged, or updated when its validity or assessing body differs (a
 * corrected list is the usual reason to import again).
 */
export async function importLabelsCsv(
  db: Db,
  caller: Caller,
  input: LabelCsvInput,
  opts: { maxBytes?: number } = {},
): Promise<ImportResult> {
  authorizeLabelImport(caller);
  const { labels, issues } = await readLabelList(input, opts.maxBytes);
  const clusterIds = await clusterIdsByCvr(db, [...new Set(labels.map((l) => l.clusterCvr))]);
  for (const label of labels) {
    if (!clusterIds.has(label.clusterCvr)) {
      issues.push({
        line: label.line,
        column: 'cluster_cvr',
        value: label.clusterCvr,
        code: 'clusterUnknown',
      });
    }
  }
  if (issues.length > 0) return { ok: false, errors: inFileOrder(issues) };
  const counts = await recordLabels(
    db,
    caller.actor,
    labels.map((l) => ({ ...l, organisationId: clusterIds.get(l.clusterCvr) as string })),
  );
  return { ok: true, ...counts };
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
async function recordLabels(db: Db, actor: Actor, labels: readonly LabelInput[]): Promise<RecordedLabels> {
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
    const toUpdate: { id: string; validUntil: string; assessingBody: string }[] = [];
    for (const label of labels) {
      const found = byKey.get(labelKey(label));
      if (!found) toInsert.push(label);
      else if (found.validUntil !== label.validUntil || found.assessingBody !== label.assessingBody)
        toUpdate.push({ id: found.id, validUntil: label.validUntil, assessingBody: label.assessingBody });
    }
    // One statement for every corrected label, not one per label.
    if (toUpdate.length > 0) {
      await tx.execute(
        sql`update cluster_labels l set valid_until = v."validUntil", assessing_body = v."assessingBody"
            from jsonb_to_recordset(${JSON.stringify(toUpdate)}::jsonb)
              as v(id uuid, "validUntil" date, "assessingBody" text)
            where l.id = v.id`,
      );
    }
    // PostgreSQL takes at most 65,535 parameters per statement; a label row needs five.
    for (let i = 0; i < toInsert.length; i += INSERT_CHUNK) {
      await tx.insert(clusterLabels).values(toInsert.slice(i, i + INSERT_CHUNK));
    }
    return {
      inserted: toInsert.length,
      updated: toUpdate.length,
      unchanged: labels.length - toInsert.length - toUpdate.length,
    };
  });
}
