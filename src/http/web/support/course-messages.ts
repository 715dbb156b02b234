import type { Widen } from '../../i18n/da.ts';
import type { Lang } from '../../paths.ts';

const da = {
  coursesHeading: 'Kommende kurser',
  noCourses: 'Der er ingen kommende kurser lige nu.',
  when: 'Tidspunkt',
  place: 'Sted',
  online: 'Online',
  seatsLeft: 'Ledige pladser',
  seatsText: (left: number, seats: number, waitlisted: number) =>
    left > 0 ? `${left} af ${seats}` : waitlisted > 0 ? `Fuldt (${waitlisted} på venteliste)` : 'Fuldt',
  cancelBy: 'Afmelding senest',
  // Planning a course
  planHeading: 'Planlæg et kursus',
  date: 'Dato (ÅÅÅÅ-MM-DD)',
  startTime: 'Starttid (TT:MM)',
  endTime: 'Sluttid (TT:MM)',
  onlineLabel: 'Kurset foregår online',
  seats: 'Pladser',
  cancelByLabel: 'Sidste dag for afmelding (ÅÅÅÅ-MM-DD)',
  plan: 'Planlæg kurset',
  planned: 'Kurset er planlagt.',
  // The course page
  courseTitle: (service: string, day: string) => `${service}, ${day}`,
  registerHeading: 'Tilmelding',
  person: 'Hvem skal tilmeldes?',
  register: 'Tilmeld',
  registered: 'Tilmeldingen er modtaget.',
  yourRegistrations: 'Jeres tilmeldinger',
  statusNames: { registered: 'Har plads', waitlisted: 'På venteliste', cancelled: 'Afmeldt' } as Record<
    string,
    string
  >,
  cancel: 'Afmeld',
  cancelled: 'Tilmeldingen er afmeldt.',
  calendar: 'Tilføj til kalender',
  afterDeadline: 'Fristen for afmelding er overskredet.',
  alreadyRegistered: 'Personen er allerede tilmeldt kurset.',
  started: 'Kurset er begyndt; tilmeldingen er lukket.',
  signInToRegister: 'Log ind som klyngemedarbejder eller virksomhedsbruger for at tilmelde dig.',
  attendanceLink: 'Deltagerliste og fremmøde',
  // Attendance
  attendanceTitle: 'Fremmøde',
  attendanceLead: 'Sæt kryds ved dem, der er mødt op, og gem.',
  present: 'Mødt op',
  waitlistHeading: 'Venteliste',
  noRegistrations: 'Ingen har tilmeldt sig endnu.',
  saveAttendance: 'Gem fremmøde',
  attendanceSaved: (n: number) => `Fremmødet er gemt: ${n} mødt op.`,
  calendarName: 'Kursus fra supportfunktionen',
  evaluationHeading: 'Evaluering',
  sendEvaluation: 'Send evalueringen til deltagerne',
  evaluationWhen: 'Evalueringen kan sendes, når kurset er slut og fremmødet er gemt.',
  evaluationSent: (n: number) => `Evalueringen er sendt til ${n} deltagere.`,
  evaluationLink: 'Se evalueringen',
  // The signed-in person's own courses (on their landing page)
  myCoursesHeading: 'Dine kurser',
  noMyCourses: 'Du er ikke tilmeldt nogen kurser.',
  findCourses: 'Find kurser blandt supportfunktionens ydelser',
  // The certificate of attendance of a module programme
  certificateLink: 'Kursusbevis (PDF)',
  certificateTitle: 'Kursusbevis',
  certificateLead: 'Hermed bekræftes, at',
  certificateAttended: (n: number) => `har deltaget i alle ${n} moduler af forløbet`,
  certificateModule: (n: number, day: string, from: string, to: string) =>
    `Modul ${n}: ${day} kl. ${from}–${to}`,
  certificateHours: (hours: string) => `I alt ${hours} timer`,
  certificateIssued: (issuer: string, day: string) => `Udstedt af ${issuer}, ${day}`,
  certificateFile: 'kursusbevis.pdf',
  certificateRefused: {
    notProgramme: () =>
      'Der udstedes kun kursusbevis for modulforløb, og dette kursus er ikke et modulforløb.',
    notFinished: (modules: number) =>
      `Forløbets ${modules} moduler er ikke alle holdt endnu. Kursusbeviset kan hentes, når det sidste modul er slut.`,
    notAttended: (modules: number, attended: number) =>
      `Kursusbevis kræver fremmøde på alle forløbets moduler. Der er registreret fremmøde på ${attended} af ${modules} moduler.`,
  },
  errors: {
    endBeforeStart: 'Sluttiden skal ligge efter starttiden.',
    cancelAfterStart: 'Sidste dag for afmelding skal ligge før kursusdagen.',
    past: 'Kurset kan ikke ligge i fortiden.',
    person: 'Vælg en kollega fra listen.',
  },
};

const en: typeof da = {
  coursesHeading: 'Upcoming courses',
  noCourses: 'There are no upcoming courses right now.',
  when: 'Time',
  place: 'Place',
  online: 'Online',
  seatsLeft: 'Seats left',
  seatsText: (left: number, seats: number, waitlisted: number) =>
    left > 0 ? `${left} of ${seats}` : waitlisted > 0 ? `Full (${waitlisted} on the waitlist)` : 'Full',
  cancelBy: 'Cancel by',
  planHeading: 'Plan a course',
  date: 'Date (YYYY-MM-DD)',
  startTime: 'Start time (HH:MM)',
  endTime: 'End time (HH:MM)',
  onlineLabel: 'The course is online',
  seats: 'Seats',
  cancelByLabel: 'Last day to cancel (YYYY-MM-DD)',
  plan: 'Plan the course',
  planned: 'The course is planned.',
  courseTitle: (service: string, day: string) => `${service}, ${day}`,
  registerHeading: 'Registration',
  person: 'Who is registering?',
  register: 'Register',
  registered: 'The registration is received.',
  yourRegistrations: 'Your registrations',
  statusNames: { registered: 'Has a seat', waitlisted: 'On the waitlist', cancelled: 'Cancelled' },
  cancel: 'Cancel',
  cancelled: 'The registration is cancelled.',
  calendar: 'Add to calendar',
  afterDeadline: 'The cancellation deadline has passed.',
  alreadyRegistered: 'The person is already registered for the course.',
  started: 'The course has started; registration is closed.',
  signInToRegister: 'Sign in as cluster staff or company user to register.',
  attendanceLink: 'Participant list and attendance',
  attendanceTitle: 'Attendance',
  attendanceLead: 'Tick those who came and save.',
  present: 'Present',
  waitlistHeading: 'Waitlist',
  noRegistrations: 'Nobody has registered yet.',
  saveAttendance: 'Save attendance',
  attendanceSaved: (n: number) => `Attendance saved: ${n} present.`,
  calendarName: 'Course of the support function',
  evaluationHeading: 'Evaluation',
  sendEvaluation: 'Send the evaluation to the participants',
  evaluationWhen: 'The evaluation can be sent once the course has ended and attendance is saved.',
  evaluationSent: (n: number) => `The evaluation is sent to ${n} participants.`,
  evaluationLink: 'See the evaluation',
  myCoursesHeading: 'Your courses',
  noMyCourses: 'You are not registered for any course.',
  findCourses: "Find courses among the support function's services",
  certificateLink: 'Certificate of attendance (PDF)',
  certificateTitle: 'Certificate of attendance',
  certificateLead: 'This is to certify that',
  certificateAttended: (n: number) => `has attended all ${n} modules of the programme`,
  certificateModule: (n: number, day: string, from: string, to: string) =>
    `Module ${n}: ${day}, ${from}–${to}`,
  certificateHours: (hours: string) => `${hours} hours in total`,
  certificateIssued: (issuer: string, day: string) => `Issued by ${issuer}, ${day}`,
  certificateFile: 'certificate.pdf',
  certificateRefused: {
    notProgramme: () => 'Certificates are issued for module programmes only, and this course is not one.',
    notFinished: (modules: number) =>
      `Not all ${modules} modules of the programme have been held yet. The certificate can be downloaded when the last module has ended.`,
    notAttended: (modules: number, attended: number) =>
      `A certificate requires attendance at every module of the programme. Attendance is recorded at ${attended} of ${modules} modules.`,
  },
  errors: {
    endBeforeStart: 'The end time must be after the start time.',
    cancelAfterStart: 'The last day to cancel must be before the course day.',
    past: 'The course cannot be in the past.',
    person: 'Choose a colleague from the list.',
  },
};

export type CourseMessages = Widen<typeof da>;

export function courseMessages(lang: Lang): CourseMessages {
  return lang === 'en' ? en : da;
}
