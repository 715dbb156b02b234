/**
 * One grant as its follow-up (agreement, payment plan) sees it: the facts the agreement states,
 * the agreement's state and who may do what with it (policy.ts). A user who may not follow the
 * grant is refused here, so every command and page of the follow-up starts from this.
 */
import { sql } from 'drizzle-orm';
import { type Queryable, queryRows } from '../../db/client.ts';
import type { Caller } from '../caller.ts';
import { forbidden, notFound } from '../errors.ts';
import { isUuid } from '../ids.ts';
import { fundersOf } from '../reporting/periods/years.ts';
import type { GrantSource } from './league-rule.ts';
import {
  type AgreementStatus,
  followsAsFunder,
  type GrantPermissions,
  type GrantTarget,
  grantPermissions,
  isGrantee,
} from './policy.ts';

export interface GrantAgreement {
  status: AgreementStatus;
  conditions: string | null;
  issuedAt: Date;
  sentAt: Date | null;
  acceptedAt: Date | null;
  acceptedByName: string | null;
}

export interface GrantFacts extends GrantTarget {
  id: string;
  funderName: string;
  funderAddress: string | null;
  clusterName: string;
  clusterSlug: string;
  clusterAddress: string | null;
  year: number;
  amountDkk: number;
  source: GrantSource;
  agreement: GrantAgreement | null;
  may: GrantPermissions;
}

type GrantRow = Omit<GrantFacts, 'fundedBy' | 'agreement' | 'may'> & {
  status: AgreementStatus | null;
  conditions: string | null;
  issuedAt: Date | null;
  sentAt: Date | null;
  acceptedAt: Date | null;
  acceptedByName: string | null;
};

const toDate = (v: Date | string | null) => (v === null ? null : new Date(v));

/**
 * The grant with its agreement, for a user who follows it: the funder side or the cluster's own
 * staff (`forbidden` for anyone else, `not_found` for no such grant); `side` narrows that to the
 * funder side's pages or the cluster's. `lock` takes the grant's row lock, so two changes of one
 * grant's follow-up run one after the other.
 */
export async function grantFacts(
  db: Queryable,
  caller: Caller,
  grantId: string,
  opts: { lock?: boolean; side?: 'funder' | 'cluster' } = {},
): Promise<GrantFacts> {
  if (!isUuid(grantId)) throw notFound('grant');
  if (opts.lock) await db.execute(sql`select 1 from funding_grants where id = ${grantId} for update`);
  const [row] = await queryRows<GrantRow>(
    db,
    sql`select g.id, g.funder_id as "funderId", f.name as "funderName", f.address as "funderAddress",
               g.cluster_id as "clusterId", c.name as "clusterName", c.slug as "clusterSlug",
               c.address as "clusterAddress", g.year, g.amount_dkk::float8 as "amountDkk", g.source,
               a.status, a.conditions, a.issued_at as "issuedAt", a.sent_at as "sentAt",
               a.accepted_at as "acceptedAt", u.name as "acceptedByName"
        from funding_grants g
        join organisations f on f.id = g.funder_id
        join organisations c on c.id = g.cluster_id
        left join grant_agreements a on a.grant_id = g.id
        left join users u on u.id = a.accepted_by
        where g.id = ${grantId}`,
  );
  if (!row) throw notFound('grant');
  const target: GrantTarget = {
    funderId: row.funderId,
    clusterId: row.clusterId,
    fundedBy: await fundersOf(db, row.clusterId, row.year),
  };
  const { principal } = caller;
  const asFunder = opts.side !== 'cluster' && followsAsFunder(principal, target);
  const asCluster = opts.side !== 'funder' && isGrantee(principal, target);
  if (!asFunder && !asCluster) throw forbidden('Not a funder or the cluster of this grant');
  const { status, conditions, issuedAt, sentAt, acceptedAt, acceptedByName, ...grant } = row;
  const agreement =
    status === null
      ? null
      : {
          status,
          conditions,
          issuedAt: new Date(issuedAt ?? 0),
          sentAt: toDate(sentAt),
          acceptedAt: toDate(acceptedAt),
          acceptedByName,
        };
  return { ...grant, ...target, agreement, may: grantPermissions(principal, target, status) };
}
