/**
 * The needs survey of a year's plan (seed 002): a questionnaire of the survey engine generated
 * from the services on offer, one question per service asking the cluster organisation's interest
 * from 0 (none) to 3 (much), sent to every active cluster organisation.
 */
import { asc, eq, isNull } from 'drizzle-orm';
import { withActor } from '../../db/actor.ts';
import type { Db } from '../../db/client.ts';
import {
  questionnaires,
  questionnaireVersions,
  supportPlanServices,
  supportPlans,
  supportServices,
  surveys,
} from '../../db/schema/index.ts';
import type { Caller } from '../caller.ts';
import { danishTimeToInstant } from '../content/time.ts';
import { AppError, parseInput } from '../errors.ts';
import { authorize } from '../policy/policy.ts';
import { insertPlatformAudience } from '../surveys/audiences.ts';
import { MAX_QUESTIONS, type QuestionnaireDefinition } from '../surveys/questionnaire.ts';
import { planYearInput } from './plan-schemas.ts';
import { offeringOrganisation } from './services.ts';

/** The answers to a service's question, with the interest each stands for (0-3). */
export const INTEREST_LEVELS = [
  { key: 'none', score: 0, da: '0 – ingen interesse', en: '0 – no interest' },
  { key: 'little', score: 1, da: '1 – lille interesse', en: '1 – little interest' },
  { key: 'some', score: 2, da: '2 – nogen interesse', en: '2 – some interest' },
  { key: 'much', score: 3, da: '3 – stor interesse', en: '3 – much interest' },
] as const;
/** An answer of at least this interest counts its cluster organisation as interested. */
export const INTERESTED_FROM = 2;

export interface ServiceToAsk {
  id: string;
  titleDa: string;
  titleEn: string;
}

/** The question key of the n-th service (0-based) of a year's needs survey. */
export const questionKeyOf = (index: number) => `service_${index + 1}`;

/** The needs survey's questions: one per service, in the order given, all on one page. */
export function needsQuestionnaire(services: readonly ServiceToAsk[]): QuestionnaireDefinition {
  return {
    questions: services.map((s, i) => ({
      key: questionKeyOf(i),
      type: 'single' as const,
      page: 1,
      required: true,
      text: { da: s.titleDa, en: s.titleEn },
      help: {
        da: 'Hvor stor interesse har jeres klyngeorganisation for ydelsen det kommende år?',
        en: 'How interested is your cluster organisation in this service in the coming year?',
      },
      options: INTEREST_LEVELS.map((l) => ({ key: l.key, label: { da: l.da, en: l.en } })),
    })),
  };
}

const conflict = (message: string) => new AppError('conflict', message);
const invalid = (field: string, message: string) =>
  new AppError('validation', 'Invalid input', [{ field, message }]);

/**
 * Starts a year's plan: generates its needs survey (a named draft of the support function, its
 * results shared with the funders) from the services on offer and invites every active cluster
 * organisation. The support function then publishes and sends it from the survey's own pages.
 */
export async function startPlanYear(db: Db, caller: Caller, input: unknown, now: Date): Promise<number> {
  authorize(caller.principal, 'support.plan.manage');
  const data = parseInput(planYearInput, input);
  const closesAt = danishTimeToInstant(data.closesOn, '23:59');
  if (!closesAt) throw invalid('closesOn', 'invalidDate');
  if (closesAt <= now) throw invalid('closesOn', 'past');
  return withActor(db, caller.actor, async (tx) => {
    const [existing] = await tx
      .select({ year: supportPlans.year })
      .from(supportPlans)
      .where(eq(supportPlans.year, data.year));
    if (existing) throw conflict('The year already has a plan');
    const services = await tx
      .select({ id: supportServices.id, titleDa: supportServices.titleDa, titleEn: supportServices.titleEn })
      .from(supportServices)
      .where(isNull(supportServices.retiredAt))
      .orderBy(asc(supportServices.titleDa));
    if (services.length === 0) throw conflict('No services on offer');
    if (services.length > MAX_QUESTIONS) throw conflict('Too many services for one questionnaire');
    const ownerId = await offeringOrganisation(tx, caller);
    const [questionnaire] = await tx
      .insert(questionnaires)
      .values({ ownerId, name: `Behovsafdækning ${data.year}`, purpose: 'needs', createdAt: now })
      .returning({ id: questionnaires.id });
    if (!questionnaire) throw new Error('questionnaire not inserted');
    const [version] = await tx
      .insert(questionnaireVersions)
      .values({ questionnaireId: questionnaire.id, number: 1, definition: needsQuestionnaire(services) })
      .returning({ id: questionnaireVersions.id });
    if (!version) throw new Error('questionnaire version not inserted');
    const [survey] = await tx
      .insert(surveys)
      .values({
        ownerId,
        questionnaireVersionId: version.id,
        titleDa: `Behovsafdækning ${data.year}`,
        titleEn: `Needs survey ${data.year}`,
        anonymous: false,
        resultsAudience: 'funders',
        closesAt,
        createdAt: now,
      })
      .returning({ id: surveys.id });
    if (!survey) throw new Error('survey not inserted');
    await tx
      .insert(supportPlans)
      .values({ year: data.year, needsSurveyId: survey.id, demandThreshold: data.threshold, createdAt: now });
    await tx
      .insert(supportPlanServices)
      .values(services.map((s, i) => ({ year: data.year, serviceId: s.id, questionKey: questionKeyOf(i) })));
    await insertPlatformAudience(tx, survey.id, { source: 'cluster_organisations' }, now);
    return data.year;
  });
}
