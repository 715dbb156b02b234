import type { Tx } from '../../db/client.ts';
import { referralEvents, referrals } from '../../db/schema/index.ts';
import { slugFromTitle } from '../content/slug.ts';
import { completeCvr } from '../reference/identifiers.ts';
import { demoUuid } from './ids.ts';
import { organisationId } from './organisations.ts';

const org = (name: string) => organisationId(slugFromTitle(name));
const FYN = org('Erhvervshus Fyn');
const MIDT = org('Erhvervshus Midtjylland');
const ROBOTICS = org('Odense Robotics');
/** Region codes of the two organisations' seats: Syddanmark (Odense), Midtjylland (Aarhus). */
const SYDDANMARK = 1083;
const MIDTJYLLAND = 1082;

/** The first valid CVR number from `start` (7 digits) on: a synthetic company's, made up on purpose. */
function syntheticCvr(start: number): string {
  for (let n = start; ; n++) {
    const cvr = completeCvr(String(n));
    if (cvr) return cvr;
  }
}

const at = (iso: string) => new Date(iso);

/**
 * Referrals between the demo business hubs and Odense Robotics (the demo staff login's cluster),
 * with synthetic companies and contacts (marked "syntetisk"): one waiting for the cluster's
 * answer from the demo hub login's Erhvervshus Fyn, one from Erhvervshus Midtjylland across the
 * regional border that ended with the company joining an activity, and one declined.
 */
export async function insertDemoReferrals(tx: Tx): Promise<number> {
  const base = {
    toOrganisationId: ROBOTICS,
    toRegionCode: SYDDANMARK,
    theme: 'robotics',
    contactPhone: null,
  };
  const waiting = demoUuid('referral:waiting');
  const joined = demoUuid('referral:joined');
  const declined = demoUuid('referral:declined');
  const rows = [
    {
      ...base,
      id: waiting,
      batchId: demoUuid('referral-batch:waiting'),
      fromOrganisationId: FYN,
      fromRegionCode: SYDDANMARK,
      cvr: syntheticCvr(8_800_100),
      companyName: 'Fynsk Pakkeautomatik ApS (syntetisk)',
      need: 'Vil automatisere pakning af små serier og søger en partner til et forprojekt. (syntetisk)',
      contactName: 'Lene Syntetisk',
      contactEmail: 'lene@pakkeautomatik.example',
      consentRecordedAt: at('2026-11-30T09:00:00Z'),
      sentAt: at('2026-11-30T09:00:00Z'),
    },
    {
      ...base,
      id: joined,
      batchId: demoUuid('referral-batch:joined'),
      fromOrganisationId: MIDT,
      fromRegionCode: MIDTJYLLAND,
      cvr: syntheticCvr(8_800_200),
      companyName: 'Jysk Svejserobot A/S (syntetisk)',
      need: 'Søger viden om kollaborative robotter til svejsning. (syntetisk)',
      contactName: 'Mads Syntetisk',
      contactEmail: 'mads@svejserobot.example',
      consentRecordedAt: at('2026-09-01T08:00:00Z'),
      sentAt: at('2026-09-01T08:00:00Z'),
      status: 'completed' as const,
      acceptedAt: at('2026-09-02T10:00:00Z'),
      contactedOn: '2026-09-04',
      outcome: 'joined_activity' as const,
      outcomeOn: '2026-10-01',
      closedAt: at('2026-10-01T12:00:00Z'),
    },
    {
      ...base,
      id: declined,
      batchId: demoUuid('referral-batch:declined'),
      fromOrganisationId: FYN,
      fromRegionCode: SYDDANMARK,
      cvr: syntheticCvr(8_800_300),
      companyName: 'Odense Bageri ApS (syntetisk)',
      theme: 'food',
      need: 'Ønsker hjælp til eksport af bagerivarer. (syntetisk)',
      contactName: 'Bo Syntetisk',
      contactEmail: 'bo@bageri.example',
      consentRecordedAt: at('2026-10-10T08:00:00Z'),
      sentAt: at('2026-10-10T08:00:00Z'),
      status: 'declined' as const,
      declinedAt: at('2026-10-12T08:00:00Z'),
      closedAt: at('2026-10-12T08:00:00Z'),
    },
  ];
  await tx.insert(referrals).values(rows);
  const hub = (organisationId: string, actorName: string) => ({ organisationId, actorName });
  const cluster = hub(ROBOTICS, 'Kasper Klyngesen');
  await tx.insert(referralEvents).values([
    {
      referralId: waiting,
      kind: 'sent',
      at: at('2026-11-30T09:00:00Z'),
      ...hub(FYN, 'Erik Erhvervshus'),
      note: null,
    },
    {
      referralId: joined,
      kind: 'sent',
      at: at('2026-09-01T08:00:00Z'),
      ...hub(MIDT, 'Rådgiver (syntetisk)'),
      note: null,
    },
    { referralId: joined, kind: 'accepted', at: at('2026-09-02T10:00:00Z'), ...cluster, note: null },
    { referralId: joined, kind: 'contacted', at: at('2026-09-04T10:00:00Z'), ...cluster, note: null },
    {
      referralId: joined,
      kind: 'completed',
      at: at('2026-10-01T12:00:00Z'),
      ...cluster,
      note: 'Deltog i netværksmøde om svejsning.',
    },
    {
      referralId: declined,
      kind: 'sent',
      at: at('2026-10-10T08:00:00Z'),
      ...hub(FYN, 'Erik Erhvervshus'),
      note: null,
    },
    {
      referralId: declined,
      kind: 'declined',
      at: at('2026-10-12T08:00:00Z'),
      ...cluster,
      note: 'Fødevarer ligger uden for vores tema; prøv Food & Bio Cluster Denmark.',
    },
  ]);
  return rows.length;
}
