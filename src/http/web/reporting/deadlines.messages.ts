import type { Widen } from '../../i18n/da.ts';
import type { Lang } from '../../paths.ts';

const MONTHS_DA = [
  'januar',
  'februar',
  'marts',
  'april',
  'maj',
  'juni',
  'juli',
  'august',
  'september',
  'oktober',
  'november',
  'december',
];
const MONTHS_EN = [
  'January',
  'February',
  'March',
  'April',
  'May',
  'June',
  'July',
  'August',
  'September',
  'October',
  'November',
  'December',
];

const da = {
  title: 'Indberetningsfrister',
  intro:
    'Hver bevillingsgiver har en frist for klyngernes indberetning: en dag og måned i året efter indberetningsåret. Uden egen regel gælder 1. marts. En klynge med flere bevillingsgivere har den tidligste frist. Klynger, der ikke har indsendt, får en påmindelse 30 og 7 dage før fristen og dagen efter.',
  caption: 'Fristen pr. bevillingsgiver',
  funder: 'Bevillingsgiver',
  deadline: 'Frist i året efter',
  change: 'Ret fristen',
  day: 'Dag',
  month: 'Måned',
  save: 'Gem',
  saved: 'Fristen er gemt.',
  invalid: 'Skriv en dato, der findes hvert år (dag 1-31 og måned 1-12; ikke 29. februar).',
  ruleText: (day: number, month: number, own: boolean) =>
    `${day}. ${MONTHS_DA[month - 1] ?? ''}${own ? '' : ' (standard)'}`,
  link: 'Indberetningsfrister pr. bevillingsgiver',
};

const en: Widen<typeof da> = {
  title: 'Reporting deadlines',
  intro:
    "Each funder has a deadline for its clusters' reports: a day and month of the year after the reporting year. Without a rule of its own, 1 March applies. A cluster with several funders has the earliest deadline. Clusters that have not submitted are reminded 30 and 7 days before the deadline and on the day after.",
  caption: 'The deadline per funder',
  funder: 'Funder',
  deadline: 'Deadline in the year after',
  change: 'Change the deadline',
  day: 'Day',
  month: 'Month',
  save: 'Save',
  saved: 'The deadline is saved.',
  invalid: 'Give a date that exists every year (day 1-31 and month 1-12; not 29 February).',
  ruleText: (day, month, own) => `${day} ${MONTHS_EN[month - 1] ?? ''}${own ? '' : ' (default)'}`,
  link: 'Reporting deadlines per funder',
};

export type DeadlineMessages = Widen<typeof da>;
export const deadlineMessages = (lang: Lang): DeadlineMessages => (lang === 'da' ? da : en);
