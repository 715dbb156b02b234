import { DEMO_LOGINS } from '../../src/domain/demo/users.ts';
import { ROLES, type Role } from '../../src/domain/policy/policy.ts';

/**
 * Who may use every route of the site: the expected answer to a GET for a visitor, for each
 * demo role and for an API token (of the demo cluster, Odense Robotics), on the parameters of
 * route-fixtures.ts. `login` is a 303 to the login page. The English paths answer as their
 * Danish twins. A route that is registered but missing here fails routes.int.test.ts: a new
 * route cannot be added without deciding who may use it. POST routes are listed with who may
 * post them without signing in (`public`) or not (`signed-in`); their role rules are the domain
 * commands' (each tested with an unauthorised caller).
 */
export type Principal = 'anonymous' | Role | 'token';
/**
 * Every role with a demo login: a company's user (signed in with MitID Erhverv) has none, and
 * its pages are tested through the identity provider (src/identity/oidc.int.test.ts).
 */
export const PRINCIPALS: readonly Principal[] = [
  'anonymous',
  ...ROLES.filter((r) => DEMO_LOGINS.some((d) => d.role === r)),
  'token',
];
export type Expected = number | 'login';
export type Access = Record<Principal, Expected>;

/** The same answer for everyone. */
const everyone = (status: Expected): Access =>
  Object.fromEntries(PRINCIPALS.map((p) => [p, status])) as Access;
const OPEN = everyone(200);

/** Visitors are sent to log in, the roles named get `status`, every other role 403. */
function only(allowed: readonly Role[], overrides: Partial<Access> = {}, status: Expected = 200): Access {
  return {
    ...everyone(403),
    anonymous: 'login',
    token: 'login',
    ...Object.fromEntries(allowed.map((r) => [r, status])),
    ...overrides,
  };
}
const SIGNED_IN = only(ROLES);

/** The token API: an API token gets `status`; no cookie (visitor or signed in) is a credential there. */
const tokenApi = (status: Expected): Access => ({ ...everyone(401), token: status });

export const FOR_GET: Record<string, Access> = {
  'GET /healthz': OPEN,
  'GET /readyz': OPEN,
  'GET /assets/:file': OPEN,
  'GET /': OPEN,
  'GET /tilgaengelighed': OPEN,
  'GET /privatliv': OPEN,
  'GET /om': OPEN,
  'GET /log-ind': OPEN,
  'GET /glemt-adgangskode': OPEN,
  'GET /nulstil-adgangskode': OPEN,
  'GET /konto': SIGNED_IN,
  // Identity: a provider id that is not configured is a 404 (the test configures none)
  'GET /log-ind/med/:provider': everyone(404),
  'GET /log-ind/retur/:provider': everyone(404),
  // Without a pending second factor the code page sends the person on (to their account)
  'GET /log-ind/engangskode': only(ROLES, {}, 303),
  'GET /konto/totrinslogin': SIGNED_IN,
  'GET /konto/sessioner': SIGNED_IN,
  'GET /konto/persondata': SIGNED_IN,
  'GET /konto/persondata.json': SIGNED_IN,
  'GET /konto/persondata.pdf': SIGNED_IN,
  'GET /admin': only(['admin']),
  'GET /admin/brugere': only(['admin']),
  'GET /admin/brugere/:id': only(['admin']),
  'GET /admin/brugere/:id/persondata.json': only(['admin']),
  'GET /admin/brugere/:id/persondata.pdf': only(['admin']),
  'GET /admin/organisationer': only(['admin']),
  'GET /admin/organisationer/:id': only(['admin']),
  'GET /admin/revisionslog': only(['admin']),
  'GET /admin/jobber': only(['admin']),
  // Cluster staff's landing page; anyone else signed in is sent on to their own landing page
  'GET /arbejdsrum': { ...only(ROLES, {}, 303), cluster_staff: 200 },
  'GET /finansiering': only(['admin', 'funder']),
  'GET /support': only(['admin', 'support_staff']),
  // Catalogue: a cluster's own staff, the support function and admins edit its profile
  'GET /klynger': OPEN,
  'GET /klynger/:slug': OPEN,
  'GET /klynger/:slug/rediger': only(['admin', 'cluster_staff', 'support_staff']),
  'GET /klynger/:slug/forhaandsvisning': only(['admin', 'cluster_staff', 'support_staff']),
  'GET /maerker': OPEN,
  'GET /maerker/import': only(['admin', 'support_staff']),
  'GET /maerker/import/skabelon.csv': OPEN,
  'GET /landskab': OPEN,
  'GET /soeg': OPEN,
  'GET /api': OPEN,
  // News, stories and events: the fixture's news and event are the support function's, the story Odense Robotics'
  'GET /nyheder': OPEN,
  'GET /nyheder/rss.xml': OPEN,
  'GET /nyheder/atom.xml': OPEN,
  'GET /nyheder/ny': only(['admin', 'cluster_staff', 'support_staff']),
  'GET /nyheder/:slug': OPEN,
  'GET /nyheder/:slug/rediger': only(['admin', 'support_staff']),
  'GET /historier': OPEN,
  'GET /historier/rss.xml': OPEN,
  'GET /historier/atom.xml': OPEN,
  'GET /historier/ny': only(['admin', 'cluster_staff', 'support_staff']),
  'GET /historier/:slug': OPEN,
  'GET /historier/:slug/rediger': only(['cluster_staff']),
  'GET /arrangementer': OPEN,
  'GET /arrangementer.ics': OPEN,
  'GET /arrangementer/ny': only(['admin', 'cluster_staff', 'support_staff']),
  'GET /arrangementer/:slug': OPEN,
  'GET /arrangementer/:slug/ics': OPEN,
  'GET /arrangementer/:slug/rediger': only(['admin', 'support_staff']),
  // Calls: the decided joint call of Danmarks Erhvervsfremmebestyrelse (the demo assessor's), which
  // the demo funder co-funds; the application and its attachment are Odense Robotics'
  'GET /opslag': OPEN,
  'GET /opslag/ny': only(['funder']),
  'GET /opslag/:slug': OPEN,
  'GET /opslag/:slug/rediger': only([]),
  'GET /opslag/:slug/opsaetning': only([]),
  'GET /opslag/:slug/sagsbehandling': only(['funder']),
  'GET /opslag/:slug/ansoegning': only(['cluster_staff']),
  // Odense Robotics' application to the decided call is submitted: its sections and check page
  // go back to the task list, its receipt shows, and it may still be withdrawn
  'GET /opslag/:slug/ansoegning/om-projektet': only(['cluster_staff'], {}, 303),
  'GET /opslag/:slug/ansoegning/krav': only(['cluster_staff'], {}, 303),
  'GET /opslag/:slug/ansoegning/budget': only(['cluster_staff'], {}, 303),
  'GET /opslag/:slug/ansoegning/bilag': only(['cluster_staff'], {}, 303),
  'GET /opslag/:slug/ansoegning/tjek': only(['cluster_staff'], {}, 303),
  'GET /opslag/:slug/ansoegning/kvittering': only(['cluster_staff']),
  'GET /opslag/:slug/ansoegning/traek-tilbage': only(['cluster_staff']),
  'GET /ansoegninger/:id': only(['funder', 'assessor', 'cluster_staff']),
  'GET /ansoegninger/:id/afgoerelse.pdf': only(['funder', 'cluster_staff']),
  'GET /bilag/:id': only(['funder', 'cluster_staff']),
  'GET /bedoemmelser': only(['assessor']),
  // Reporting: the delivery is Odense Robotics'; the loading page of a job that does not run is 404
  'GET /arbejdsrum/indberetninger': only(['admin', 'funder', 'cluster_staff', 'support_staff']),
  'GET /arbejdsrum/indberetninger/:id': only(['admin', 'funder', 'cluster_staff', 'support_staff']),
  'GET /arbejdsrum/indberetninger/indlaesning/:id': only(ROLES, {}, 404),
  'GET /indberetning/hjaelp': OPEN,
  'GET /indberetning/skabelon/:file': OPEN,
  'GET /arbejdsrum/api-noegler': only(['admin', 'funder', 'cluster_staff']),
  'GET /arbejdsrum/aktiviteter': only(['admin', 'funder', 'cluster_staff', 'support_staff']),
  'GET /arbejdsrum/aktiviteter/ny': only(['cluster_staff']),
  'GET /arbejdsrum/aktiviteter/:id': only(['admin', 'funder', 'cluster_staff', 'support_staff']),
  'GET /arbejdsrum/aktiviteter/:id/rediger': only(['cluster_staff']),
  'GET /arbejdsrum/aktiviteter/:id/slet': only(['cluster_staff']),
  // The participant form posts here; a GET goes back to the activity, for everyone
  'GET /arbejdsrum/aktiviteter/:id/deltagere': everyone(303),
  'GET /arbejdsrum/aktiviteter/:id/deltagere/:participantId': only(['cluster_staff']),
  'GET /arbejdsrum/aktiviteter/:id/deltagere/:participantId/fjern': only(['cluster_staff']),
  'GET /arbejdsrum/perioder': only(['cluster_staff']),
  'GET /indberetninger/status': only(['admin', 'funder', 'support_staff']),
  'GET /indberetninger/frister': only(['admin']),
  // A funder reviews the years of the clusters it funds (the fixture: Odense Robotics 2023)
  'GET /indberetninger/status/:id/:year': only(['admin', 'funder', 'support_staff']),
  // Action plans of Odense Robotics, 2024
  'GET /arbejdsrum/handlingsplaner': only(['cluster_staff']),
  'GET /arbejdsrum/handlingsplaner/:slug/:year': only(['admin', 'funder', 'cluster_staff']),
  'GET /arbejdsrum/handlingsplaner/:slug/:year/opfoelgning': only(['admin', 'funder', 'cluster_staff']),
  'GET /finansiering/handlingsplaner': only(['admin', 'funder']),
  'GET /finansiering/handlingsplaner/:slug/:year': only(['admin', 'funder', 'cluster_staff']),
  'GET /finansiering/handlingsplaner/:slug/:year/opfoelgning': only(['admin', 'funder', 'cluster_staff']),
  // Performance account: public; targets are the funders'
  'GET /resultater': everyone(302),
  'GET /resultater/sammenlign': OPEN,
  'GET /resultater/:year': OPEN,
  'GET /resultater/:year/klynger/:cvr': OPEN,
  'GET /resultater/:year/eksport.csv': OPEN,
  'GET /resultater/:year/eksport.xlsx': OPEN,
  'GET /resultater/:year/eksport.pdf': OPEN,
  'GET /resultater/pejlemaerker': only(['admin', 'funder']),
  'GET /resultater/pejlemaerker/:id': only(['admin', 'funder']),
  'GET /resultater/pejlemaerker/:id/:code': only(['admin', 'funder']),
  'GET /klyngeforum': OPEN,
  'GET /klyngeforum/initiativer/:code': OPEN,
  // Benchmarking, evaluation and data quality
  'GET /arbejdsrum/benchmarking': only(['cluster_staff']),
  'GET /support/benchmarking': only(['admin', 'support_staff']),
  'GET /finansiering/evalueringer': only(['admin', 'funder']),
  'GET /finansiering/evalueringer/regler': only(['admin', 'funder']),
  'GET /finansiering/evalueringer/:slug': only(['admin', 'funder', 'cluster_staff']),
  'GET /arbejdsrum/datakvalitet': only(['admin', 'funder', 'cluster_staff']),
  'GET /finansiering/datakvalitet': only(['admin', 'funder', 'cluster_staff']),
  // Funding coordination: the funding plan is the demo funder's
  'GET /finansiering/koordinering': only(['admin', 'funder']),
  'GET /finansiering/koordinering/finansiorer/:slug': only(['admin', 'funder']),
  'GET /finansiering/planer': only(['admin', 'funder']),
  'GET /finansiering/planer/ny': only(['funder']),
  'GET /finansiering/planer/:id': only(['admin', 'funder']),
  // The old addresses of funding plans move for good
  'GET /finansiering/initiativer': everyone(301),
  'GET /finansiering/initiativer/*': everyone(301),
  // Referrals: the hubs' and clusters' staff; the demo referral is Erhvervshus Fyn's (the demo hub
  // login) to Odense Robotics (the demo cluster login). The figures hold no personal data.
  'GET /henvisninger': only(['cluster_staff', 'business_service_staff']),
  'GET /henvisninger/ny': only(['cluster_staff', 'business_service_staff']),
  'GET /henvisninger/tal': only([
    'admin',
    'funder',
    'support_staff',
    'cluster_staff',
    'business_service_staff',
  ]),
  'GET /henvisninger/:id': only(['cluster_staff', 'business_service_staff']),
  // Surveys: the demo's open needs survey, the support function's, its results shared with the
  // funders; its published questions show read-only. The personal link needs no sign-in; its
  // receipt comes after sending only (before, back to the questions).
  'GET /undersoegelser/:token': OPEN,
  'GET /undersoegelser/:token/side/:page': OPEN,
  'GET /undersoegelser/:token/tjek': OPEN,
  'GET /undersoegelser/:token/kvittering': everyone(303),
  'GET /undersoegelser/:token/afmeld': OPEN,
  'GET /support/undersoegelser': only(['admin', 'funder', 'support_staff']),
  'GET /support/undersoegelser/ny': only(['admin', 'funder', 'support_staff']),
  'GET /support/undersoegelser/:id': only(['admin', 'support_staff']),
  'GET /support/undersoegelser/:id/indstillinger': only(['admin', 'support_staff']),
  'GET /support/undersoegelser/:id/spoergsmaal': only(['admin', 'support_staff']),
  'GET /support/undersoegelser/:id/spoergsmaal/ny': only(['admin', 'support_staff']),
  'GET /support/undersoegelser/:id/spoergsmaal/:key': only(['admin', 'support_staff']),
  'GET /support/undersoegelser/:id/forhaandsvisning': only(['admin', 'support_staff']),
  'GET /support/undersoegelser/:id/modtagere': only(['admin', 'support_staff']),
  'GET /support/undersoegelser/:id/resultater': only(['admin', 'funder', 'support_staff']),
  'GET /support/undersoegelser/:id/resultater.csv': only(['admin', 'funder', 'support_staff']),
  'GET /support/undersoegelser/:id/resultater.xlsx': only(['admin', 'funder', 'support_staff']),
  'GET /support/undersoegelser/:id/svar.csv': only(['admin', 'support_staff']),
  // The support function's services: public; its staff and admins keep the catalogue
  'GET /ydelser': OPEN,
  'GET /ydelser/:slug': OPEN,
  'GET /ydelser/:slug/rediger': only(['admin', 'support_staff']),
  'GET /support/ydelser': only(['admin', 'support_staff']),
  'GET /support/ydelser/ny': only(['admin', 'support_staff']),
  // A course of the first demo service; the registration is the demo cluster login's, of Odense Robotics
  'GET /ydelser/:slug/kurser/:id': OPEN,
  'GET /ydelser/:slug/kurser/:id/fremmoede': only(['admin', 'support_staff']),
  'GET /tilmeldinger/:id/kalender.ics': only(['admin', 'support_staff', 'cluster_staff']),
  // The company contacts a cluster supplies for its participating companies
  'GET /arbejdsrum/virksomhedskontakter': only(['cluster_staff']),
  'GET /arbejdsrum/virksomhedskontakter/skabelon.csv': OPEN,
  'GET /konto/notifikationer': SIGNED_IN,
  // The JSON API: open data for everyone, the reporting API for API tokens only
  'GET /api/openapi.json': OPEN,
  'GET /api/v1/clusters': OPEN,
  'GET /api/v1/clusters.csv': OPEN,
  'GET /api/v1/clusters/:id': OPEN,
  'GET /api/v1/labels': OPEN,
  'GET /api/v1/search': OPEN,
  'GET /api/v1/performance': OPEN,
  'GET /api/v1/deliveries': tokenApi(200),
  'GET /api/v1/deliveries/:id': tokenApi(200),
  'GET /api/v1/activities': tokenApi(200),
};

/** Forms anyone may post (no sign-in); every other form sends a visitor to log in. */
export const FOR_POST: Record<string, 'public' | 'signed-in' | 'token'> = {
  'POST /log-ind': 'public',
  'POST /glemt-adgangskode': 'public',
  'POST /nulstil-adgangskode': 'public',
  'POST /klynger/:slug/kontakt': 'public',
  // Signing out sends everyone, a visitor too, to the login page.
  'POST /log-ud': 'signed-in',
  'POST /konto': 'signed-in',
  'POST /log-ind/engangskode': 'signed-in',
  'POST /konto/totrinslogin': 'signed-in',
  'POST /konto/totrinslogin/reservekoder': 'signed-in',
  'POST /konto/sessioner/afslut-andre': 'signed-in',
  'POST /konto/sessioner/:id/afslut': 'signed-in',
  'POST /konto/kobl/:provider': 'signed-in',
  'POST /konto/notifikationer': 'signed-in',
  'POST /admin/brugere': 'signed-in',
  'POST /admin/brugere/:id/afslut-sessioner': 'signed-in',
  'POST /admin/brugere/:id/nulstil-totrinslogin': 'signed-in',
  'POST /admin/brugere/:id/fjern-identitet': 'signed-in',
  'POST /admin/brugere/:id/slet-persondata': 'signed-in',
  'POST /admin/organisationer': 'signed-in',
  'POST /admin/organisationer/:id': 'signed-in',
  'POST /admin/organisationer/:id/afslut': 'signed-in',
  'POST /admin/organisationer/:id/brugere/fjern': 'signed-in',
  'POST /admin/jobber/:id/proev-igen': 'signed-in',
  'POST /klynger/:slug/rediger': 'signed-in',
  'POST /maerker/import': 'signed-in',
  'POST /nyheder/ny': 'signed-in',
  'POST /nyheder/:slug/rediger': 'signed-in',
  'POST /historier/ny': 'signed-in',
  'POST /historier/:slug/rediger': 'signed-in',
  'POST /arrangementer/ny': 'signed-in',
  'POST /arrangementer/:slug/rediger': 'signed-in',
  'POST /opslag/ny': 'signed-in',
  'POST /opslag/:slug/rediger': 'signed-in',
  'POST /opslag/:slug/opsaetning': 'signed-in',
  'POST /opslag/:slug/sagsbehandling': 'signed-in',
  'POST /opslag/:slug/ansoegning/om-projektet': 'signed-in',
  'POST /opslag/:slug/ansoegning/krav': 'signed-in',
  'POST /opslag/:slug/ansoegning/budget': 'signed-in',
  'POST /opslag/:slug/ansoegning/bilag': 'signed-in',
  'POST /opslag/:slug/ansoegning/tjek': 'signed-in',
  'POST /opslag/:slug/ansoegning/traek-tilbage': 'signed-in',
  'POST /ansoegninger/:id': 'signed-in',
  'POST /arbejdsrum/indberetninger': 'signed-in',
  'POST /arbejdsrum/api-noegler': 'signed-in',
  'POST /arbejdsrum/api-noegler/:id/tilbagekald': 'signed-in',
  'POST /arbejdsrum/aktiviteter/ny': 'signed-in',
  'POST /arbejdsrum/aktiviteter/:id/rediger': 'signed-in',
  'POST /arbejdsrum/aktiviteter/:id/slet': 'signed-in',
  'POST /arbejdsrum/aktiviteter/:id/deltagere': 'signed-in',
  'POST /arbejdsrum/aktiviteter/:id/deltagere/:participantId': 'signed-in',
  'POST /arbejdsrum/aktiviteter/:id/deltagere/:participantId/fjern': 'signed-in',
  'POST /arbejdsrum/perioder': 'signed-in',
  'POST /indberetninger/status': 'signed-in',
  'POST /indberetninger/frister': 'signed-in',
  'POST /arbejdsrum/handlingsplaner/:slug/:year': 'signed-in',
  'POST /finansiering/handlingsplaner/:slug/:year': 'signed-in',
  'POST /resultater/pejlemaerker': 'signed-in',
  'POST /resultater/pejlemaerker/:id': 'signed-in',
  'POST /klyngeforum/initiativer/:code/status': 'signed-in',
  'POST /klyngeforum/initiativer/:code/milepaele': 'signed-in',
  'POST /klyngeforum/initiativer/:code/milepaele/:id/udfoert': 'signed-in',
  'POST /klyngeforum/initiativer/:code/aktiviteter': 'signed-in',
  'POST /klyngeforum/initiativer/:code/aktiviteter/:id/fjern': 'signed-in',
  'POST /finansiering/evalueringer/regler': 'signed-in',
  'POST /finansiering/evalueringer/:slug': 'signed-in',
  'POST /finansiering/planer/ny': 'signed-in',
  'POST /finansiering/planer/:id': 'signed-in',
  'POST /finansiering/planer/:id/afslut': 'signed-in',
  'POST /henvisninger/ny': 'signed-in',
  'POST /henvisninger/:id/accepter': 'signed-in',
  'POST /henvisninger/:id/afvis': 'signed-in',
  'POST /henvisninger/:id/kontakt': 'signed-in',
  'POST /henvisninger/:id/udfald': 'signed-in',
  // A survey's invitee answers and opts out by the personal link alone
  'POST /undersoegelser/:token/side/:page': 'public',
  'POST /undersoegelser/:token/tjek': 'public',
  'POST /undersoegelser/:token/afmeld': 'public',
  'POST /support/undersoegelser/ny': 'signed-in',
  'POST /support/undersoegelser/:id/indstillinger': 'signed-in',
  'POST /support/undersoegelser/:id/offentliggoer': 'signed-in',
  'POST /support/undersoegelser/:id/ny-version': 'signed-in',
  'POST /support/undersoegelser/:id/luk': 'signed-in',
  'POST /support/undersoegelser/:id/send': 'signed-in',
  'POST /support/undersoegelser/:id/paamind': 'signed-in',
  'POST /support/undersoegelser/:id/spoergsmaal/ny': 'signed-in',
  'POST /support/undersoegelser/:id/spoergsmaal/:key': 'signed-in',
  'POST /support/undersoegelser/:id/spoergsmaal/:key/slet': 'signed-in',
  'POST /support/undersoegelser/:id/modtagere': 'signed-in',
  'POST /support/undersoegelser/:id/modtagere/liste': 'signed-in',
  'POST /support/ydelser/ny': 'signed-in',
  'POST /ydelser/:slug/rediger': 'signed-in',
  'POST /ydelser/:slug/udfas': 'signed-in',
  'POST /ydelser/:slug/kurser': 'signed-in',
  'POST /ydelser/:slug/kurser/:id/tilmeld': 'signed-in',
  'POST /ydelser/:slug/kurser/:id/fremmoede': 'signed-in',
  'POST /ydelser/:slug/kurser/:id/evaluering': 'signed-in',
  'POST /tilmeldinger/:id/afmeld': 'signed-in',
  'POST /arbejdsrum/virksomhedskontakter': 'signed-in',
  'POST /arbejdsrum/virksomhedskontakter/slet': 'signed-in',
  'POST /api/v1/deliveries': 'token',
};
