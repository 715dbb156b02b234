/**
 * The standard questionnaires a survey can start from: the company effect survey (seed 001 E3),
 * the support function's needs survey (seed 002) and the evaluation of an event. Their question
 * and option keys are stable, so results compare across survey rounds and the features built on
 * them (the support function's offer, matchmaking follow-ups) can read the answers they need.
 */
import type {
  LocalText,
  QuestionnaireDefinition,
  QuestionnairePurpose,
  QuestionOption,
} from './questionnaire.ts';

const t = (da: string, en: string): LocalText => ({ da, en });
const opt = (key: string, da: string, en: string): QuestionOption => ({ key, label: t(da, en) });

const DONT_KNOW = opt('dont_know', 'Ved ikke', 'Don’t know');
const EXPECTATION = [
  opt('increase', 'Den vil stige', 'It will increase'),
  opt('unchanged', 'Den vil være uændret', 'It will stay the same'),
  opt('decrease', 'Den vil falde', 'It will decrease'),
  DONT_KNOW,
];

/** The company effect survey: what taking part in cluster activities did for a company. */
const companyEffect: QuestionnaireDefinition = {
  questions: [
    {
      key: 'competences',
      type: 'scale',
      page: 1,
      required: true,
      text: t(
        'I hvilken grad har deltagelsen i klyngens aktiviteter givet virksomheden nye kompetencer?',
        'To what extent has taking part in the cluster’s activities given the company new competences?',
      ),
      low: t('Slet ikke', 'Not at all'),
      high: t('I meget høj grad', 'To a very high degree'),
    },
    {
      key: 'new_products',
      type: 'single',
      page: 1,
      required: true,
      text: t(
        'Har deltagelsen bidraget til nye eller væsentligt forbedrede produkter, services eller processer?',
        'Has taking part contributed to new or significantly improved products, services or processes?',
      ),
      options: [
        opt(
          'yes_launched',
          'Ja, de er taget i brug eller på markedet',
          'Yes, they are in use or on the market',
        ),
        opt('yes_developing', 'Ja, de er under udvikling', 'Yes, they are being developed'),
        opt('no', 'Nej', 'No'),
        DONT_KNOW,
      ],
    },
    {
      key: 'knowledge_collaboration',
      type: 'single',
      page: 1,
      required: true,
      text: t(
        'Har virksomheden gennem klyngen samarbejdet med en videninstitution (universitet, GTS-institut, erhvervsakademi)?',
        'Has the company worked with a knowledge institution (university, research and technology organisation, academy) through the cluster?',
      ),
      options: [
        opt('yes_first', 'Ja, for første gang', 'Yes, for the first time'),
        opt('yes_again', 'Ja, og vi har gjort det før', 'Yes, and we have done so before'),
        opt('no', 'Nej', 'No'),
      ],
    },
    {
      key: 'institution_types',
      type: 'multiple',
      page: 2,
      required: false,
      showIf: { question: 'knowledge_collaboration', anyOf: ['yes_first', 'yes_again'] },
      text: t('Hvilke slags videninstitutioner?', 'Which kinds of knowledge institution?'),
      options: [
        opt('university', 'Universitet', 'University'),
        opt('rto', 'GTS-institut', 'Research and technology organisation'),
        opt('academy', 'Erhvervsakademi eller professionshøjskole', 'Business academy or university college'),
        opt('foreign', 'Udenlandsk videninstitution', 'Foreign knowledge institution'),
      ],
    },
    {
      key: 'turnover',
      type: 'single',
      page: 2,
      required: true,
      text: t(
        'Hvordan forventer I, at deltagelsen påvirker virksomhedens omsætning de næste tre år?',
        'How do you expect taking part to affect the company’s turnover over the next three years?',
      ),
      options: EXPECTATION,
    },
    {
      key: 'employment',
      type: 'single',
      page: 2,
      required: true,
      text: t(
        'Hvordan forventer I, at deltagelsen påvirker antallet af ansatte de næste tre år?',
        'How do you expect taking part to affect the number of employees over the next three years?',
      ),
      options: EXPECTATION,
    },
    {
      key: 'international',
      type: 'single',
      page: 2,
      required: true,
      text: t(
        'Har deltagelsen hjulpet virksomheden til nye udenlandske markeder, partnere eller projekter?',
        'Has taking part helped the company to new foreign markets, partners or projects?',
      ),
      options: [
        opt('yes', 'Ja', 'Yes'),
        opt('under_way', 'Det er på vej', 'It is under way'),
        opt('no', 'Nej', 'No'),
        opt('not_relevant', 'Ikke relevant for os', 'Not relevant to us'),
      ],
    },
    {
      key: 'statements',
      type: 'matrix',
      page: 3,
      required: false,
      text: t('Hvor enig er du i disse udsagn?', 'How far do you agree with these statements?'),
      rows: [
        opt('partners', 'Vi har fået nye samarbejdspartnere', 'We have found new partners'),
        opt('knowledge', 'Vi har fået adgang til ny viden', 'We have gained access to new knowledge'),
        opt(
          'visibility',
          'Vi er blevet mere synlige i vores branche',
          'We have become more visible in our industry',
        ),
      ],
      options: [
        opt('agree', 'Enig', 'Agree'),
        opt('neutral', 'Hverken enig eller uenig', 'Neither agree nor disagree'),
        opt('disagree', 'Uenig', 'Disagree'),
      ],
    },
    {
      key: 'hours',
      type: 'number',
      page: 3,
      required: false,
      integer: true,
      min: 0,
      max: 10_000,
      text: t(
        'Omtrent hvor mange timer har virksomheden brugt på klyngens aktiviteter det seneste år?',
        'About how many hours has the company spent on the cluster’s activities in the past year?',
      ),
    },
    {
      key: 'comments',
      type: 'text',
      page: 3,
      required: false,
      long: true,
      text: t(
        'Har du andre kommentarer til klyngens aktiviteter?',
        'Any other comments on the cluster’s activities?',
      ),
    },
  ],
};

const SERVICES = [
  opt(
    'courses',
    'Kompetenceudvikling: kurser, workshops og camps',
    'Competence development: courses, workshops and camps',
  ),
  opt(
    'internationalisation',
    'Internationalisering: partnersøgning, delegationer, matchmaking',
    'Internationalisation: partner search, delegations, matchmaking',
  ),
  opt('funding_monitoring', 'Overvågning af puljer og opslag', 'Monitoring of funding programmes and calls'),
  opt(
    'templates',
    'Skabeloner: samarbejdsaftale, NDA, IPR, tidsregistrering',
    'Templates: collaboration agreement, NDA, IPR, time registration',
  ),
  opt('tools', 'Værktøjer til indberetning og matchmaking', 'Tools for reporting and matchmaking'),
  opt('network_events', 'Netværks- og synergiarrangementer', 'Network and synergy events'),
  opt('label_support', 'Støtte til klyngemærkning', 'Support for cluster labelling'),
];

/** The support function's needs survey among the clusters: its offer is decided from it (seed 002). */
const needs: QuestionnaireDefinition = {
  questions: [
    {
      key: 'services',
      type: 'matrix',
      page: 1,
      required: true,
      text: t(
        'Hvor stort er jeres behov for disse ydelser fra supportfunktionen det kommende år?',
        'How much do you need these services from the support function in the coming year?',
      ),
      rows: SERVICES,
      options: [
        opt('high', 'Stort behov', 'Much'),
        opt('some', 'Nogen behov', 'Some'),
        opt('none', 'Intet behov', 'None'),
      ],
    },
    {
      key: 'priority',
      type: 'single',
      page: 1,
      required: true,
      text: t('Hvilken ydelse er vigtigst for jer?', 'Which service matters most to you?'),
      options: SERVICES,
    },
    {
      key: 'course_topics',
      type: 'multiple',
      page: 2,
      required: false,
      showIf: { question: 'priority', anyOf: ['courses'] },
      text: t('Hvilke kursusemner ønsker I?', 'Which course topics do you want?'),
      options: [
        opt(
          'business_models',
          'Forretningsmodeller for klyngeorganisationer',
          'Business models for cluster organisations',
        ),
        opt('ipr', 'IPR og samarbejdsaftaler', 'IPR and collaboration agreements'),
        opt('eu_funding', 'EU-finansiering', 'EU funding'),
        opt('impact', 'Effektmåling', 'Impact measurement'),
      ],
    },
    {
      key: 'user_payment',
      type: 'single',
      page: 2,
      required: true,
      text: t('Vil I betale brugerbetaling for kurser?', 'Would you pay a fee for courses?'),
      options: [
        opt('yes', 'Ja', 'Yes'),
        opt('depends', 'Det afhænger af prisen', 'It depends on the price'),
        opt('no', 'Nej', 'No'),
      ],
    },
    {
      key: 'comments',
      type: 'text',
      page: 2,
      required: false,
      long: true,
      text: t('Hvad mangler I ellers?', 'What else do you need?'),
    },
  ],
};

/** The evaluation of an event, sent to its participants afterwards. */
const eventEvaluation: QuestionnaireDefinition = {
  questions: [
    {
      key: 'overall',
      type: 'scale',
      page: 1,
      required: true,
      text: t(
        'Hvor tilfreds er du alt i alt med arrangementet?',
        'How satisfied are you with the event overall?',
      ),
      low: t('Meget utilfreds', 'Very dissatisfied'),
      high: t('Meget tilfreds', 'Very satisfied'),
    },
    {
      key: 'relevance',
      type: 'scale',
      page: 1,
      required: true,
      text: t('Hvor relevant var indholdet for dig?', 'How relevant was the content to you?'),
      low: t('Slet ikke relevant', 'Not relevant at all'),
      high: t('Meget relevant', 'Very relevant'),
    },
    {
      key: 'new_contacts',
      type: 'single',
      page: 1,
      required: true,
      text: t(
        'Fik du nye kontakter, som du vil følge op på?',
        'Did you make new contacts you will follow up?',
      ),
      options: [opt('yes', 'Ja', 'Yes'), opt('no', 'Nej', 'No')],
    },
    {
      key: 'contacts_count',
      type: 'number',
      page: 2,
      required: false,
      integer: true,
      min: 1,
      max: 100,
      showIf: { question: 'new_contacts', anyOf: ['yes'] },
      text: t('Hvor mange nye kontakter?', 'How many new contacts?'),
    },
    {
      key: 'recommend',
      type: 'single',
      page: 2,
      required: true,
      text: t('Vil du anbefale arrangementet til andre?', 'Would you recommend the event to others?'),
      options: [opt('yes', 'Ja', 'Yes'), opt('maybe', 'Måske', 'Maybe'), opt('no', 'Nej', 'No')],
    },
    {
      key: 'improve',
      type: 'text',
      page: 2,
      required: false,
      long: true,
      text: t('Hvad kan vi gøre bedre næste gang?', 'What could we do better next time?'),
    },
  ],
};

/** The outcomes of a matchmaking meeting that count as one (the organiser's share with an outcome). */
export const MEETING_OUTCOMES = ['deal', 'project', 'partnership'] as const;
const HAD_OUTCOME = { question: 'outcome', anyOf: [...MEETING_OUTCOMES] };

/**
 * The follow-up of a matchmaking event, sent 3 and 6 months after it to the participants who had
 * a meeting (src/domain/matchmaking/follow-ups.ts): what the meetings led to and what it is worth.
 */
const matchmakingFollowUp: QuestionnaireDefinition = {
  questions: [
    {
      key: 'outcome',
      type: 'single',
      page: 1,
      required: true,
      text: t(
        'Har dine møder ved matchmakingen ført til et samarbejde?',
        'Have your meetings at the matchmaking led to a collaboration?',
      ),
      options: [
        opt('deal', 'Ja, en handel eller kontrakt', 'Yes, a deal or contract'),
        opt('project', 'Ja, et fælles projekt', 'Yes, a joint project'),
        opt('partnership', 'Ja, et partnerskab', 'Yes, a partnership'),
        opt('ongoing', 'Ikke endnu, men vi taler stadig sammen', 'Not yet, but we are still talking'),
        opt('no', 'Nej', 'No'),
      ],
    },
    {
      key: 'which',
      type: 'text',
      page: 2,
      required: false,
      long: true,
      showIf: HAD_OUTCOME,
      text: t('Hvilket samarbejde, og med hvem?', 'Which collaboration, and with whom?'),
    },
    {
      key: 'value',
      type: 'single',
      page: 2,
      required: false,
      showIf: HAD_OUTCOME,
      text: t('Hvad er samarbejdet omtrent værd?', 'Roughly what is the collaboration worth?'),
      options: [
        opt('below_100k', 'Under 100.000 kr.', 'Under DKK 100,000'),
        opt('from_100k', '100.000–1 mio. kr.', 'DKK 100,000–1 million'),
        opt('from_1m', '1–10 mio. kr.', 'DKK 1–10 million'),
        opt('over_10m', 'Over 10 mio. kr.', 'Over DKK 10 million'),
        DONT_KNOW,
      ],
    },
  ],
};

/** Not offered as a start for new surveys: the matchmaking follow-up job uses it on its own. */
export const MATCHMAKING_FOLLOW_UP_TEMPLATE: QuestionnaireTemplate = {
  name: t('Opfølgning på matchmaking', 'Matchmaking follow-up'),
  purpose: 'follow_up',
  definition: matchmakingFollowUp,
};

export const TEMPLATE_KEYS = ['company_effect', 'needs', 'event_evaluation'] as const;
export type TemplateKey = (typeof TEMPLATE_KEYS)[number];

export interface QuestionnaireTemplate {
  name: LocalText;
  purpose: QuestionnairePurpose;
  definition: QuestionnaireDefinition;
}

export const TEMPLATES: Record<TemplateKey, QuestionnaireTemplate> = {
  company_effect: {
    name: t('Virksomhedernes udbytte af klyngeaktiviteter', 'What companies gain from cluster activities'),
    purpose: 'company_effect',
    definition: companyEffect,
  },
  needs: {
    name: t(
      'Klyngernes behov for supportfunktionens ydelser',
      'The clusters’ needs for the support function’s services',
    ),
    purpose: 'needs',
    definition: needs,
  },
  event_evaluation: {
    name: t('Evaluering af arrangement', 'Event evaluation'),
    purpose: 'event_evaluation',
    definition: eventEvaluation,
  },
};
