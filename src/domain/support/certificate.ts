/**
 * Certificates of attendance for module programmes. A module programme runs as several courses of
 * its service, one per module, each with its own attendance list; the modules of one run are the
 * service's courses that start in the same calendar year (Danish time): the support function plans
 * a programme within a year. A participant who attended every module of the run may download a
 * certificate once the last module has ended; anyone else is told why not.
 */
import { sql } from 'drizzle-orm';
import { type Queryable, queryRows } from '../../db/client.ts';
import type { Caller } from '../caller.ts';
import { registrationWithCourse } from './registrations.ts';

/** Why there is no certificate: not a module programme, modules still to come, or modules missed. */
export type CertificateRefusal = 'notProgramme' | 'notFinished' | 'notAttended';

export interface ProgrammeModule {
  startsAt: Date;
  endsAt: Date;
}

export interface CertificateFacts {
  participant: string;
  organisationName: string;
  titleDa: string;
  titleEn: string;
  /** The organisation that offers the service. */
  issuer: string;
  modules: ProgrammeModule[];
  /** The modules' time together, in minutes. */
  minutes: number;
}

export type CertificateStatus =
  | { ready: true; facts: CertificateFacts }
  | { ready: false; reason: CertificateRefusal; modules: number; attended: number };

type ModuleRow = {
  startsAt: string | Date;
  endsAt: string | Date;
  minutes: number;
  attended: boolean;
};

/**
 * Whether the participant of a registration has earned the certificate of its module programme,
 * with what the certificate says. For those who may see the registration: the participant, a
 * colleague who registers for the organisation, the support function.
 */
export async function certificateStatus(
  db: Queryable,
  caller: Caller,
  registrationId: string,
  now: Date,
): Promise<CertificateStatus> {
  const { registration, course } = await registrationWithCourse(db, caller, registrationId);
  const modules = await queryRows<ModuleRow>(
    db,
    sql`select c.starts_at as "startsAt", c.ends_at as "endsAt",
          (extract(epoch from c.ends_at - c.starts_at) / 60)::int as minutes,
          exists (select 1 from course_registrations r
                  where r.course_id = c.id and r.user_id = ${registration.userId}
                    and r.status = 'registered' and r.attended) as attended
        from support_courses c
        where c.service_id = ${course.serviceId}
          and extract(year from c.starts_at at time zone 'Europe/Copenhagen')
            = extract(year from ${course.startsAt.toISOString()}::timestamptz at time zone 'Europe/Copenhagen')
        order by c.starts_at, c.id`,
  );
  const attended = modules.filter((m) => m.attended).length;
  const refused = (reason: CertificateRefusal): CertificateStatus => ({
    ready: false,
    reason,
    modules: modules.length,
    attended,
  });
  if (course.form !== 'module_programme') return refused('notProgramme');
  if (modules.some((m) => new Date(m.endsAt) > now)) return refused('notFinished');
  if (attended < modules.length) return refused('notAttended');
  const [who] = await queryRows<{ participant: string; organisationName: string; issuer: string }>(
    db,
    sql`select u.name as participant, o.name as "organisationName", i.name as issuer
        from users u, organisations o, support_services s join organisations i on i.id = s.organisation_id
        where u.id = ${registration.userId} and o.id = ${registration.organisationId} and s.id = ${course.serviceId}`,
  );
  if (!who) throw new Error('registration without person, organisation or service');
  return {
    ready: true,
    facts: {
      ...who,
      titleDa: course.titleDa,
      titleEn: course.titleEn,
      modules: modules.map((m) => ({ startsAt: new Date(m.startsAt), endsAt: new Date(m.endsAt) })),
      minutes: modules.reduce((sum, m) => sum + m.minutes, 0),
    },
  };
}
