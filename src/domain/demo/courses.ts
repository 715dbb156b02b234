import type { Tx } from '../../db/client.ts';
import { courseRegistrations, supportCourses } from '../../db/schema/index.ts';
import { slugFromTitle } from '../content/slug.ts';
import { addDays, danishTimeToInstant } from '../content/time.ts';
import { copenhagenDate } from '../reference/time.ts';
import { demoUuid } from './ids.ts';
import { organisationId } from './organisations.ts';

/**
 * Courses of the support function in the demo, dated from the day of seeding so that some are
 * always to come: last year's run of the cluster leader programme (four modules, all attended by
 * the demo cluster login, whose certificate of attendance can therefore be downloaded), next
 * year's run, and two single courses in the coming weeks, one with the demo company user
 * registered. Places and seats are invented for the demo.
 */
const PROGRAMME = 'Klyngelederuddannelsen';
const MODULE_DAYS = ['03-04', '04-08', '05-06', '06-03'];
const CLUSTER_LOGIN = 'klynge@demo.klyngeportalen.dk';
const COMPANY_LOGIN = 'virksomhed@demo.klyngeportalen.dk';

interface DemoCourse {
  key: string;
  service: string;
  date: string;
  times: [start: string, end: string];
  place: string;
  online?: boolean;
  seats: number;
}

const at = (date: string, time: string): Date => {
  const instant = danishTimeToInstant(date, time);
  if (!instant) throw new Error(`not a Danish time: ${date} ${time}`);
  return instant;
};

function demoCourses(today: string): DemoCourse[] {
  const year = Number(today.slice(0, 4));
  const programme = (run: number): DemoCourse[] =>
    MODULE_DAYS.map((day, i) => ({
      key: `${run}:${i + 1}`,
      service: PROGRAMME,
      date: `${run}-${day}`,
      times: ['09:00', '15:30'],
      place: 'Odense (demosted)',
      seats: 20,
    }));
  return [
    ...programme(year - 1),
    ...programme(year + 1),
    {
      key: 'project-management',
      service: 'Projektledelse i klyngeprojekter',
      date: addDays(today, 42),
      times: ['09:00', '16:00'],
      place: 'Vejle (demosted)',
      seats: 24,
    },
    {
      key: 'communication',
      service: 'Kommunikation og succeshistorier',
      date: addDays(today, 63),
      times: ['13:00', '16:00'],
      place: 'Online (demolink)',
      online: true,
      seats: 20,
    },
  ];
}

const courseId = (key: string) => demoUuid(`course:${key}`);

/** The demo courses and their registrations; returns how many courses. */
export async function insertDemoCourses(tx: Tx, now: Date): Promise<number> {
  const today = copenhagenDate(now);
  const courses = demoCourses(today);
  await tx.insert(supportCourses).values(
    courses.map((c) => ({
      id: courseId(c.key),
      serviceId: demoUuid(`service:${c.service}`),
      startsAt: at(c.date, c.times[0]),
      endsAt: at(c.date, c.times[1]),
      place: c.place,
      online: c.online ?? false,
      seats: c.seats,
      // Registrants may cancel until the end of the day a week before.
      cancellationDeadline: new Date(at(addDays(c.date, -7), '23:59').getTime() + 59_999),
      createdAt: at(addDays(c.date, -60), '10:00'),
    })),
  );
  const lastYear = Number(today.slice(0, 4)) - 1;
  const attendedModules = MODULE_DAYS.map((_, i) => ({
    courseId: courseId(`${lastYear}:${i + 1}`),
    userId: demoUuid(`user:${CLUSTER_LOGIN}`),
    organisationId: organisationId('odense-robotics'),
    status: 'registered' as const,
    registeredAt: at(`${lastYear}-02-01`, '10:00'),
    attended: true,
  }));
  await tx.insert(courseRegistrations).values([
    ...attendedModules,
    {
      courseId: courseId('project-management'),
      userId: demoUuid(`user:${COMPANY_LOGIN}`),
      organisationId: organisationId(slugFromTitle('Fynsk Robotteknik ApS (syntetisk)')),
      status: 'registered',
      registeredAt: at(today, '00:00'),
    },
  ]);
  return courses.length;
}
