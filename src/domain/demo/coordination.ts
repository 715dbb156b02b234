import type { Tx } from '../../db/client.ts';
import { fundingPlanComments, fundingPlans, notifications } from '../../db/schema/index.ts';
import { slugFromTitle } from '../content/slug.ts';
import { fundingPlanPath } from '../coordination/funding-plan-queries.ts';
import { demoUuid } from './ids.ts';
import { FUNDERS, organisationId } from './organisations.ts';

const org = (name: string) => organisationId(slugFromTitle(name));
const FUNDER_EMAIL = 'funder@demo.klyngeportalen.dk';
const UFM = 'Uddannelses- og Forskningsministeriet';

/**
 * Funding coordination's demo: three funding plans in the dialogue between funders (seed 000),
 * with comments and the notifications they caused. The ministry (the demo funder login) has
 * unread notifications and can comment on the region's open plan.
 */
export async function insertDemoCoordination(tx: Tx): Promise<void> {
  const hydrogen = demoUuid('funding-plan:brint-midt-vest');
  const robotics = demoUuid('funding-plan:robotter-fyn');
  const welfare = demoUuid('funding-plan:velfaerd-testcenter');
  await tx.insert(fundingPlans).values([
    {
      id: hydrogen,
      funderId: org('Region Midtjylland'),
      title: 'Brint- og Power-to-X-pulje i Midt- og Vestjylland',
      description:
        'En regional pulje, der skal hjælpe små og mellemstore virksomheder i gang med brint- og Power-to-X-projekter sammen med klyngerne i regionen. Vi vil gerne høre, om andre finansiører planlægger lignende indsatser.',
      theme: 'energy',
      regionCodes: [1082],
      budgetDkk: 15_000_000,
      decisionDate: '2027-06-30',
      relatedClusterIds: [org('Vestjysk Energi- og Brintklynge'), org('Energy Cluster Denmark')],
      createdAt: new Date('2026-10-05T08:00:00Z'),
    },
    {
      id: robotics,
      funderId: org(UFM),
      title: 'Fælles indsats for robotteknologi på Fyn',
      description:
        'Ministeriet overvejer en supplerende bevilling til samarbejdsprojekter mellem robotvirksomheder og videninstitutioner på Fyn. Indsatsen skal supplere, ikke erstatte, den regionale og kommunale finansiering.',
      theme: 'robotics',
      regionCodes: [1083],
      budgetDkk: 8_000_000,
      decisionDate: '2027-04-15',
      relatedClusterIds: [org('Odense Robotics')],
      proposedBy: demoUuid(`user:${FUNDER_EMAIL}`),
      createdAt: new Date('2026-09-14T09:30:00Z'),
    },
    {
      id: welfare,
      funderId: org('Region Syddanmark'),
      title: 'Testcenter for velfærdsteknologi',
      description:
        'Et fælles testcenter, hvor kommuner og virksomheder kan afprøve velfærdsteknologi, drevet sammen med den regionale klynge.',
      theme: 'welfare_technology',
      regionCodes: [1083],
      budgetDkk: 5_000_000,
      decisionDate: '2026-06-30',
      relatedClusterIds: [org('Sydjysk Velfærdsteknologisk Klynge')],
      status: 'decided',
      outcomeNote:
        'Besluttet efter høringen. Testcentret drives sammen med klyngen, og ministeriets kommentar om at undgå en ny parallel organisation er fulgt.',
      createdAt: new Date('2026-03-02T10:00:00Z'),
      closedAt: new Date('2026-07-01T09:00:00Z'),
    },
  ]);
  await tx.insert(fundingPlanComments).values([
    {
      id: demoUuid('comment:brint:nordjylland'),
      fundingPlanId: hydrogen,
      funderId: org('Region Nordjylland'),
      authorName: 'Erhvervsudvikling, Region Nordjylland',
      body: 'Vi har en lignende pulje under forberedelse. Lad os aftale en arbejdsdeling, så virksomhederne ikke skal søge to steder.',
      createdAt: new Date('2026-10-20T12:15:00Z'),
    },
    {
      id: demoUuid('comment:robotter:syddanmark'),
      fundingPlanId: robotics,
      funderId: org('Region Syddanmark'),
      authorName: 'Erhvervsudvikling, Region Syddanmark',
      body: 'Regionen finansierer allerede automationsprojekter på Fyn frem til 2027. Vi foreslår et fælles møde om, hvilke aktiviteter hver part finansierer.',
      createdAt: new Date('2026-09-30T07:45:00Z'),
    },
    {
      id: demoUuid('comment:robotter:odense'),
      fundingPlanId: robotics,
      funderId: org('Odense Kommune'),
      authorName: 'Erhvervsafdelingen, Odense Kommune',
      body: 'Kommunen støtter indsatsen og kan bidrage med testfaciliteter.',
      createdAt: new Date('2026-10-02T13:00:00Z'),
    },
    {
      id: demoUuid('comment:velfaerd:ufm'),
      fundingPlanId: welfare,
      funderId: org(UFM),
      authorId: demoUuid(`user:${FUNDER_EMAIL}`),
      authorName: 'Frederik Fondsen',
      body: 'Brug gerne den eksisterende klyngeorganisation frem for at opbygge en ny parallel organisation.',
      createdAt: new Date('2026-04-10T08:00:00Z'),
    },
  ]);
  const proposed = (id: string, owner: string, title: string, date: string, at: string, read: boolean) =>
    FUNDERS.filter((f) => f.name !== owner).map((f) => ({
      id: demoUuid(`notification:${id}:${f.name}`),
      recipientOrganisationId: org(f.name),
      recipientRole: 'funder' as const,
      text: `${owner} planlægger »${title}« og beder om kommentarer inden ${date}`,
      textEn: `${owner} plans “${title}” and asks for comments by ${date}`,
      link: fundingPlanPath(id),
      read,
      createdAt: new Date(at),
    }));
  await tx.insert(notifications).values([
    ...proposed(
      welfare,
      'Region Syddanmark',
      'Testcenter for velfærdsteknologi',
      '2026-06-30',
      '2026-03-02T10:00:00Z',
      true,
    ),
    ...proposed(
      robotics,
      UFM,
      'Fælles indsats for robotteknologi på Fyn',
      '2027-04-15',
      '2026-09-14T09:30:00Z',
      false,
    ),
    ...proposed(
      hydrogen,
      'Region Midtjylland',
      'Brint- og Power-to-X-pulje i Midt- og Vestjylland',
      '2027-06-30',
      '2026-10-05T08:00:00Z',
      false,
    ),
    ...[
      ['Region Syddanmark', '2026-09-30T07:45:00Z'],
      ['Odense Kommune', '2026-10-02T13:00:00Z'],
    ].map(([from, at]) => ({
      id: demoUuid(`notification:comment:${robotics}:${from}`),
      recipientOrganisationId: org(UFM),
      recipientRole: 'funder' as const,
      text: `Ny kommentar til »Fælles indsats for robotteknologi på Fyn« fra ${from}`,
      textEn: `New comment on “Fælles indsats for robotteknologi på Fyn” from ${from}`,
      link: fundingPlanPath(robotics),
      createdAt: new Date(at as string),
    })),
  ]);
}
