/**
 * The grant agreement (bevillingsaftale, docs/grants.md): the grant's funder draws it up from the
 * template with the grant's facts and its own conditions, sends it to the cluster, and the
 * cluster's staff accept it in the portal (who and when are kept). Draft → sent → accepted, each
 * step once; every change is audited through withActor. The letter is laid out as the calls'
 * decision letters are (letterHead, letterPdf).
 */
import { and, eq, sql } from 'drizzle-orm';
import { withActor } from '../../db/actor.ts';
import { type Db, type Queryable, queryRows } from '../../db/client.ts';
import { grantAgreements } from '../../db/schema/index.ts';
import type { Caller } from '../caller.ts';
import { letterHead, letterPdf, postalLines } from '../calls/letters.ts';
import { AppError, forbidden, notFound } from '../errors.ts';
import { can } from '../policy/policy.ts';
import { formatAmount, formatDate, formatDay } from '../reference/danish.ts';
import { type GrantFacts, grantFacts } from './grant-facts.ts';
import { paymentPlanOf } from './payments.ts';
import type { AgreementInput } from './schemas.ts';

/** The grant's journal number on its letters. */
export const grantReference = (g: { id: string; year: number }) =>
  `BEV-${g.year}-${g.id.slice(0, 8).toUpperCase()}`;

const conflict = (field: string, message: string) => new AppError('conflict', message, [{ field, message }]);

/** Draws up the agreement as a draft, or changes the draft's conditions; refused once it is sent. */
export async function issueAgreement(
  db: Db,
  caller: Caller,
  grantId: string,
  input: AgreementInput,
  now: Date,
): Promise<void> {
  await withActor(db, caller.actor, async (tx) => {
    const grant = await grantFacts(tx, caller, grantId, { lock: true });
    if (!grant.may.issue) {
      if (grant.agreement && grant.agreement.status !== 'draft') throw conflict('agreement', 'agreementSent');
      throw forbidden('Only the grant’s funder draws up its agreement');
    }
    const values = { conditions: input.conditions ?? null, issuedBy: caller.actor.userId, issuedAt: now };
    await tx
      .insert(grantAgreements)
      .values({ grantId, status: 'draft', ...values })
      .onConflictDoUpdate({ target: grantAgreements.grantId, set: values });
  });
}

/**
 * Sends the draft to the cluster. The agreement pays out per the payment plan, so a plan that does
 * not add up to the grant is refused (`conflict` on the plan).
 */
export async function sendAgreement(db: Db, caller: Caller, grantId: string, now: Date): Promise<void> {
  await withActor(db, caller.actor, async (tx) => {
    const grant = await grantFacts(tx, caller, grantId, { lock: true });
    if (!grant.may.send) {
      if (grant.agreement && grant.may.recordPayments) throw conflict('agreement', 'agreementSent');
      if (!grant.agreement && grant.may.issue) throw conflict('agreement', 'agreementMissing');
      throw forbidden('Only the grant’s funder sends its agreement');
    }
    const plan = await paymentPlanOf(tx, grant);
    if (plan.plannedDkk !== grant.amountDkk) throw conflict('plan', 'planIncomplete');
    await tx
      .update(grantAgreements)
      .set({ status: 'sent', sentBy: caller.actor.userId, sentAt: now })
      .where(and(eq(grantAgreements.grantId, grantId), eq(grantAgreements.status, 'draft')));
  });
}

/** The cluster's staff accept the agreement sent to them; who and when are kept. */
export async function acceptAgreement(db: Db, caller: Caller, grantId: string, now: Date): Promise<void> {
  await withActor(db, caller.actor, async (tx) => {
    const grant = await grantFacts(tx, caller, grantId, { lock: true });
    if (!grant.may.accept) {
      if (grant.may.readAgreement && grant.agreement?.status === 'accepted')
        throw conflict('agreement', 'agreementAccepted');
      if (!grant.may.readAgreement) throw notFound('agreement');
      throw forbidden('Only the cluster’s staff accept its agreement');
    }
    await tx
      .update(grantAgreements)
      .set({ status: 'accepted', acceptedBy: caller.actor.userId, acceptedAt: now })
      .where(and(eq(grantAgreements.grantId, grantId), eq(grantAgreements.status, 'sent')));
  });
}

/** The grant's agreement as a person may read it; `not_found` when there is none they may read. */
async function readableAgreement(db: Queryable, caller: Caller, grantId: string) {
  const grant = await grantFacts(db, caller, grantId);
  if (!grant.agreement || !grant.may.readAgreement) throw notFound('agreement');
  return { grant, agreement: grant.agreement };
}

/** The funder's case officer: whoever drew up the agreement, when a person did. */
async function officerOf(db: Queryable, grantId: string) {
  const [row] = await queryRows<{ name: string; email: string }>(
    db,
    sql`select u.name, u.email from grant_agreements a join users u on u.id = a.issued_by
        where a.grant_id = ${grantId}`,
  );
  return row ?? null;
}

const SOURCES: Record<GrantFacts['source'], string> = {
  finance_act: 'finansloven',
  regional_development_funds: 'regionale udviklingsmidler',
  eu_structural_funds: 'EU-strukturfondsmidler',
  municipal_budget: 'kommunalt budget',
  other: 'andre midler',
};

/** The letter's headings, set in bold in the PDF. */
const HEADINGS = {
  grant: 'Bevillingen',
  reporting: 'Indberetning',
  actionPlan: 'Handlingsplan',
  payments: 'Udbetaling',
  conditions: 'Særlige vilkår',
  acceptance: 'Accept',
} as const;

/** The template's conditions, with the grant's facts and the payment plan filled in. */
async function termsLines(db: Queryable, grant: GrantFacts): Promise<string[]> {
  const plan = await paymentPlanOf(db, grant);
  const { year, clusterName } = grant;
  return [
    HEADINGS.grant,
    `${grant.funderName} yder ${clusterName} et tilskud på ${formatAmount(grant.amountDkk, 'da')} til`,
    `klyngeorganisationens drift og aktiviteter i ${year}. Tilskuddet finansieres af ${SOURCES[grant.source]}.`,
    '',
    HEADINGS.reporting,
    `Klyngen indberetter sine aktiviteter og deltagere for ${year} i Klyngeportalen efter`,
    'Klyngeportalens indberetningsformat og indsender året til godkendelse inden fristen',
    `for indberetning. Tallene indgår i det fælles performanceregnskab, når ${grant.funderName}`,
    'har godkendt året.',
    '',
    HEADINGS.actionPlan,
    `Klyngen udarbejder en handlingsplan for ${year} i Klyngeportalen, som finansiørerne accepterer,`,
    'og følger op på den ved årets udgang.',
    '',
    HEADINGS.payments,
    ...(plan.instalments.length === 0
      ? ['Tilskuddet udbetales efter en betalingsplan, der meddeles særskilt.']
      : [
          'Tilskuddet udbetales i disse rater:',
          ...plan.instalments.map(
            (i) => `  ${formatDate(i.dueOn, 'da')}: ${formatAmount(i.amountDkk, 'da')}`,
          ),
        ]),
    ...(grant.agreement?.conditions ? ['', HEADINGS.conditions, grant.agreement.conditions] : []),
    '',
    HEADINGS.acceptance,
    'Aftalen træder i kraft, når klyngen har accepteret den i Klyngeportalen.',
  ];
}

/** Who accepted the agreement and when, as the letter states it once it is accepted. */
const acceptedLine = (a: GrantFacts['agreement']) =>
  a?.status === 'accepted' && a.acceptedAt
    ? [`Accepteret af ${a.acceptedByName ?? 'klyngen'} ${formatDay(a.acceptedAt, 'da')}.`]
    : [];

/**
 * The agreement as plain lines (also what the tests read): the funder's letter head with the
 * grant's journal number, the subject, the template's terms and the signature.
 */
export async function agreementText(db: Queryable, caller: Caller, grantId: string, now: Date) {
  const { grant, agreement } = await readableAgreement(db, caller, grantId);
  const officer = await officerOf(db, grantId);
  const reference = grantReference(grant);
  const subject = `Bevillingsaftale: ${grant.clusterName} ${grant.year}`;
  const lines = [
    ...letterHead({
      sender: grant.funderName,
      addressLines: postalLines(grant.funderAddress),
      recipient: grant.clusterName,
      now: agreement.sentAt ?? now,
      reference,
      officer,
    }),
    '',
    subject,
    '',
    ...(await termsLines(db, grant)),
    ...acceptedLine(agreement),
    '',
    'Med venlig hilsen',
    ...(officer ? [officer.name] : []),
    grant.funderName,
  ];
  return { reference, subject, lines };
}

/** The agreement as a PDF, for those who may read it. */
export async function agreementPdf(db: Queryable, caller: Caller, grantId: string, now: Date) {
  const { lines, subject, reference } = await agreementText(db, caller, grantId, now);
  return { reference, pdf: await letterPdf(lines, subject, [subject, ...Object.values(HEADINGS)]) };
}

export interface ClusterGrant {
  id: string;
  clusterName: string;
  funderName: string;
  year: number;
  amountDkk: number;
  /** The agreement's state as the cluster sees it: a draft is not theirs to see yet. */
  agreementStatus: 'sent' | 'accepted' | null;
  paidDkk: number;
}

/**
 * The grants of the clusters whose staff the caller is, newest year first, with the agreement's
 * state and what has been paid (summed in SQL); `forbidden` for anyone else.
 */
export async function clusterGrants(db: Queryable, caller: Caller): Promise<ClusterGrant[]> {
  const clusters = caller.principal.memberships
    .map((m) => m.organisationId)
    .filter((id) => can(caller.principal, 'grants.viewOwn', { organisationId: id }));
  if (clusters.length === 0) throw forbidden('Only a cluster’s staff follow its grants');
  return queryRows<ClusterGrant>(
    db,
    sql`select g.id, c.name as "clusterName", f.name as "funderName", g.year,
               g.amount_dkk::float8 as "amountDkk",
               case when a.status = 'draft' then null else a.status end as "agreementStatus",
               coalesce((select sum(i.amount_dkk) from grant_instalments i
                         where i.grant_id = g.id and i.paid_on is not null), 0)::float8 as "paidDkk"
        from funding_grants g
        join organisations f on f.id = g.funder_id
        join organisations c on c.id = g.cluster_id
        left join grant_agreements a on a.grant_id = g.id
        where g.cluster_id in (${sql.join(
          clusters.map((id) => sql`${id}::uuid`),
          sql`, `,
        )})
        order by g.year desc, c.name, f.name`,
  );
}
