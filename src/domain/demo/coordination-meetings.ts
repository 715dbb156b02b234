import type { Tx } from '../../db/client.ts';
import {
  coordinationDecisions,
  coordinationMeetingParticipants,
  coordinationMeetings,
} from '../../db/schema/index.ts';
import { slugFromTitle } from '../content/slug.ts';
import { demoUuid } from './ids.ts';
import { organisationId } from './organisations.ts';

const org = (name: string) => organisationId(slugFromTitle(name));
const UFM = org('Uddannelses- og Forskningsministeriet');
const SYD = org('Region Syddanmark');
const ODENSE = org('Odense Kommune');

/**
 * Two coordination meetings between funders (seed 001, E4), invented for the demo: a meeting held
 * before a joint robotics call, with minutes and one decision open for the ministry (the demo
 * funder login) and one done; and a coming follow-up meeting without minutes yet.
 */
export async function insertDemoCoordinationMeetings(tx: Tx): Promise<void> {
  const before = demoUuid('coordination-meeting:robotter-foer-opslag');
  const followUp = demoUuid('coordination-meeting:robotter-opfoelgning');
  await tx.insert(coordinationMeetings).values([
    {
      id: before,
      title: 'Forberedelse af fælles indsats for robotteknologi på Fyn',
      kind: 'before_call',
      heldOn: '2026-11-19',
      agenda: [
        'Velkomst og formål',
        'Eksisterende regional og kommunal finansiering på Fyn',
        'Arbejdsdeling i et kommende opslag',
        'Eventuelt',
      ],
      fundingPlanId: demoUuid('funding-plan:robotter-fyn'),
      minutes:
        '## Referat\n\nDeltagerne gennemgik den eksisterende finansiering af automationsprojekter på Fyn.\n\n- Regionen fortsætter sin pulje til og med 2027.\n- Ministeriets indsats retter sig mod samarbejde med videninstitutioner, så de to ikke overlapper.\n',
      minutesPublishedAt: new Date('2026-11-21T10:00:00Z'),
      convenedBy: UFM,
      createdBy: demoUuid('user:funder@demo.klyngeportalen.dk'),
      createdAt: new Date('2026-11-02T09:00:00Z'),
    },
    {
      id: followUp,
      title: 'Opfølgning på robotindsatsen på Fyn',
      kind: 'follow_up',
      heldOn: '2027-05-20',
      agenda: ['Status på opslaget', 'Første erfaringer fra klyngen', 'Næste møde'],
      convenedBy: SYD,
      createdAt: new Date('2026-11-25T08:00:00Z'),
    },
  ]);
  await tx
    .insert(coordinationMeetingParticipants)
    .values([
      ...[UFM, SYD, ODENSE].map((funderId) => ({ meetingId: before, funderId })),
      ...[UFM, SYD].map((funderId) => ({ meetingId: followUp, funderId })),
    ]);
  await tx.insert(coordinationDecisions).values([
    {
      id: demoUuid('coordination-decision:opslagstekst'),
      meetingId: before,
      text: 'Ministeriet sender et udkast til opslagstekst til de andre finansiører',
      responsibleFunderId: UFM,
      dueOn: '2027-01-31',
      clusterId: org('Odense Robotics'),
      createdAt: new Date('2026-11-21T10:00:00Z'),
    },
    {
      id: demoUuid('coordination-decision:regional-pulje'),
      meetingId: before,
      text: 'Regionen beskriver sin eksisterende pulje, så opslagene ikke overlapper',
      responsibleFunderId: SYD,
      dueOn: '2026-12-01',
      status: 'done',
      createdAt: new Date('2026-11-21T10:00:00Z'),
      doneAt: new Date('2026-11-28T14:00:00Z'),
    },
  ]);
}
