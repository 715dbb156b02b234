import type { Tx } from '../../db/client.ts';
import { calls, events, posts } from '../../db/schema/index.ts';
import { slugFromTitle } from '../content/slug.ts';
import { addDays, danishTimeToInstant } from '../content/time.ts';
import { DEMO_REFERENCE_DATE } from './dataset.ts';
import { demoUuid } from './ids.ts';
import { organisationId } from './organisations.ts';

/**
 * Demo news, success stories, events and calls. Every text is invented for the demo and says
 * so; dates are counted from DEMO_REFERENCE_DATE, so the demo has past and upcoming events and
 * an open call on the day it is designed around. The joint call 2021-2024 follows seed 003.
 */
const DEMO_NOTE_DA = '*Demoindhold: teksten er opdigtet til demonstrationen af Klyngeportalen.*';
const DEMO_NOTE_EN = '*Demo content: this text was invented to demonstrate Klyngeportalen.*';

/** A Danish date and time a number of days from the reference date. */
function day(days: number, time = '09:00'): Date {
  const instant = danishTimeToInstant(addDays(DEMO_REFERENCE_DATE, days), time);
  if (!instant) throw new Error(`demo content: bad time ${time}`);
  return instant;
}

const org = (name: string) => organisationId(slugFromTitle(name));
const author = (email: string) => demoUuid(`user:${email}`);
const SUPPORT = 'Cluster Excellence Denmark';
const SUPPORT_USER = author('support@demo.klyngeportalen.dk');
const FUNDER_USER = author('funder@demo.klyngeportalen.dk');

type Lang = 'da' | 'en';
const body = (lang: Lang, text: string) => `${text}\n\n${lang === 'da' ? DEMO_NOTE_DA : DEMO_NOTE_EN}`;

/** For the demo's other calls: their dates from the reference date, their texts marked as invented. */
export { body as demoBody, day as demoDay };

interface DemoPost {
  kind: 'news' | 'success_story';
  organisation: string;
  lang: Lang;
  title: string;
  summary: string;
  text: string;
  /** Days from the reference date; null is a draft. */
  published: number | null;
}

const POSTS: DemoPost[] = [
  {
    kind: 'news',
    organisation: SUPPORT,
    lang: 'da',
    title: 'Ny runde af kompetenceforløb for klyngeledere',
    summary: 'Demo: Supportfunktionen åbner for tilmelding til forårets forløb om strategi og effektmåling.',
    text: '## Tre moduler\n\n- Strategi og handlingsplaner\n- Effektmåling og performanceregnskab\n- Internationale partnerskaber\n\nTilmelding sker på [supportfunktionens side](https://clusterexcellencedenmark.dk).',
    published: -3,
  },
  {
    kind: 'news',
    organisation: SUPPORT,
    lang: 'da',
    title: 'Kortlægningen af klyngernes nøgletal er klar',
    summary:
      'Demo: Den årlige kortlægning samler aktiviteter, deltagere og medfinansiering for alle klynger.',
    text: 'Kortlægningen bygger på klyngernes indberetninger og viser blandt andet, hvor mange virksomheder der deltager uden for klyngernes egne styrkepositioner.',
    published: -12,
  },
  {
    kind: 'news',
    organisation: 'Odense Robotics',
    lang: 'da',
    title: 'Odense Robotics styrker dronemiljøet i Nordjylland',
    summary: 'Demo: Et nyt samarbejde skal give flere små virksomheder adgang til testfaciliteter.',
    text: 'Samarbejdet omfatter testdage, fælles ansøgninger og et netværk for dronevirksomheder med under 50 ansatte.',
    published: -20,
  },
  {
    kind: 'news',
    organisation: 'Energy Cluster Denmark',
    lang: 'en',
    title: 'SMEs invited to hydrogen matchmaking',
    summary: 'Demo: Small and medium-sized companies can meet research partners for hydrogen projects.',
    text: 'The matchmaking pairs companies with knowledge institutions and prepares joint applications for national and EU funding.',
    published: -30,
  },
  {
    kind: 'news',
    organisation: SUPPORT,
    lang: 'da',
    title: 'Behovsafdækning 2027: Fortæl os, hvad jeres klynge har brug for',
    summary: 'Demo: Svarene afgør, hvilke ydelser supportfunktionen prioriterer i 2027.',
    text: 'Supportfunktionens ydelser er efterspørgselsdrevne. Svar senest ved udgangen af måneden.',
    published: -45,
  },
  {
    kind: 'news',
    organisation: 'CLEAN',
    lang: 'da',
    title: '40 virksomheder i nye projekter om cirkulær økonomi',
    summary: 'Demo: Projekterne samler virksomheder, videninstitutioner og kommuner om genanvendelse.',
    text: 'Hvert projekt har mindst én virksomhed og én videninstitution som partnere.',
    published: -60,
  },
  {
    kind: 'news',
    organisation: SUPPORT,
    lang: 'da',
    title: 'Nyhedsbrev for december',
    summary: 'Demo: En kladde, som kun redaktører hos supportfunktionen kan se.',
    text: 'Indholdet skrives færdigt inden udsendelsen.',
    published: null,
  },
  {
    kind: 'success_story',
    organisation: 'Odense Robotics',
    lang: 'da',
    title: 'Lille metalvirksomhed fik sin første samarbejdende robot',
    summary: 'Demo: Et forløb med klyngen og et teknologisk institut halverede tiden til en ny produktlinje.',
    text: 'Virksomheden har 18 ansatte og havde aldrig arbejdet med automatisering. Gennem klyngens testforløb fandt den en løsning, der passede til små serier.',
    published: -15,
  },
  {
    kind: 'success_story',
    organisation: 'Food & Bio Cluster Denmark',
    lang: 'da',
    title: 'Fra restprodukt til proteiningrediens',
    summary: 'Demo: En mejerivirksomhed og et universitet udviklede en ny ingrediens af valle.',
    text: 'Projektet startede på et matchmakingmøde i klyngen og blev siden finansieret med ekstern støtte.',
    published: -40,
  },
  {
    kind: 'success_story',
    organisation: 'Danish Life Science Cluster',
    lang: 'da',
    title: 'Velfærdsteknologi afprøvet på tre plejecentre',
    summary: 'Demo: En iværksætter fik adgang til brugere og forskere gennem klyngens netværk.',
    text: 'Afprøvningen gav data til den første CE-mærkning og to nye kunder i kommunerne.',
    published: -70,
  },
  {
    kind: 'success_story',
    organisation: 'Danish Water Cluster',
    lang: 'en',
    title: 'How a small water-tech company found its first export market',
    summary: 'Demo: A delegation trip organised by the cluster led to a pilot in Germany.',
    text: 'The company met its future customer on a cluster delegation and signed a pilot agreement six months later.',
    published: -90,
  },
];

interface DemoEvent {
  organisation: string;
  lang: Lang;
  title: string;
  summary: string;
  text: string;
  start: [days: number, time: string];
  end: [days: number, time: string];
  location: string;
  municipalityCode: number | null;
  onlineUrl?: string;
  draft?: boolean;
}

const EVENTS: DemoEvent[] = [
  {
    organisation: SUPPORT,
    lang: 'da',
    title: 'Klyngeforum: Årsmøde 2026',
    summary: 'Demo: Finansiører og klyngeorganisationer gør status på pejlemærkerne.',
    text: 'Program: status på pejlemærker, performanceregnskab og arbejdsdeling mellem finansiørerne.',
    start: [-40, '09:30'],
    end: [-40, '16:00'],
    location: 'Odense Congress Center',
    municipalityCode: 461,
  },
  {
    organisation: 'Odense Robotics',
    lang: 'da',
    title: 'Robotdag for små og mellemstore virksomheder',
    summary: 'Demo: Se samarbejdende robotter i drift, og mød integratorer.',
    text: 'Dagen er gratis for virksomheder med under 250 ansatte.',
    start: [-10, '10:00'],
    end: [-10, '15:00'],
    location: 'Robothallen (demo-adresse)',
    municipalityCode: 461,
  },
  {
    organisation: 'Energy Cluster Denmark',
    lang: 'en',
    title: 'Offshore wind supplier day',
    summary: 'Demo: Suppliers meet developers of the next offshore wind farms.',
    text: 'Short pitches, one-to-one meetings and a visit to the harbour.',
    start: [-2, '09:00'],
    end: [-2, '17:00'],
    location: 'Harbour Hall (demo address)',
    municipalityCode: 561,
  },
  {
    organisation: SUPPORT,
    lang: 'da',
    title: 'Webinar: Sådan bruger I performanceregnskabet',
    summary: 'Demo: En times gennemgang af indberetning og nøgletal.',
    text: 'Webinaret optages og lægges på vidensbanken bagefter.',
    start: [5, '13:00'],
    end: [5, '14:00'],
    location: '',
    municipalityCode: null,
    onlineUrl: 'https://webinar.demo.klyngeportalen.dk/performanceregnskab',
  },
  {
    organisation: 'Food & Bio Cluster Denmark',
    lang: 'da',
    title: 'Matchmaking om fødevareinnovation',
    summary: 'Demo: Korte møder mellem virksomheder og forskere om nye ingredienser.',
    text: 'Tilmeld dig og book møder på forhånd.',
    start: [14, '09:00'],
    end: [14, '13:00'],
    location: 'Fødevarehuset (demo-adresse)',
    municipalityCode: 751,
  },
  {
    organisation: 'CLEAN',
    lang: 'da',
    title: 'Workshop om cirkulære forretningsmodeller',
    summary: 'Demo: Arbejd med jeres egen forretningsmodel sammen med eksperter.',
    text: 'Workshoppen er for ledere i produktionsvirksomheder.',
    start: [30, '09:00'],
    end: [30, '15:30'],
    location: 'Klyngehuset (demo-adresse)',
    municipalityCode: 540,
  },
  {
    organisation: 'DigitalLead',
    lang: 'da',
    title: 'Kunstig intelligens i små virksomheder',
    summary: 'Demo: Temadag med eksempler fra virksomheder, der er kommet i gang.',
    text: 'Oplæg, cases og en paneldebat om data og kompetencer.',
    start: [50, '12:00'],
    end: [50, '17:00'],
    location: 'Digitalhuset (demo-adresse)',
    municipalityCode: 101,
  },
  {
    // Right after the change to summer time (28 March 2027): shows that times stay Danish.
    organisation: SUPPORT,
    lang: 'da',
    title: 'Klyngeledernetværk: Forårsmøde 2027',
    summary: 'Demo: Erfaringsudveksling om handlingsplaner og midtvejsevaluering.',
    text: 'Mødet starter med frokost.',
    start: [123, '12:00'],
    end: [124, '13:00'],
    location: 'Mødecentret (demo-adresse)',
    municipalityCode: 851,
  },
  {
    organisation: SUPPORT,
    lang: 'da',
    title: 'Kurser i internationalisering 2027',
    summary: 'Demo: En kladde, der endnu ikke er udgivet.',
    text: 'Datoer og sted følger.',
    start: [160, '09:00'],
    end: [160, '16:00'],
    location: '',
    municipalityCode: null,
    draft: true,
  },
];

const JOINT_CALL_TEXT = `Danmarks Erhvervsfremmebestyrelse og Uddannelses- og Forskningsministeriet annoncerede i fællesskab midler til klyngeorganisationer for 2021-2024, ca. 80 mio. kr. om året fra hver.

## Krav
- Én privat, selvstændig juridisk enhed med eget CVR-nummer, der arbejder på et almennyttigt grundlag
- Et robust økonomisk og organisatorisk grundlag
- Deltagelse i bestyrelsen fra både virksomheder og videninstitutioner
- Guldcertificeret eller en plan for at opnå guldcertificering
- Ydelserne gøres tilgængelige på Virksomhedsguiden

## Kriterier
De to første vægtes tungest:
1. Organisering, kompetencer og kapacitet
2. Kvaliteten og egnetheden af aktiviteterne
3. Indsatsens placering i erhvervs- og innovationsfremmesystemet
4. Partnerkredsen

Annoncering i marts, ansøgningsfrist i maj og udpegning i september 2020. De præcise datoer her er opdigtet til demoen.`;

function postRows() {
  return POSTS.map((p) => {
    const slug = slugFromTitle(p.title);
    const publishedAt = p.published === null ? null : day(p.published, '08:00');
    const createdAt = day(p.published ?? -1, '07:30');
    return {
      id: demoUuid(`post:${slug}`),
      kind: p.kind,
      organisationId: org(p.organisation),
      slug,
      lang: p.lang,
      title: p.title,
      summary: p.summary,
      body: body(p.lang, p.text),
      publishedAt,
      createdBy: SUPPORT_USER,
      createdAt,
      updatedAt: publishedAt ?? createdAt,
    };
  });
}

function eventRows() {
  return EVENTS.map((e) => {
    const slug = slugFromTitle(e.title);
    const publishedAt = e.draft ? null : day(Math.min(e.start[0], 0) - 30);
    return {
      id: demoUuid(`event:${slug}`),
      organisationId: org(e.organisation),
      slug,
      lang: e.lang,
      title: e.title,
      summary: e.summary,
      body: body(e.lang, e.text),
      startsAt: day(...e.start),
      endsAt: day(...e.end),
      location: e.location,
      municipalityCode: e.municipalityCode,
      onlineUrl: e.onlineUrl ?? null,
      publishedAt,
      createdBy: SUPPORT_USER,
      createdAt: publishedAt ?? day(-1),
      updatedAt: publishedAt ?? day(-1),
    };
  });
}

function callRows() {
  const at = (date: string, time: string) => danishTimeToInstant(date, time) as Date;
  const rows = [
    {
      owner: 'Uddannelses- og Forskningsministeriet',
      title: 'Internationaliseringspulje for klyngeorganisationer 2027',
      summary: 'Demo: Midler til internationale partnerskaber, delegationer og matchmaking.',
      text: 'Klyngeorganisationer kan søge om op til 2 mio. kr. til aktiviteter med udenlandske partnere. Aktiviteterne skal involvere mindst to aktører, heraf mindst én virksomhed.',
      status: 'open' as const,
      opensAt: day(-14, '00:00'),
      deadline: at('2027-03-01', '12:00'),
      // Seed 003's rhythm: applications in March, assessment in May, decision in September, grants from January.
      timeline: { assessmentDeadline: '2027-05-03', decisionDate: '2027-09-01', grantsStartOn: '2028-01-01' },
    },
    {
      owner: 'Region Syddanmark',
      title: 'Pulje til spirende klynger og netværk i Syddanmark 2026',
      summary: 'Demo: Støtte til små og spirende klynger med regional betydning.',
      text: 'Puljen støttede netværk, der vil udvikle sig til en klyngeorganisation.',
      status: 'closed' as const,
      opensAt: day(-150, '00:00'),
      deadline: day(-72, '12:00'),
    },
    {
      owner: 'Danmarks Erhvervsfremmebestyrelse',
      title: 'Fælles annoncering af midler til klyngeorganisationer 2021-2024',
      summary:
        'Demo: den fælles annoncering fra ministeriet og Danmarks Erhvervsfremmebestyrelse; klyngeorganisationerne blev udpeget 1. oktober 2020.',
      text: JOINT_CALL_TEXT,
      status: 'decided' as const,
      opensAt: at('2020-03-02', '00:00'),
      deadline: at('2020-05-04', '12:00'),
      timeline: { assessmentDeadline: '2020-06-15', decisionDate: '2020-10-01', grantsStartOn: '2021-01-01' },
    },
    {
      owner: 'Uddannelses- og Forskningsministeriet',
      title: 'Midtvejsevaluering af de nationale klyngeorganisationer',
      summary: 'Demo: En kladde, som kun finansiøren kan se.',
      text: 'Udkast til rammerne for evalueringen.',
      status: 'draft' as const,
      opensAt: null,
      deadline: at('2027-06-01', '12:00'),
    },
  ];
  return rows.map((c) => {
    const slug = slugFromTitle(c.title);
    return {
      id: demoUuid(`call:${slug}`),
      ownerId: org(c.owner),
      slug,
      title: c.title,
      summary: c.summary,
      body: body('da', c.text),
      status: c.status,
      opensAt: c.opensAt,
      deadline: c.deadline,
      assessmentDeadline: c.timeline?.assessmentDeadline ?? null,
      decisionDate: c.timeline?.decisionDate ?? null,
      grantsStartOn: c.timeline?.grantsStartOn ?? null,
      createdBy: FUNDER_USER,
      createdAt: c.opensAt ?? day(-1),
      updatedAt: c.opensAt ?? day(-1),
    };
  });
}

/** Inserts the demo content inside the seed's transaction. */
export async function insertDemoContent(tx: Tx): Promise<void> {
  await tx.insert(posts).values(postRows());
  await tx.insert(events).values(eventRows());
  await tx.insert(calls).values(callRows());
}
