import type { Refusal } from '../../../domain/accounts/identities.ts';
import type { Widen } from '../../i18n/da.ts';
import type { Lang } from '../../paths.ts';

/** Texts of sign-in with identity providers, the second factor and sessions (the login form's own are in src/http/i18n). */
const da = {
  providers: {
    heading: 'Log ind med',
    button: (name: string) => `Log ind med ${name}`,
    failedTitle: 'Login mislykkedes',
    failed: 'Vi kunne ikke gennemføre login hos identitetsudbyderen. Prøv igen.',
    expired: 'Login tog for lang tid eller blev startet i et andet vindue. Prøv igen.',
    tryAgain: 'Tilbage til log ind',
    refusedTitle: 'Vi kan ikke give dig adgang endnu',
    refused: {
      unknown_user:
        'Du er ikke oprettet som bruger. Bed en administrator om en invitation til den e-mail, identitetsudbyderen kender dig ved.',
      no_email:
        'Identitetsudbyderen oplyste ingen e-mailadresse. Tilføj en e-mail til din erhvervsidentitet, og prøv igen.',
      email_taken:
        'Der findes allerede en konto med din e-mail. Log ind med adgangskode, og kobl identiteten til kontoen under Min konto.',
      organisation_invites_only:
        'Din organisation har en konto i Klyngeportalen, og dens brugere inviteres af en administrator. Bed om en invitation.',
      disabled: 'Kontoen, som identiteten er koblet til, er lukket.',
    } satisfies Record<Refusal, string>,
    linked: (name: string) => `${name} er nu koblet til din konto.`,
    linkTaken: 'Identiteten er allerede koblet til en anden konto.',
    identitiesHeading: 'Koblede identiteter',
    identitiesNone: 'Ingen identiteter er koblet til kontoen.',
    linkButton: (name: string) => `Kobl ${name} til kontoen`,
    provider: 'Udbyder',
    subject: 'Identifikator',
    linkedAt: 'Koblet',
  },
  secondFactor: {
    title: 'Totrinslogin',
    verifyTitle: 'Indtast engangskode',
    verifyIntro: 'Din rolle kræver totrinslogin. Indtast den 6-cifrede kode fra din godkendelsesapp.',
    code: 'Engangskode eller reservekode',
    codeHint: 'Seks cifre fra appen, eller en af dine reservekoder (fx ABCD-EFGH-JKLM-NPQR).',
    verify: 'Bekræft',
    wrongCode: 'Koden er forkert eller allerede brugt. Vent på den næste kode, og prøv igen.',
    rateLimited: (seconds: number) => `For mange forkerte koder. Vent ${seconds} sekunder, og prøv igen.`,
    enrolIntro:
      'Administratorer og finansiører skal bruge totrinslogin. Scan QR-koden med en godkendelsesapp (fx Microsoft Authenticator eller Google Authenticator), og indtast den kode, appen viser.',
    qrLabel: 'QR-kode til godkendelsesappen',
    secretLabel: 'Kan du ikke scanne? Indtast nøglen',
    confirm: 'Aktivér totrinslogin',
    enrolled: 'Totrinslogin er slået til.',
    notEnrolled: 'Totrinslogin er ikke slået til.',
    setUp: 'Slå totrinslogin til',
    codesTitle: 'Dine reservekoder',
    codesIntro:
      'Gem koderne et sikkert sted. Hver kode kan bruges én gang, hvis du mister din telefon. Koderne vises kun nu.',
    codesLeft: (n: number) => `Du har ${n} ubrugte reservekoder.`,
    renewCodes: 'Lav nye reservekoder',
    renewIntro: 'Nye reservekoder erstatter alle de gamle.',
    continue: 'Fortsæt',
    demoCode: (code: string) => `Demo: demobrugernes kode er lige nu ${code}.`,
  },
  sessions: {
    title: 'Aktive sessioner',
    intro:
      'Her er de enheder, hvor du er logget ind. Afslut en session, du ikke kender, og skift din adgangskode.',
    caption: 'Dine aktive sessioner, senest brugt først',
    device: 'Enhed',
    network: 'Netværk',
    method: 'Logget ind med',
    started: 'Startet',
    lastSeen: 'Sidst brugt',
    current: 'Denne session',
    end: 'Afslut',
    endLabel: (device: string) => `Afslut sessionen på ${device}`,
    endOthers: 'Afslut alle andre sessioner',
    ended: 'Sessionen er afsluttet.',
    endedOthers: (n: number) => `${n} andre sessioner er afsluttet.`,
    unknownDevice: 'Ukendt enhed',
    unknownNetwork: 'Ukendt',
    password: 'Adgangskode',
    withSecondFactor: 'med totrinslogin',
    link: 'Se og afslut dine sessioner',
  },
};

const en: Widen<typeof da> = {
  providers: {
    heading: 'Log in with',
    button: (name) => `Log in with ${name}`,
    failedTitle: 'Login failed',
    failed: 'We could not complete the login at the identity provider. Please try again.',
    expired: 'The login took too long or was started in another window. Please try again.',
    tryAgain: 'Back to log in',
    refusedTitle: 'We cannot give you access yet',
    refused: {
      unknown_user:
        'You are not registered as a user. Ask an administrator for an invitation to the e-mail address the identity provider knows you by.',
      no_email:
        'The identity provider gave no e-mail address. Add one to your business identity and try again.',
      email_taken:
        'An account with your e-mail already exists. Log in with your password and link the identity to the account under My account.',
      organisation_invites_only:
        'Your organisation has an account on Klyngeportalen, and its users are invited by an administrator. Ask for an invitation.',
      disabled: 'The account this identity is linked to is closed.',
    },
    linked: (name) => `${name} is now linked to your account.`,
    linkTaken: 'The identity is already linked to another account.',
    identitiesHeading: 'Linked identities',
    identitiesNone: 'No identities are linked to the account.',
    linkButton: (name) => `Link ${name} to the account`,
    provider: 'Provider',
    subject: 'Identifier',
    linkedAt: 'Linked',
  },
  secondFactor: {
    title: 'Two-step login',
    verifyTitle: 'Enter one-time code',
    verifyIntro: 'Your role requires two-step login. Enter the 6-digit code from your authenticator app.',
    code: 'One-time code or recovery code',
    codeHint: 'Six digits from the app, or one of your recovery codes (e.g. ABCD-EFGH-JKLM-NPQR).',
    verify: 'Confirm',
    wrongCode: 'The code is wrong or already used. Wait for the next code and try again.',
    rateLimited: (seconds) => `Too many wrong codes. Wait ${seconds} seconds and try again.`,
    enrolIntro:
      'Administrators and funders must use two-step login. Scan the QR code with an authenticator app (e.g. Microsoft Authenticator or Google Authenticator) and enter the code the app shows.',
    qrLabel: 'QR code for the authenticator app',
    secretLabel: 'Cannot scan? Enter the key',
    confirm: 'Turn on two-step login',
    enrolled: 'Two-step login is on.',
    notEnrolled: 'Two-step login is off.',
    setUp: 'Turn on two-step login',
    codesTitle: 'Your recovery codes',
    codesIntro:
      'Keep the codes somewhere safe. Each code can be used once if you lose your phone. They are shown only now.',
    codesLeft: (n) => `You have ${n} unused recovery codes.`,
    renewCodes: 'Make new recovery codes',
    renewIntro: 'New recovery codes replace all the old ones.',
    continue: 'Continue',
    demoCode: (code) => `Demo: the demo users' code right now is ${code}.`,
  },
  sessions: {
    title: 'Active sessions',
    intro:
      'These are the devices where you are logged in. End a session you do not recognise and change your password.',
    caption: 'Your active sessions, most recently used first',
    device: 'Device',
    network: 'Network',
    method: 'Logged in with',
    started: 'Started',
    lastSeen: 'Last used',
    current: 'This session',
    end: 'End',
    endLabel: (device) => `End the session on ${device}`,
    endOthers: 'End all other sessions',
    ended: 'The session has ended.',
    endedOthers: (n) => `${n} other sessions have ended.`,
    unknownDevice: 'Unknown device',
    unknownNetwork: 'Unknown',
    password: 'Password',
    withSecondFactor: 'with two-step login',
    link: 'See and end your sessions',
  },
};

export type IdentityMessages = Widen<typeof da>;

export function identityMessages(lang: Lang): IdentityMessages {
  return lang === 'da' ? da : en;
}
