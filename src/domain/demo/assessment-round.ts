import type { Tx } from '../../db/client.ts';
import {
  applicationAnswers,
  applicationBudgetLines,
  applicationCriterionTexts,
  applications,
  callAssessors,
  callBudgets,
  callCriteria,
  callRequirements,
  callSetups,
  calls,
  eligibilityChecks,
} from '../../db/schema/index.ts';
import { slugFromTitle } from '../content/slug.ts';
import { demoBody, demoDay } from './content.ts';
import { demoUuid } from './ids.ts';
import { organisationId } from './organisations.ts';

/**
 * A call in assessment, so the demo assessor has work waiting: Danmarks Erhvervsfremmebestyrelse's
 * (the assessor's organisation) call closed two weeks before the reference date, with three
 * submitted applications from national clusters that met the requirements and wait for the
 * assessor's conflict declaration and scores. The call, the applications and their texts are
 * invented for the demo and say so.
 */
export const ASSESSMENT_CALL_TITLE = 'Pulje til kompetenceløft i klyngernes medlemsvirksomheder 2027';
const OWNER = 'Danmarks Erhvervsfremmebestyrelse';
const ASSESSOR = demoUuid('user:assessor@demo.klyngeportalen.dk');
const YEARS = [2027, 2028] as const;

const REQUIREMENTS = [
  {
    textDa: 'Ansøger er en klyngeorganisation med eget CVR-nummer',
    textEn: 'The applicant is a cluster organisation with its own CVR number',
    evidenceDa: 'CVR-nummer',
    evidenceEn: 'CVR number',
  },
  {
    textDa: 'Forløbene er åbne for små og mellemstore virksomheder uden for klyngens medlemskreds',
    textEn: 'The programmes are open to small and medium-sized companies outside the cluster membership',
    evidenceDa: 'Beskrivelse af rekruttering',
    evidenceEn: 'Description of recruitment',
  },
];

const CRITERIA = [
  { titleDa: 'Behov og målgruppe', titleEn: 'Need and target group', weight: 40 },
  { titleDa: 'Forløbenes kvalitet', titleEn: 'Quality of the programmes', weight: 40 },
  { titleDa: 'Samarbejde med uddannelsesinstitutioner', titleEn: 'Collaboration with education', weight: 20 },
];

/** The applicants, each with its synthetic application title and the person who declared it correct. */
const APPLICANTS = [
  {
    cluster: 'Danish Water Cluster',
    title: 'Vandteknikere til fremtidens forsyninger (syntetisk)',
    declaredBy: 'Maria Syntetisk',
  },
  {
    cluster: 'Food & Bio Cluster Denmark',
    title: 'Automatisering i små fødevarevirksomheder (syntetisk)',
    declaredBy: 'Jonas Syntetisk',
  },
  {
    cluster: 'Lifestyle & Design Cluster',
    title: 'Cirkulært design i møbelindustrien (syntetisk)',
    declaredBy: 'Ida Syntetisk',
  },
];

const callId = demoUuid(`call:${slugFromTitle(ASSESSMENT_CALL_TITLE)}`);
const requirementId = (i: number) => demoUuid(`assessment-call-requirement:${i + 1}`);
const criterionId = (i: number) => demoUuid(`assessment-call-criterion:${i + 1}`);
const applicationId = (cluster: string) => demoUuid(`assessment-call-application:${cluster}`);

async function insertCall(tx: Tx) {
  const opensAt = demoDay(-60, '00:00');
  await tx.insert(calls).values({
    id: callId,
    ownerId: organisationId(slugFromTitle(OWNER)),
    slug: slugFromTitle(ASSESSMENT_CALL_TITLE),
    title: ASSESSMENT_CALL_TITLE,
    summary:
      'Demo: Midler til klyngernes forløb, der løfter kompetencerne i små og mellemstore virksomheder.',
    body: demoBody(
      'da',
      'Klyngeorganisationer kunne søge om op til 3 mio. kr. over to år til forløb, hvor medarbejdere i små og mellemstore virksomheder lærer nyt sammen med uddannelsesinstitutioner. Ansøgningerne er under bedømmelse.',
    ),
    status: 'closed',
    opensAt,
    deadline: demoDay(-14, '12:00'),
    assessmentDeadline: '2027-01-15',
    decisionDate: '2027-03-01',
    grantsStartOn: '2027-04-01',
    createdAt: opensAt,
    updatedAt: opensAt,
  });
  await tx.insert(callSetups).values({
    callId,
    titleEn: 'Fund for skills upgrading in cluster member companies 2027',
    summaryEn: 'Demo: funds for cluster programmes that upgrade skills in small and medium-sized companies.',
    firstYear: YEARS[0],
    lastYear: YEARS[1],
  });
  const owner = organisationId(slugFromTitle(OWNER));
  await tx
    .insert(callBudgets)
    .values(YEARS.map((year) => ({ callId, funderId: owner, year, amountDkk: 6_000_000 })));
  await tx
    .insert(callRequirements)
    .values(REQUIREMENTS.map((r, i) => ({ id: requirementId(i), callId, position: i + 1, ...r })));
  await tx
    .insert(callCriteria)
    .values(CRITERIA.map((c, i) => ({ id: criterionId(i), callId, position: i + 1, scaleMax: 5, ...c })));
  await tx.insert(callAssessors).values({ callId, userId: ASSESSOR });
}

/** Inserts the call, its set-up and its eligible applications inside the seed's transaction. */
export async function insertDemoAssessmentRound(tx: Tx): Promise<number> {
  await insertCall(tx);
  const submittedAt = demoDay(-15, '10:00');
  const checkedAt = demoDay(-7, '13:00');
  await tx.insert(applications).values(
    APPLICANTS.map((a) => ({
      id: applicationId(a.cluster),
      callId,
      organisationId: organisationId(slugFromTitle(a.cluster)),
      status: 'eligible' as const,
      title: a.title,
      submittedAt,
      declaredCorrectByName: a.declaredBy,
      declaredCorrectAt: submittedAt,
      createdAt: demoDay(-30),
      updatedAt: checkedAt,
    })),
  );
  const each = <T>(rows: (a: (typeof APPLICANTS)[number], id: string) => T[]) =>
    APPLICANTS.flatMap((a) => rows(a, applicationId(a.cluster)));
  await tx.insert(applicationAnswers).values(
    each((a, id) =>
      REQUIREMENTS.map((r, i) => ({
        applicationId: id,
        requirementId: requirementId(i),
        answer: `${a.cluster}: ${r.evidenceDa.toLowerCase()} vedlagt i ansøgningen. (syntetisk)`,
      })),
    ),
  );
  await tx.insert(applicationCriterionTexts).values(
    each((a, id) =>
      CRITERIA.map((c, i) => ({
        applicationId: id,
        criterionId: criterionId(i),
        text: `${c.titleDa}: ${a.title} beskrevet af ${a.cluster}. (syntetisk)`,
      })),
    ),
  );
  await tx.insert(applicationBudgetLines).values(
    each((_, id) =>
      YEARS.flatMap((year) => [
        { applicationId: id, year, category: 'knowledge_dissemination' as const, amountDkk: 900_000 },
        { applicationId: id, year, category: 'networking' as const, amountDkk: 300_000 },
      ]),
    ),
  );
  await tx.insert(eligibilityChecks).values(
    each((_, id) =>
      REQUIREMENTS.map((_r, i) => ({
        applicationId: id,
        requirementId: requirementId(i),
        passed: true,
        checkedAt,
      })),
    ),
  );
  return APPLICANTS.length;
}
