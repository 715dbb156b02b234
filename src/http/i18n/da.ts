import { namesOf } from '../../domain/glossary.ts';

/** Danish UI texts: the canonical catalogue. en.ts must have the same shape (checked by the type). */
export const da = {
  site: {
    name: 'Klyngeportalen',
    tagline: 'Én indgang til de danske klynger',
    skipLink: 'Gå til sidens indhold',
    mainNav: 'Hovedmenu',
    languageSwitch: 'Vælg sprog',
    other: { lang: 'en', label: 'English' },
    syntheticNotice:
      'Demodata: Klyngeorganisationer, temaer og finansiører er offentligt kendte; virksomheder og aktiviteter er syntetiske og findes ikke i virkeligheden.',
    footerAbout: 'Klyngeportalen er den fælles platform for klyngeindsatsen i Danmark.',
    footerLinks: 'Om siden',
  },
  /** The name of a scrolling table that sits in a section of the same name (region names must differ). */
  tableOf: (name: string) => `Tabel: ${name}`,
  nav: {
    home: 'Forside',
    news: 'Nyheder',
    events: 'Arrangementer',
    calls: 'Opslag',
    search: 'Søg',
    notifications: (unread: number) => (unread > 0 ? `Notifikationer (${unread} ulæste)` : 'Notifikationer'),
    account: 'Min konto',
    login: 'Log ind',
    logout: 'Log ud',
    menu: 'Menu',
    close: 'Luk',
    signedInAs: (name: string) => `Logget ind som ${name}`,
  },
  home: {
    title: 'Klyngeportalen',
    lead: 'Find de danske klynger, følg deres resultater, og samarbejd om klyngeindsatsen: for virksomheder, klyngeorganisationer, finansiører og supportfunktionen.',
    searchLabel: 'Søg efter klynger, aktiviteter, arrangementer, nyheder og opslag',
    deadline: (when: string) => `Ansøgningsfrist ${when}`,
    figuresHeading: 'Klyngeindsatsen i tal',
    resultsLink: 'Se performanceregnskabet og pejlemærkerne',
    figures: {
      clusters: 'klyngeorganisationer',
      nationalClusters: 'nationale klyngeorganisationer 2021-2024',
      activities: (from: number, to: number) => `aktiviteter ${from}-${to}`,
      companies: (from: number, to: number) => `forskellige virksomheder deltog ${from}-${to}`,
      funders: 'finansiører',
    },
    figuresNote:
      'Tallene tælles direkte i databasen; virksomheder tælles kun én gang, selv om de deltager i flere klynger.',
    nationalHeading: 'Nationale klyngeorganisationer',
    nationalNone: 'Der er endnu ingen nationale klyngeorganisationer.',
    ended: (date: string) => `ophørt ${date}`,
    forStaffHeading: 'For klyngeorganisationer og finansiører',
    forStaffText:
      'Log ind for at indberette aktiviteter, følge performanceregnskabet og administrere jeres organisation.',
  },
  login: {
    title: 'Log ind',
    email: 'E-mail',
    password: 'Adgangskode',
    submit: 'Log ind',
    forgot: 'Glemt adgangskode?',
    invalid: 'E-mail eller adgangskode er forkert.',
    rateLimited: (seconds: number) =>
      `For mange forsøg på at logge ind. Vent ${seconds} sekunder, og prøv igen.`,
    loggedOut: 'Du er nu logget ud.',
    passwordReset: 'Din adgangskode er ændret. Log ind med den nye adgangskode.',
    accountCreated: 'Din e-mail er bekræftet, og kontoen er oprettet. Log ind for at fortsætte.',
    demoHeading: 'Demologins',
    demoText: (password: string) => `Alle demobrugere har adgangskoden ${password}.`,
    demoSecondFactor: (secret: string) =>
      `Administrator og finansiør bruger totrinslogin: læg nøglen ${secret} i en godkendelsesapp, eller brug koden, der vises efter adgangskoden.`,
  },
  forgot: {
    title: 'Glemt adgangskode',
    intro:
      'Skriv din e-mail, så sender vi et link, som du kan vælge en ny adgangskode med. Linket virker i 1 time.',
    email: 'E-mail',
    submit: 'Send link',
    sent: 'Hvis der findes en konto med den e-mail, har vi sendt et link til at vælge en ny adgangskode.',
    mailSubject: 'Vælg en ny adgangskode til Klyngeportalen',
    mailBody: (name: string, link: string) =>
      `Kære ${name}\n\nDu (eller en anden) har bedt om at nulstille din adgangskode til Klyngeportalen.\nVælg en ny adgangskode her inden for 1 time:\n\n${link}\n\nHar du ikke bedt om det, kan du se bort fra denne e-mail.\n\nVenlig hilsen\nKlyngeportalen`,
  },
  reset: {
    title: 'Vælg ny adgangskode',
    password: 'Ny adgangskode',
    passwordHint: (min: number) => `Mindst ${min} tegn.`,
    confirm: 'Gentag ny adgangskode',
    submit: 'Gem adgangskode',
    invalidToken: 'Linket er ugyldigt eller udløbet. Bed om et nyt link.',
  },
  account: {
    you: 'Dine oplysninger',
    title: 'Min konto',
    name: 'Navn',
    email: 'E-mail',
    memberships: 'Organisationer og roller',
    organisation: 'Organisation',
    role: 'Rolle',
    noMemberships: 'Du er ikke tilknyttet nogen organisation.',
    security: 'Login og sikkerhed',
    changePassword: 'Skift adgangskode',
    currentPassword: 'Nuværende adgangskode',
    newPassword: 'Ny adgangskode',
    confirmPassword: 'Gentag ny adgangskode',
    submitPassword: 'Skift adgangskode',
    passwordChanged: 'Din adgangskode er ændret. Dine andre sessioner er logget ud.',
    wrongCurrent: 'Den nuværende adgangskode er forkert.',
  },
  validation: {
    summary: 'Der er fejl i formularen',
    /** A field without a label of its own is "Feltet". */
    field: 'Feltet',
    required: (field: string) => `${field} skal udfyldes.`,
    email: 'Skriv en gyldig e-mailadresse, fx navn@eksempel.dk.',
    tooShort: (field: string, min: number) => `${field} skal være mindst ${min} tegn.`,
    tooLong: (field: string, max: number) => `${field} må højst være ${max} tegn.`,
    mismatch: 'De to adgangskoder er ikke ens.',
    invalid: (field: string) => `${field} har en ugyldig værdi.`,
    number: (field: string) => `${field} skal være et tal, fx 12,5 eller 10.000.`,
    wholeNumber: (field: string) => `${field} skal være et helt tal, fx 10.000.`,
    tooSmall: (field: string) => `${field} er for lille.`,
    tooLarge: (field: string) => `${field} er for stor.`,
    date: (field: string) => `${field} skal være en rigtig dato med dag, måned og år, fx 1 3 2027.`,
    time: (field: string) => `${field} skal være et klokkeslæt, fx 12:00.`,
  },
  /** GOV.UK's and DKFDS's pattern: a form says once that all is required and marks what is not. */
  requiredFields: {
    note: 'Alle felter skal udfyldes, undtagen dem, der er markeret (valgfri).',
    optional: (label: string) => `${label} (valgfri)`,
  },
  dateInput: {
    day: 'Dag',
    month: 'Måned',
    year: 'År',
    hint: 'Fx 1 3 2027',
  },
  roles: namesOf('role', 'da'),
  orgKinds: namesOf('organisationKind', 'da'),
  admin: {
    title: 'Administration',
    intro: 'Administrér brugere og roller, og gennemse revisionsloggen over alle ændringer af data.',
    usersTitle: 'Brugere og roller',
    userName: 'Navn',
    userEmail: 'E-mail',
    userRoles: 'Roller',
    createUser: 'Opret bruger',
    createUserIntro: 'Brugeren får en e-mail med et link til at vælge sin adgangskode.',
    organisation: 'Organisation',
    role: 'Rolle',
    choose: 'Vælg',
    userCreated: (email: string) =>
      `Brugeren ${email} er oprettet, og der er sendt et link til at vælge adgangskode.`,
    emailTaken: 'Der findes allerede en bruger med den e-mail.',
    inviteSubject: 'Du er oprettet som bruger af Klyngeportalen',
    inviteBody: (name: string, link: string) =>
      `Kære ${name}\n\nDu er oprettet som bruger af Klyngeportalen.\nVælg din adgangskode her inden for 1 time:\n\n${link}\n\nVenlig hilsen\nKlyngeportalen`,
    auditTitle: 'Revisionslog',
    auditIntro: 'Alle ændringer af data med tidspunkt, aktør, enhed og før/efter. Loggen kan ikke ændres.',
    auditFilter: 'Filtrér',
    auditEntity: 'Enhed',
    auditActor: 'Aktør (e-mail eller system)',
    auditFrom: 'Fra dato',
    auditTo: 'Til dato',
    auditAll: 'Alle',
    auditAt: 'Tidspunkt',
    auditAction: 'Handling',
    auditChanges: 'Ændringer',
    auditEmpty: 'Ingen ændringer matcher filteret.',
    auditCount: (n: number) => `${n} ændringer`,
    actions: { insert: 'oprettet', update: 'ændret', delete: 'slettet' } as Record<string, string>,
    previous: 'Forrige side',
    next: 'Næste side',
    page: (p: number, of: number) => `Side ${p} af ${of}`,
  },
  errors: {
    notFoundTitle: 'Siden findes ikke',
    notFoundText: 'Vi kan ikke finde den side, du leder efter. Tjek adressen, eller gå til forsiden.',
    forbiddenTitle: 'Ingen adgang',
    forbiddenText: 'Du har ikke adgang til denne side med dine nuværende roller.',
    serverTitle: 'Der skete en fejl',
    serverText: 'Der skete en uventet fejl hos os. Prøv igen om lidt. Oplys fejl-id, hvis du kontakter os:',
    badRequestTitle: 'Ugyldig forespørgsel',
    badRequestText:
      'Adressen eller formularen indeholder tegn, vi ikke kan tage imod (fx et NUL-tegn). Ret adressen, eller gå tilbage og prøv igen.',
    csrfTitle: 'Formularen er udløbet',
    csrfText: 'Af sikkerhedshensyn kunne formularen ikke sendes. Gå tilbage, genindlæs siden, og prøv igen.',
    tooLargeTitle: 'For stor forespørgsel',
    tooLargeText:
      'Filen eller formularen er større, end vi kan modtage. Del den op, eller send en mindre fil.',
    rateLimitedTitle: 'For mange forespørgsler',
    backHome: 'Gå til forsiden',
  },
  pages: {
    accessibilityTitle: 'Tilgængelighedserklæring',
    privacyTitle: 'Privatlivspolitik',
    apiTitle: 'Åbne data (API)',
    aboutTitle: 'Om Klyngeportalen',
  },
} as const;

export type Widen<T> = T extends (...args: infer A) => infer R
  ? (...args: A) => R
  : T extends string
    ? string
    : T extends object
      ? { [K in keyof T]: Widen<T[K]> }
      : T;

export type Messages = Widen<typeof da>;
