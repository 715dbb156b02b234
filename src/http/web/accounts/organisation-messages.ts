import type { Widen } from '../../i18n/da.ts';
import type { Lang } from '../../paths.ts';

/** Texts of an organisation admin's own pages: their organisations and each one's users. */
const da = {
  listTitle: 'Mine organisationer',
  listIntro: 'Organisationer, hvor du er organisationsadministrator og styrer brugerne.',
  title: (name: string) => `Brugere i ${name}`,
  intro:
    'Invitér brugere med en rolle, skift en brugers rolle eller fjern den. Organisationen beholder altid én organisationsadministrator.',
  back: 'Mine organisationer',
  invite: 'Invitér en bruger',
  inviteIntro:
    'En ny bruger får en e-mail med et link til at vælge sin adgangskode. En person, der allerede er bruger, får rollen i organisationen ved siden af sine andre.',
  inviteButton: 'Send invitation',
  invited: (email: string) => `${email} er inviteret.`,
  added: (email: string) => `${email} havde allerede en bruger og har nu fået rollen i organisationen.`,
  addedSubject: (organisation: string) => `Du har fået en rolle i ${organisation} på Klyngeportalen`,
  addedBody: (name: string, organisation: string, role: string, link: string) =>
    `Hej ${name}\n\nDu er nu ${role.toLowerCase()} i ${organisation} på Klyngeportalen. Log ind som du plejer:\n${link}`,
};

const en: Widen<typeof da> = {
  listTitle: 'My organisations',
  listIntro: 'Organisations where you are organisation admin and manage the users.',
  title: (name: string) => `Users of ${name}`,
  intro:
    "Invite users with a role, change a user's role or take it away. The organisation always keeps one organisation admin.",
  back: 'My organisations',
  invite: 'Invite a user',
  inviteIntro:
    'A new user gets an e-mail with a link to choose their password. A person who already has a user gets the role in the organisation beside their others.',
  inviteButton: 'Send invitation',
  invited: (email: string) => `${email} has been invited.`,
  added: (email: string) => `${email} already had a user and now has the role in the organisation.`,
  addedSubject: (organisation: string) => `You have a role in ${organisation} on Klyngeportalen`,
  addedBody: (name: string, organisation: string, role: string, link: string) =>
    `Hello ${name}\n\nYou are now ${role.toLowerCase()} in ${organisation} on Klyngeportalen. Sign in as usual:\n${link}`,
};

export type OrganisationAdminMessages = Widen<typeof da>;
export const organisationAdminMessages = (lang: Lang): OrganisationAdminMessages => (lang === 'da' ? da : en);
