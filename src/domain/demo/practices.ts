import type { Tx } from '../../db/client.ts';
import { practiceCaseActors, practiceCases } from '../../db/schema/index.ts';
import { slugFromTitle } from '../content/slug.ts';
import type { PracticeModel } from '../practices/schemas.ts';
import { demoUuid } from './ids.ts';
import { organisationId } from './organisations.ts';

const org = (name: string) => organisationId(slugFromTitle(name));

interface DemoCase {
  title: string;
  model: PracticeModel;
  proposer: string;
  actors: string[];
  regions: number[];
  themes: string[];
  summary: string;
  whatWasDone: string;
  whatWorked: string;
  whatDidNot: string;
  publishedAt: string;
}

/**
 * Three published cases of collaboration between clusters and business hubs. The organisations
 * are real; the cases, their lessons and contacts are invented for the demo and say so
 * ("syntetisk"); the contact addresses cannot receive mail.
 */
const CASES: readonly DemoCase[] = [
  {
    title: 'Månedligt henvisningsmøde mellem erhvervshus og robotklynge (syntetisk)',
    model: 'referral_partnership',
    proposer: 'Erhvervshus Fyn',
    actors: ['Erhvervshus Fyn', 'Odense Robotics', 'Fynsk Dronenetværk'],
    regions: [1083],
    themes: ['robotics'],
    summary:
      'Erhvervshusets rådgivere og klyngernes projektledere gennemgår hver måned de virksomheder, der kan have gavn af et klyngeforløb.',
    whatWasDone:
      'Et fast møde på en time hver måned med en fælles liste over virksomheder, hvem der tager kontakten, og hvornår der følges op.',
    whatWorked:
      'Korte veje mellem rådgiverne, og virksomhederne blev kontaktet inden for en uge. Det lokale dronenetværk fik virksomheder, det ellers ikke havde mødt.',
    whatDidNot: 'Listen blev for lang, når møder blev aflyst; nu holdes mødet også i ferierne, blot kortere.',
    publishedAt: '2026-03-02T09:00:00Z',
  },
  {
    title: 'Arbejdsdeling mellem national og lokal energiklynge (syntetisk)',
    model: 'division_of_labour',
    proposer: 'Vestjysk Energi- og Brintklynge',
    actors: ['Energy Cluster Denmark', 'Vestjysk Energi- og Brintklynge', 'Erhvervshus Midtjylland'],
    regions: [1082, 1083],
    themes: ['energy'],
    summary:
      'Den nationale klynge driver de store innovationsprojekter; den lokale klynge tager de små virksomheder i hånden og fører dem videre.',
    whatWasDone:
      'En skriftlig aftale om, hvem der gør hvad: den lokale klynge afholder introduktionsmøder og modner projektidéer, den nationale klynge åbner sine projekter for dem.',
    whatWorked: 'Færre dobbelte arrangementer og en tydelig vej fra første møde til et nationalt projekt.',
    whatDidNot:
      'Virksomhederne forstod ikke altid forskellen på klyngerne; en fælles side med begge logoer hjalp.',
    publishedAt: '2026-03-16T09:00:00Z',
  },
  {
    title: 'Fælles temadag om automatisering i Nordjylland (syntetisk)',
    model: 'joint_events',
    proposer: 'Erhvervshus Nordjylland',
    actors: ['Erhvervshus Nordjylland', 'Nordjysk Robot- og Automationsnetværk', 'MADE'],
    regions: [1081],
    themes: ['robotics', 'manufacturing'],
    summary:
      'Erhvervshuset, det lokale netværk og den nationale produktionsklynge holdt én temadag i stedet for tre.',
    whatWasDone:
      'Ét program, én tilmelding og én invitation sendt fra alle tre; hver partner stod for en del af dagen.',
    whatWorked:
      'Dobbelt så mange deltagere som de tidligere temadage, og fire virksomheder gik videre i et klyngeprojekt.',
    whatDidNot: 'Opfølgningen efter dagen var ikke aftalt på forhånd og tog derfor for lang tid.',
    publishedAt: '2026-04-13T09:00:00Z',
  },
];

/** Inserts the demo cases inside the seed's transaction; returns how many. */
export async function insertDemoPractices(tx: Tx): Promise<number> {
  for (const c of CASES) {
    const id = demoUuid(`practice:${c.title}`);
    const at = new Date(c.publishedAt);
    await tx.insert(practiceCases).values({
      id,
      slug: slugFromTitle(c.title),
      status: 'published',
      model: c.model,
      title: c.title,
      summary: c.summary,
      whatWasDone: c.whatWasDone,
      whatWorked: c.whatWorked,
      whatDidNot: c.whatDidNot,
      contactName: 'Pia Praksis (syntetisk)',
      contactEmail: 'god-praksis@demo.invalid',
      regions: c.regions,
      themes: c.themes,
      proposerOrganisationId: org(c.proposer),
      proposedAt: new Date(at.getTime() - 7 * 24 * 3600 * 1000),
      reviewedAt: at,
      publishedAt: at,
      updatedAt: at,
    });
    await tx.insert(practiceCaseActors).values(c.actors.map((a) => ({ caseId: id, organisationId: org(a) })));
  }
  return CASES.length;
}
