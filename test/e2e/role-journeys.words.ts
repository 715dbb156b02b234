/** What the role journeys (role-journeys.e2e.test.ts) read and click, in Danish and English. */

export const VISITOR_WORDS = {
  da: { search: 'Søg', words: 'Søgeord', found: '1 resultat for »clean«' },
  en: { search: 'Search', words: 'Search words', found: '1 result for “clean”' },
};

export const COMPANY_WORDS = {
  da: {
    newItem: 'Opret opslag på markedspladsen',
    direction: 'Tilbud eller efterspørgsel',
    offer: 'Tilbud',
    productService: 'Produkt eller ydelse',
    title: 'Overskrift',
    description: 'Beskrivelse',
    theme: 'Robotter, automation og droner',
    validFrom: 'Gælder fra',
    validUntil: 'Gælder til',
    publish: 'Offentliggør',
    published: 'Opslaget er offentliggjort.',
  },
  en: {
    newItem: 'Create a marketplace item',
    direction: 'Offer or request',
    offer: 'Offer',
    productService: 'Product or service',
    title: 'Title',
    description: 'Description',
    theme: 'Robotics, automation and drones',
    validFrom: 'Valid from',
    validUntil: 'Valid until',
    publish: 'Publish',
    published: 'The item is published.',
  },
};

export const CLUSTER_WORDS = {
  da: {
    activities: 'Aktiviteter',
    create: 'Opret aktivitet',
    title: 'Titel',
    reference: 'Reference',
    category: /^Kategori/,
    dissemination: 'Videnspredning',
    startDate: /^Startdato/,
    endDate: /^Slutdato/,
    save: 'Gem aktivitet',
    created: 'Aktiviteten er oprettet.',
    createdAt: /\/arbejdsrum\/aktiviteter\/\d+\?status=created$/,
    company: 'Virksomhed',
    addParticipant: 'Tilføj deltager',
  },
  en: {
    activities: 'Activities',
    create: 'Create activity',
    title: 'Title',
    reference: 'Reference',
    category: /^Category/,
    dissemination: 'Knowledge dissemination',
    startDate: /^Start date/,
    endDate: /^End date/,
    save: 'Save activity',
    created: 'The activity has been created.',
    createdAt: /\/en\/workspace\/activities\/\d+\?status=created$/,
    company: 'Company',
    addParticipant: 'Add participant',
  },
};

export const FUNDER_WORDS = {
  da: {
    status: 'Indberetningsstatus',
    year: 'År',
    show: 'Vis',
    statusAt: '**/indberetninger/status?year=2023',
    clusters: 'Klyngerne i 2023',
    review: (cluster: string) => `${cluster}: indberetningen for 2023`,
    approve: 'Godkend',
    approved: 'Godkendt',
  },
  en: {
    status: 'Reporting status',
    year: 'Year',
    show: 'Show',
    statusAt: '**/en/**/status?year=2023',
    clusters: 'The clusters in 2023',
    review: (cluster: string) => `${cluster}: the report for 2023`,
    approve: 'Approve',
    approved: 'Approved',
  },
};

export const ADMIN_WORDS = {
  da: {
    users: 'Brugere og roller',
    name: 'Navn',
    organisation: 'Organisation',
    clean: 'CLEAN (Klyngeorganisation)',
    role: 'Rolle',
    clusterStaff: 'Klyngemedarbejder',
    create: 'Opret bruger',
    createdAt: '**/admin/brugere?created=*',
    created: (email: string) =>
      `Brugeren ${email} er oprettet, og der er sendt et link til at vælge adgangskode.`,
    invited: 'Inviteret, har endnu ikke logget ind',
  },
  en: {
    users: 'Users and roles',
    name: 'Name',
    organisation: 'Organisation',
    clean: 'CLEAN (Cluster organisation)',
    role: 'Role',
    clusterStaff: 'Cluster staff',
    create: 'Create user',
    createdAt: '**/en/admin/users?created=*',
    created: (email: string) => `The user ${email} has been created and sent a link to choose a password.`,
    invited: 'Invited, has not logged in yet',
  },
};

export const SUPPORT_WORDS = {
  da: {
    services: 'Ydelser',
    titleColumn: 'Titel på dansk',
    date: 'Dato (ÅÅÅÅ-MM-DD)',
    start: 'Starttid (TT:MM)',
    end: 'Sluttid (TT:MM)',
    place: 'Sted',
    seats: 'Pladser',
    lastCancel: 'Sidste dag for afmelding (ÅÅÅÅ-MM-DD)',
    plan: 'Planlæg kurset',
    planned: 'Kurset er planlagt.',
    attendance: 'Deltagerliste og fremmøde',
    attendanceTitle: 'Fremmøde',
    noRegistrations: 'Ingen har tilmeldt sig endnu.',
    service: 'Projektledelse i klyngeprojekter',
  },
  en: {
    services: 'Services',
    titleColumn: 'Title in English',
    date: 'Date (YYYY-MM-DD)',
    start: 'Start time (HH:MM)',
    end: 'End time (HH:MM)',
    place: 'Place',
    seats: 'Seats',
    lastCancel: 'Last day to cancel (YYYY-MM-DD)',
    plan: 'Plan the course',
    planned: 'The course is planned.',
    attendance: 'Participant list and attendance',
    attendanceTitle: 'Attendance',
    noRegistrations: 'Nobody has registered yet.',
    service: 'Project management in cluster projects',
  },
};

export const HUB_WORDS = {
  da: { referrals: 'Alle henvisninger', activities: 'Klyngernes aktiviteter' },
  en: { referrals: 'All referrals', activities: "The clusters' activities" },
};
