import type { Tx } from '../../db/client.ts';
import { clusterServices } from '../../db/schema/index.ts';
import { slugFromTitle } from '../content/slug.ts';
import { demoUuid } from './ids.ts';
import { organisationId } from './organisations.ts';

type DemoService = Omit<typeof clusterServices.$inferInsert, 'id' | 'organisationId' | 'position'>;

/**
 * Services of three demo clusters, of the kinds national clusters offer companies (matchmaking,
 * test facilities, courses). The services are invented for the demo and say so ("syntetisk"); the
 * contacts are synthetic addresses that cannot receive mail.
 */
const DEMO_SERVICES: Record<string, DemoService[]> = {
  'Odense Robotics': [
    {
      titleDa: 'Automatiseringstjek for produktionsvirksomheder (syntetisk)',
      titleEn: 'Automation check for manufacturers (synthetic)',
      descriptionDa:
        'En robotekspert besøger virksomheden i en halv dag, gennemgår produktionen og peger på de tre opgaver, hvor en robot eller cobot hurtigst tjener sig hjem.',
      descriptionEn:
        'A robotics expert visits the company for half a day, reviews production and points out the three tasks where a robot or cobot pays back fastest.',
      targetGroup: 'smes',
      priceKind: 'free',
      contactName: 'Rikke Robot (syntetisk)',
      contactEmail: 'automatisering@odense-robotics.demo.invalid',
    },
    {
      titleDa: 'Testforløb i robotlaboratoriet (syntetisk)',
      titleEn: 'Test run in the robot lab (synthetic)',
      descriptionDa:
        'Virksomheden afprøver sin løsning sammen med forskere i et fælles testlaboratorium i op til fem dage, med sikkerhedsvurdering og rapport.',
      descriptionEn:
        'The company tests its solution with researchers in a shared test lab for up to five days, with a safety assessment and a report.',
      targetGroup: 'startups',
      priceKind: 'paid',
      priceText: '4.000 kr. pr. dag, medlemmer 2.500 kr.',
      contactName: 'Rikke Robot (syntetisk)',
      contactEmail: 'lab@odense-robotics.demo.invalid',
      url: 'https://www.odenserobotics.dk',
    },
  ],
  'Danish Water Cluster': [
    {
      titleDa: 'Match med vandselskaber om testforløb (syntetisk)',
      titleEn: 'Matching with water utilities for test runs (synthetic)',
      descriptionDa:
        'Klyngen finder et vandselskab, der vil teste virksomhedens teknologi i drift, og hjælper med aftalen om testforløbet.',
      descriptionEn:
        "The cluster finds a water utility willing to test the company's technology in operation and helps with the test agreement.",
      targetGroup: 'all_companies',
      priceKind: 'free',
      contactName: 'Vibeke Vand (syntetisk)',
      contactEmail: 'match@water-cluster.demo.invalid',
    },
  ],
  'Food & Bio Cluster Denmark': [
    {
      titleDa: 'Kursus i fødevaregodkendelse af nye ingredienser (syntetisk)',
      titleEn: 'Course in food approval of new ingredients (synthetic)',
      descriptionDa:
        'Et to-dages kursus om novel food-reglerne, ansøgningen til EFSA og de typiske faldgruber, med eksempler fra danske virksomheder.',
      descriptionEn:
        'A two-day course on the novel food rules, the application to EFSA and the usual pitfalls, with examples from Danish companies.',
      targetGroup: 'smes',
      priceKind: 'paid',
      priceText: '3.200 kr. pr. deltager',
      contactName: 'Frederik Fødevare (syntetisk)',
      contactEmail: 'kurser@foodbio.demo.invalid',
    },
  ],
};

/** Inserts the demo clusters' services inside the seed's transaction; returns how many. */
export async function insertDemoClusterServices(tx: Tx): Promise<number> {
  const rows = Object.entries(DEMO_SERVICES).flatMap(([cluster, services]) =>
    services.map((s, i) => ({
      ...s,
      id: demoUuid(`cluster-service:${cluster}:${i}`),
      organisationId: organisationId(slugFromTitle(cluster)),
      position: i + 1,
    })),
  );
  await tx.insert(clusterServices).values(rows);
  return rows.length;
}
