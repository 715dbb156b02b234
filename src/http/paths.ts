/**
 * Every page of the site with its Danish (canonical) and English path, so that links, the
 * language switch and route registration come from one table (docs/sitemap.md).
 * A `:name` segment is a parameter; register static paths before parameterised siblings.
 */
export const LANGS = ['da', 'en'] as const;
export type Lang = (typeof LANGS)[number];

export const PAGES = {
  home: { da: '/', en: '/en' },
  login: { da: '/log-ind', en: '/en/log-in' },
  logout: { da: '/log-ud', en: '/en/log-out' },
  forgotPassword: { da: '/glemt-adgangskode', en: '/en/forgot-password' },
  resetPassword: { da: '/nulstil-adgangskode', en: '/en/reset-password' },
  account: { da: '/konto', en: '/en/account' },
  // Identity (src/http/web/accounts): OpenID Connect providers, the second factor, sessions.
  // The return path is the redirect URI registered at each provider: keep it stable.
  loginWithProvider: { da: '/log-ind/med/:provider', en: '/en/log-in/with/:provider' },
  loginReturn: { da: '/log-ind/retur/:provider', en: '/en/log-in/return/:provider' },
  secondFactor: { da: '/log-ind/engangskode', en: '/en/log-in/one-time-code' },
  secondFactorSetup: { da: '/konto/totrinslogin', en: '/en/account/two-step-login' },
  recoveryCodes: { da: '/konto/totrinslogin/reservekoder', en: '/en/account/two-step-login/recovery-codes' },
  accountSessions: { da: '/konto/sessioner', en: '/en/account/sessions' },
  accountOrganisations: { da: '/konto/organisation', en: '/en/account/organisation' },
  accountOrganisation: { da: '/konto/organisation/:id', en: '/en/account/organisation/:id' },
  accountOrganisationInvite: {
    da: '/konto/organisation/:id/inviter',
    en: '/en/account/organisation/:id/invite',
  },
  accountOrganisationRole: { da: '/konto/organisation/:id/rolle', en: '/en/account/organisation/:id/role' },
  accountOrganisationRemove: {
    da: '/konto/organisation/:id/fjern',
    en: '/en/account/organisation/:id/remove',
  },
  accountSessionsEndOthers: {
    da: '/konto/sessioner/afslut-andre',
    en: '/en/account/sessions/end-others',
  },
  accountSessionEnd: { da: '/konto/sessioner/:id/afslut', en: '/en/account/sessions/:id/end' },
  accountLinkIdentity: { da: '/konto/kobl/:provider', en: '/en/account/link/:provider' },
  // A person's own data (src/http/web/personal-data)
  personalData: { da: '/konto/persondata', en: '/en/account/personal-data' },
  personalDataJson: { da: '/konto/persondata.json', en: '/en/account/personal-data.json' },
  personalDataPdf: { da: '/konto/persondata.pdf', en: '/en/account/personal-data.pdf' },
  admin: { da: '/admin', en: '/en/admin' },
  // The landing pages of funders and the support function (src/http/web/landing)
  funding: { da: '/finansiering', en: '/en/funding' },
  support: { da: '/support', en: '/en/support' },
  adminUsers: { da: '/admin/brugere', en: '/en/admin/users' },
  adminUser: { da: '/admin/brugere/:id', en: '/en/admin/users/:id' },
  adminUserEndSessions: { da: '/admin/brugere/:id/afslut-sessioner', en: '/en/admin/users/:id/end-sessions' },
  adminUserRole: { da: '/admin/brugere/:id/rolle', en: '/en/admin/users/:id/role' },
  adminUserResetSecondFactor: {
    da: '/admin/brugere/:id/nulstil-totrinslogin',
    en: '/en/admin/users/:id/reset-two-step-login',
  },
  adminUserUnlinkIdentity: {
    da: '/admin/brugere/:id/fjern-identitet',
    en: '/en/admin/users/:id/unlink-identity',
  },
  adminUserDataJson: {
    da: '/admin/brugere/:id/persondata.json',
    en: '/en/admin/users/:id/personal-data.json',
  },
  adminUserDataPdf: { da: '/admin/brugere/:id/persondata.pdf', en: '/en/admin/users/:id/personal-data.pdf' },
  adminUserErase: { da: '/admin/brugere/:id/slet-persondata', en: '/en/admin/users/:id/erase-personal-data' },
  adminParticipants: { da: '/admin/deltagere', en: '/en/admin/participants' },
  adminParticipantDataJson: {
    da: '/admin/deltagere/:cvr/persondata.json',
    en: '/en/admin/participants/:cvr/personal-data.json',
  },
  adminParticipantDataPdf: {
    da: '/admin/deltagere/:cvr/persondata.pdf',
    en: '/en/admin/participants/:cvr/personal-data.pdf',
  },
  adminParticipantErase: {
    da: '/admin/deltagere/:cvr/slet-persondata',
    en: '/en/admin/participants/:cvr/erase-personal-data',
  },
  adminOrganisations: { da: '/admin/organisationer', en: '/en/admin/organisations' },
  adminOrganisation: { da: '/admin/organisationer/:id', en: '/en/admin/organisations/:id' },
  adminOrganisationEnd: { da: '/admin/organisationer/:id/afslut', en: '/en/admin/organisations/:id/end' },
  adminOrganisationMerge: { da: '/admin/organisationer/:id/flet', en: '/en/admin/organisations/:id/merge' },
  adminOrganisationMemberRemove: {
    da: '/admin/organisationer/:id/brugere/fjern',
    en: '/en/admin/organisations/:id/users/remove',
  },
  adminOrganisationMemberRole: {
    da: '/admin/organisationer/:id/brugere/rolle',
    en: '/en/admin/organisations/:id/users/role',
  },
  adminAudit: { da: '/admin/revisionslog', en: '/en/admin/audit-log' },
  adminJobs: { da: '/admin/jobber', en: '/en/admin/jobs' },
  adminJobRetry: { da: '/admin/jobber/:id/proev-igen', en: '/en/admin/jobs/:id/retry' },
  accessibility: { da: '/tilgaengelighed', en: '/en/accessibility' },
  privacy: { da: '/privatliv', en: '/en/privacy' },
  about: { da: '/om', en: '/en/about' },
  // Public entry: catalogue, labels, search, landscape
  clusters: { da: '/klynger', en: '/en/clusters' },
  cluster: { da: '/klynger/:slug', en: '/en/clusters/:slug' },
  clusterEdit: { da: '/klynger/:slug/rediger', en: '/en/clusters/:slug/edit' },
  clusterPreview: { da: '/klynger/:slug/forhaandsvisning', en: '/en/clusters/:slug/preview' },
  clusterContact: { da: '/klynger/:slug/kontakt', en: '/en/clusters/:slug/contact' },
  workspace: { da: '/arbejdsrum', en: '/en/workspace' },
  deliveries: { da: '/arbejdsrum/indberetninger', en: '/en/workspace/deliveries' },
  delivery: { da: '/arbejdsrum/indberetninger/:id', en: '/en/workspace/deliveries/:id' },
  deliveryJob: {
    da: '/arbejdsrum/indberetninger/indlaesning/:id',
    en: '/en/workspace/deliveries/loading/:id',
  },
  apiTokens: { da: '/arbejdsrum/api-noegler', en: '/en/workspace/api-tokens' },
  apiTokenRevoke: {
    da: '/arbejdsrum/api-noegler/:id/tilbagekald',
    en: '/en/workspace/api-tokens/:id/revoke',
  },
  activities: { da: '/arbejdsrum/aktiviteter', en: '/en/workspace/activities' },
  activityNew: { da: '/arbejdsrum/aktiviteter/ny', en: '/en/workspace/activities/new' },
  activity: { da: '/arbejdsrum/aktiviteter/:id', en: '/en/workspace/activities/:id' },
  activityEdit: { da: '/arbejdsrum/aktiviteter/:id/rediger', en: '/en/workspace/activities/:id/edit' },
  activityDelete: { da: '/arbejdsrum/aktiviteter/:id/slet', en: '/en/workspace/activities/:id/delete' },
  activityParticipants: {
    da: '/arbejdsrum/aktiviteter/:id/deltagere',
    en: '/en/workspace/activities/:id/participants',
  },
  activityParticipant: {
    da: '/arbejdsrum/aktiviteter/:id/deltagere/:participantId',
    en: '/en/workspace/activities/:id/participants/:participantId',
  },
  activityParticipantRemove: {
    da: '/arbejdsrum/aktiviteter/:id/deltagere/:participantId/fjern',
    en: '/en/workspace/activities/:id/participants/:participantId/remove',
  },
  workspacePeriods: { da: '/arbejdsrum/perioder', en: '/en/workspace/periods' },
  // Annual action plans (src/http/web/action-plans): the cluster's own, and the funders' view
  actionPlans: { da: '/arbejdsrum/handlingsplaner', en: '/en/workspace/action-plans' },
  actionPlan: { da: '/arbejdsrum/handlingsplaner/:slug/:year', en: '/en/workspace/action-plans/:slug/:year' },
  actionPlanFollowUp: {
    da: '/arbejdsrum/handlingsplaner/:slug/:year/opfoelgning',
    en: '/en/workspace/action-plans/:slug/:year/follow-up',
  },
  // The support function's sparring: it comments from the plan's funding view, the cluster marks handled
  actionPlanCommentHandled: {
    da: '/arbejdsrum/handlingsplaner/:slug/:year/kommentarer/:id/behandlet',
    en: '/en/workspace/action-plans/:slug/:year/comments/:id/handled',
  },
  fundingActionPlanComments: {
    da: '/finansiering/handlingsplaner/:slug/:year/kommentarer',
    en: '/en/funding/action-plans/:slug/:year/comments',
  },
  fundingActionPlans: { da: '/finansiering/handlingsplaner', en: '/en/funding/action-plans' },
  // A cluster's services, listed on Virksomhedsguiden (src/http/web/cluster-services)
  clusterServices: { da: '/arbejdsrum/ydelser', en: '/en/workspace/services' },
  clusterServiceNew: { da: '/arbejdsrum/ydelser/:slug/ny', en: '/en/workspace/services/:slug/new' },
  clusterService: { da: '/arbejdsrum/ydelser/:slug/:id', en: '/en/workspace/services/:slug/:id' },
  clusterServiceRemove: {
    da: '/arbejdsrum/ydelser/:slug/:id/slet',
    en: '/en/workspace/services/:slug/:id/delete',
  },
  // Labelling support: a cluster's self-assessment against the label criteria (src/http/web/labels)
  labelSelfAssessment: { da: '/arbejdsrum/maerkning/:slug', en: '/en/workspace/labelling/:slug' },
  labelImprovementActions: {
    da: '/arbejdsrum/maerkning/:slug/handlinger',
    en: '/en/workspace/labelling/:slug/actions',
  },
  labelImprovementActionDone: {
    da: '/arbejdsrum/maerkning/:slug/handlinger/:id/udfoert',
    en: '/en/workspace/labelling/:slug/actions/:id/done',
  },
  fundingActionPlan: {
    da: '/finansiering/handlingsplaner/:slug/:year',
    en: '/en/funding/action-plans/:slug/:year',
  },
  fundingActionPlanFollowUp: {
    da: '/finansiering/handlingsplaner/:slug/:year/opfoelgning',
    en: '/en/funding/action-plans/:slug/:year/follow-up',
  },
  reportingStatus: { da: '/indberetninger/status', en: '/en/reporting/status' },
  reportingDeadlines: { da: '/indberetninger/frister', en: '/en/reporting/deadlines' },
  reportingReview: { da: '/indberetninger/status/:id/:year', en: '/en/reporting/status/:id/:year' },
  reportingTemplate: { da: '/indberetning/skabelon/:file', en: '/en/reporting/template/:file' },
  reportingHelp: { da: '/indberetning/hjaelp', en: '/en/reporting/help' },
  labels: { da: '/maerker', en: '/en/labels' },
  labelImport: { da: '/maerker/import', en: '/en/labels/import' },
  labelImportTemplate: { da: '/maerker/import/skabelon.csv', en: '/en/labels/import/template.csv' },
  search: { da: '/soeg', en: '/en/search' },
  landscape: { da: '/landskab', en: '/en/landscape' },
  // News, success stories, events, calls
  news: { da: '/nyheder', en: '/en/news' },
  newsNew: { da: '/nyheder/ny', en: '/en/news/new' },
  newsItem: { da: '/nyheder/:slug', en: '/en/news/:slug' },
  newsEdit: { da: '/nyheder/:slug/rediger', en: '/en/news/:slug/edit' },
  stories: { da: '/historier', en: '/en/stories' },
  storiesNew: { da: '/historier/ny', en: '/en/stories/new' },
  story: { da: '/historier/:slug', en: '/en/stories/:slug' },
  storyEdit: { da: '/historier/:slug/rediger', en: '/en/stories/:slug/edit' },
  events: { da: '/arrangementer', en: '/en/events' },
  eventsNew: { da: '/arrangementer/ny', en: '/en/events/new' },
  event: { da: '/arrangementer/:slug', en: '/en/events/:slug' },
  eventEdit: { da: '/arrangementer/:slug/rediger', en: '/en/events/:slug/edit' },
  // Matchmaking at an event (src/http/web/matchmaking)
  matchmaking: { da: '/arrangementer/:slug/matchmaking', en: '/en/events/:slug/matchmaking' },
  matchmakingSetup: {
    da: '/arrangementer/:slug/matchmaking/opsaetning',
    en: '/en/events/:slug/matchmaking/setup',
  },
  matchmakingRegister: {
    da: '/arrangementer/:slug/matchmaking/tilmelding',
    en: '/en/events/:slug/matchmaking/registration',
  },
  matchmakingRequest: {
    da: '/arrangementer/:slug/matchmaking/anmodninger',
    en: '/en/events/:slug/matchmaking/requests',
  },
  matchmakingAnswer: {
    da: '/arrangementer/:slug/matchmaking/anmodninger/:id',
    en: '/en/events/:slug/matchmaking/requests/:id',
  },
  matchmakingCancel: {
    da: '/arrangementer/:slug/matchmaking/anmodninger/:id/annuller',
    en: '/en/events/:slug/matchmaking/requests/:id/cancel',
  },
  matchmakingSchedule: {
    da: '/arrangementer/:slug/matchmaking/planlaeg',
    en: '/en/events/:slug/matchmaking/schedule',
  },
  matchmakingCalendar: {
    da: '/arrangementer/:slug/matchmaking/moedeplan.ics',
    en: '/en/events/:slug/matchmaking/agenda.ics',
  },
  matchmakingAgendaPdf: {
    da: '/arrangementer/:slug/matchmaking/moedeplan.pdf',
    en: '/en/events/:slug/matchmaking/agenda.pdf',
  },
  calls: { da: '/opslag', en: '/en/calls' },
  callsNew: { da: '/opslag/ny', en: '/en/calls/new' },
  call: { da: '/opslag/:slug', en: '/en/calls/:slug' },
  callEdit: { da: '/opslag/:slug/rediger', en: '/en/calls/:slug/edit' },
  // The call flow: set-up, applications, assessment, decision and allocation
  callProcess: { da: '/opslag/:slug/sagsbehandling', en: '/en/calls/:slug/processing' },
  callSetup: { da: '/opslag/:slug/opsaetning', en: '/en/calls/:slug/setup' },
  callApply: { da: '/opslag/:slug/ansoegning', en: '/en/calls/:slug/application' },
  // The applicant's task list: its sections, check your answers, the receipt and withdrawal
  callApplyAbout: { da: '/opslag/:slug/ansoegning/om-projektet', en: '/en/calls/:slug/application/about' },
  callApplyRequirements: {
    da: '/opslag/:slug/ansoegning/krav',
    en: '/en/calls/:slug/application/requirements',
  },
  callApplyBudget: { da: '/opslag/:slug/ansoegning/budget', en: '/en/calls/:slug/application/budget' },
  callApplyAttachments: {
    da: '/opslag/:slug/ansoegning/bilag',
    en: '/en/calls/:slug/application/attachments',
  },
  callApplyCheck: { da: '/opslag/:slug/ansoegning/tjek', en: '/en/calls/:slug/application/check' },
  callApplyReceipt: { da: '/opslag/:slug/ansoegning/kvittering', en: '/en/calls/:slug/application/receipt' },
  callApplyWithdraw: {
    da: '/opslag/:slug/ansoegning/traek-tilbage',
    en: '/en/calls/:slug/application/withdraw',
  },
  application: { da: '/ansoegninger/:id', en: '/en/applications/:id' },
  myAssessments: { da: '/bedoemmelser', en: '/en/assessments' },
  applicationLetter: { da: '/ansoegninger/:id/afgoerelse.pdf', en: '/en/applications/:id/decision.pdf' },
  attachment: { da: '/bilag/:id', en: '/en/attachments/:id' },
  apiDocs: { da: '/api', en: '/en/api' },
  // Benchmarking, mid-term evaluation and data quality
  benchmarking: { da: '/arbejdsrum/benchmarking', en: '/en/workspace/benchmarking' },
  supportBenchmarking: { da: '/support/benchmarking', en: '/en/support/benchmarking' },
  dataQuality: { da: '/arbejdsrum/datakvalitet', en: '/en/workspace/data-quality' },
  fundingDataQuality: { da: '/finansiering/datakvalitet', en: '/en/funding/data-quality' },
  // Funding coordination (src/http/web/coordination): static paths before :id
  coordination: { da: '/finansiering/koordinering', en: '/en/funding/coordination' },
  coordinationFunder: {
    da: '/finansiering/koordinering/finansiorer/:slug',
    en: '/en/funding/coordination/funders/:slug',
  },
  fundingPlans: { da: '/finansiering/planer', en: '/en/funding/plans' },
  coordinationMeetings: { da: '/finansiering/koordinering/moeder', en: '/en/funding/coordination/meetings' },
  coordinationMeetingNew: {
    da: '/finansiering/koordinering/moeder/ny',
    en: '/en/funding/coordination/meetings/new',
  },
  coordinationMeeting: {
    da: '/finansiering/koordinering/moeder/:id',
    en: '/en/funding/coordination/meetings/:id',
  },
  coordinationMeetingMinutes: {
    da: '/finansiering/koordinering/moeder/:id/referat',
    en: '/en/funding/coordination/meetings/:id/minutes',
  },
  coordinationMeetingDecisions: {
    da: '/finansiering/koordinering/moeder/:id/beslutninger',
    en: '/en/funding/coordination/meetings/:id/decisions',
  },
  coordinationDecisionDone: {
    da: '/finansiering/koordinering/beslutninger/:id/udfoert',
    en: '/en/funding/coordination/decisions/:id/done',
  },
  // A grant's follow-up (src/http/web/grants/follow-up.tsx): the cluster's staff report there, the
  // grant's funder decides, every co-funder reads
  grantFollowUp: { da: '/arbejdsrum/bevillinger/:id/opfoelgning', en: '/en/workspace/grants/:id/follow-up' },
  grantChangeRequests: {
    da: '/arbejdsrum/bevillinger/:id/aendringer',
    en: '/en/workspace/grants/:id/changes',
  },
  grantChangeDecision: {
    da: '/arbejdsrum/bevillinger/:id/aendringer/:requestId',
    en: '/en/workspace/grants/:id/changes/:requestId',
  },
  grantFinancialReport: {
    da: '/arbejdsrum/bevillinger/:id/regnskab',
    en: '/en/workspace/grants/:id/financial-report',
  },
  grantFinancialReportApproval: {
    da: '/arbejdsrum/bevillinger/:id/regnskab/godkend',
    en: '/en/workspace/grants/:id/financial-report/approve',
  },
  grantProgress: { da: '/arbejdsrum/bevillinger/:id/fremdrift', en: '/en/workspace/grants/:id/progress' },
  // The grants register (src/http/web/grants): static paths before :slug
  grants: { da: '/finansiering/bevillinger', en: '/en/funding/grants' },
  grantsCluster: { da: '/finansiering/bevillinger/klynger/:slug', en: '/en/funding/grants/clusters/:slug' },
  grantsImportTemplate: {
    da: '/finansiering/bevillinger/skabelon/:file',
    en: '/en/funding/grants/template/:file',
  },
  // A grant's follow-up: its agreement and payment plan, for the funders and for the cluster
  grant: { da: '/finansiering/bevillinger/bevilling/:id', en: '/en/funding/grants/grant/:id' },
  grantAgreement: {
    da: '/finansiering/bevillinger/bevilling/:id/aftale',
    en: '/en/funding/grants/grant/:id/agreement',
  },
  grantAgreementSend: {
    da: '/finansiering/bevillinger/bevilling/:id/aftale/send',
    en: '/en/funding/grants/grant/:id/agreement/send',
  },
  grantAgreementPdf: {
    da: '/finansiering/bevillinger/bevilling/:id/bevillingsaftale.pdf',
    en: '/en/funding/grants/grant/:id/grant-agreement.pdf',
  },
  grantPaymentPlan: {
    da: '/finansiering/bevillinger/bevilling/:id/betalingsplan',
    en: '/en/funding/grants/grant/:id/payment-plan',
  },
  grantPayment: {
    da: '/finansiering/bevillinger/bevilling/:id/betalingsplan/betaling',
    en: '/en/funding/grants/grant/:id/payment-plan/payment',
  },
  workspaceGrants: { da: '/arbejdsrum/bevillinger', en: '/en/workspace/grants' },
  workspaceGrant: { da: '/arbejdsrum/bevillinger/:id', en: '/en/workspace/grants/:id' },
  workspaceGrantAccept: { da: '/arbejdsrum/bevillinger/:id/accepter', en: '/en/workspace/grants/:id/accept' },
  workspaceGrantPdf: {
    da: '/arbejdsrum/bevillinger/:id/bevillingsaftale.pdf',
    en: '/en/workspace/grants/:id/grant-agreement.pdf',
  },
  grantsFunder: { da: '/finansiering/bevillinger/:slug', en: '/en/funding/grants/:slug' },
  grantsFunderRemove: { da: '/finansiering/bevillinger/:slug/fjern', en: '/en/funding/grants/:slug/remove' },
  grantsImport: { da: '/finansiering/bevillinger/:slug/import', en: '/en/funding/grants/:slug/import' },
  grantsImportConfirm: {
    da: '/finansiering/bevillinger/:slug/import/bekraeft',
    en: '/en/funding/grants/:slug/import/confirm',
  },
  fundingPlanNew: { da: '/finansiering/planer/ny', en: '/en/funding/plans/new' },
  fundingPlan: { da: '/finansiering/planer/:id', en: '/en/funding/plans/:id' },
  fundingPlanClose: { da: '/finansiering/planer/:id/afslut', en: '/en/funding/plans/:id/close' },
  // Referrals between business hubs and clusters (src/http/web/referrals): static paths before :id
  referrals: { da: '/henvisninger', en: '/en/referrals' },
  referralNew: { da: '/henvisninger/ny', en: '/en/referrals/new' },
  referralFigures: { da: '/henvisninger/tal', en: '/en/referrals/figures' },
  referralTargets: { da: '/support/henvisningsmodtagere', en: '/en/support/referral-targets' },
  referralTargetNew: { da: '/support/henvisningsmodtagere/ny', en: '/en/support/referral-targets/new' },
  referralTarget: { da: '/support/henvisningsmodtagere/:id', en: '/en/support/referral-targets/:id' },
  referral: { da: '/henvisninger/:id', en: '/en/referrals/:id' },
  referralAccept: { da: '/henvisninger/:id/accepter', en: '/en/referrals/:id/accept' },
  referralDecline: { da: '/henvisninger/:id/afvis', en: '/en/referrals/:id/decline' },
  referralContact: { da: '/henvisninger/:id/kontakt', en: '/en/referrals/:id/contact' },
  referralOutcome: { da: '/henvisninger/:id/udfald', en: '/en/referrals/:id/outcome' },
  // The business hubs' landing page and every cluster's upcoming activities (src/http/web/hubs)
  hub: { da: '/erhvervshus', en: '/en/business-hub' },
  hubActivities: { da: '/erhvervshus/aktiviteter', en: '/en/business-hub/activities' },
  hubJointEventNew: { da: '/erhvervshus/faelles-arrangementer/ny', en: '/en/business-hub/joint-events/new' },
  // Joint events proposed by the hubs, answered in the cluster's workspace
  jointEvents: { da: '/arbejdsrum/faelles-arrangementer', en: '/en/workspace/joint-events' },
  jointEventAccept: {
    da: '/arbejdsrum/faelles-arrangementer/:id/accepter',
    en: '/en/workspace/joint-events/:id/accept',
  },
  jointEventDecline: {
    da: '/arbejdsrum/faelles-arrangementer/:id/afvis',
    en: '/en/workspace/joint-events/:id/decline',
  },
  notifications: { da: '/konto/notifikationer', en: '/en/account/notifications' },
  // Company and partner accounts (src/http/web/companies): sign-up, the company's page, partner search
  companyHome: { da: '/virksomhed', en: '/en/company' },
  companySignup: { da: '/virksomhed/opret', en: '/en/company/sign-up' },
  companyVerify: { da: '/virksomhed/bekraeft', en: '/en/company/verify' },
  partners: { da: '/partnere', en: '/en/partners' },
  companyInvitations: {
    da: '/arbejdsrum/virksomhedsinvitationer',
    en: '/en/workspace/company-invitations',
  },
  // The marketplace of offers and requests (src/http/web/marketplace): static paths before :id
  marketplace: { da: '/markedsplads', en: '/en/marketplace' },
  marketplaceNew: { da: '/markedsplads/ny', en: '/en/marketplace/new' },
  marketplaceItem: { da: '/markedsplads/:id', en: '/en/marketplace/:id' },
  marketplaceInterest: { da: '/markedsplads/:id/interesse', en: '/en/marketplace/:id/interest' },
  marketplaceWithdraw: { da: '/markedsplads/:id/tilbagetraek', en: '/en/marketplace/:id/withdraw' },
  marketplaceEdit: { da: '/markedsplads/:id/rediger', en: '/en/marketplace/:id/edit' },
  evaluations: { da: '/finansiering/evalueringer', en: '/en/funding/evaluations' },
  evaluationRules: { da: '/finansiering/evalueringer/regler', en: '/en/funding/evaluations/rules' },
  evaluation: { da: '/finansiering/evalueringer/:slug', en: '/en/funding/evaluations/:slug' },
  // Performance account and targets (pejlemærker); static and target paths before /resultater/:year
  results: { da: '/resultater', en: '/en/results' },
  resultsCompare: { da: '/resultater/sammenlign', en: '/en/results/compare' },
  targets: { da: '/resultater/pejlemaerker', en: '/en/results/targets' },
  targetSet: { da: '/resultater/pejlemaerker/:id', en: '/en/results/targets/:id' },
  targetEdit: { da: '/resultater/pejlemaerker/:id/:code', en: '/en/results/targets/:id/:code' },
  resultsYear: { da: '/resultater/:year', en: '/en/results/:year' },
  resultsCluster: { da: '/resultater/:year/klynger/:cvr', en: '/en/results/:year/clusters/:cvr' },
  // Performance-account downloads (src/http/web/performance/exports.tsx), ?cluster=CVR or ?cluster=all
  performanceExportCsv: { da: '/resultater/:year/eksport.csv', en: '/en/results/:year/export.csv' },
  performanceExportXlsx: { da: '/resultater/:year/eksport.xlsx', en: '/en/results/:year/export.xlsx' },
  performanceExportPdf: { da: '/resultater/:year/eksport.pdf', en: '/en/results/:year/export.pdf' },
  // The support function's services (src/http/web/support): static paths before :slug
  services: { da: '/ydelser', en: '/en/services' },
  // The demand-driven plan of a year (src/http/web/support/plan-pages.tsx): public once published
  servicePlan: { da: '/ydelser/plan/:year', en: '/en/services/plan/:year' },
  supportPlans: { da: '/support/plan', en: '/en/support/plan' },
  supportPlan: { da: '/support/plan/:year', en: '/en/support/plan/:year' },
  supportPlanThreshold: { da: '/support/plan/:year/taerskel', en: '/en/support/plan/:year/threshold' },
  supportPlanDecision: {
    da: '/support/plan/:year/beslutning/:id',
    en: '/en/support/plan/:year/decision/:id',
  },
  supportPlanPublish: { da: '/support/plan/:year/offentliggoer', en: '/en/support/plan/:year/publish' },
  supportSteering: { da: '/support/styregruppe', en: '/en/support/steering-group' },
  service: { da: '/ydelser/:slug', en: '/en/services/:slug' },
  serviceEdit: { da: '/ydelser/:slug/rediger', en: '/en/services/:slug/edit' },
  serviceRetire: { da: '/ydelser/:slug/udfas', en: '/en/services/:slug/retire' },
  supportServices: { da: '/support/ydelser', en: '/en/support/services' },
  serviceNew: { da: '/support/ydelser/ny', en: '/en/support/services/new' },
  courseCreate: { da: '/ydelser/:slug/kurser', en: '/en/services/:slug/courses' },
  course: { da: '/ydelser/:slug/kurser/:id', en: '/en/services/:slug/courses/:id' },
  courseRegister: { da: '/ydelser/:slug/kurser/:id/tilmeld', en: '/en/services/:slug/courses/:id/register' },
  courseAttendance: {
    da: '/ydelser/:slug/kurser/:id/fremmoede',
    en: '/en/services/:slug/courses/:id/attendance',
  },
  courseEvaluation: {
    da: '/ydelser/:slug/kurser/:id/evaluering',
    en: '/en/services/:slug/courses/:id/evaluation',
  },
  registrationCancel: { da: '/tilmeldinger/:id/afmeld', en: '/en/registrations/:id/cancel' },
  registrationCalendar: { da: '/tilmeldinger/:id/kalender.ics', en: '/en/registrations/:id/calendar.ics' },
  registrationCertificate: { da: '/tilmeldinger/:id/kursusbevis', en: '/en/registrations/:id/certificate' },
  // The support function's knowledge base (src/http/web/knowledge): templates and the new-item form
  // before an article's :slug ("skabeloner" and "ny" are never a slug)
  knowledge: { da: '/viden', en: '/en/knowledge' },
  knowledgeNew: { da: '/viden/ny', en: '/en/knowledge/new' },
  template: { da: '/viden/skabeloner/:slug', en: '/en/knowledge/templates/:slug' },
  templateVersionNew: {
    da: '/viden/skabeloner/:slug/versioner',
    en: '/en/knowledge/templates/:slug/versions',
  },
  templateDownload: {
    da: '/viden/skabeloner/:slug/versioner/:version',
    en: '/en/knowledge/templates/:slug/versions/:version',
  },
  knowledgeItem: { da: '/viden/:slug', en: '/en/knowledge/:slug' },
  knowledgeEdit: { da: '/viden/:slug/rediger', en: '/en/knowledge/:slug/edit' },
  // The best-practice catalogue (src/http/web/practices), under the knowledge base: its area is
  // registered before the knowledge base's /viden/:slug, and the proposal form before a case's :slug
  practices: { da: '/viden/god-praksis', en: '/en/knowledge/good-practice' },
  practiceNew: { da: '/viden/god-praksis/foreslaa', en: '/en/knowledge/good-practice/propose' },
  practice: { da: '/viden/god-praksis/:slug', en: '/en/knowledge/good-practice/:slug' },
  practiceEdit: { da: '/viden/god-praksis/:slug/rediger', en: '/en/knowledge/good-practice/:slug/edit' },
  practicePublish: {
    da: '/viden/god-praksis/:slug/offentliggoer',
    en: '/en/knowledge/good-practice/:slug/publish',
  },
  practiceReject: { da: '/viden/god-praksis/:slug/afvis', en: '/en/knowledge/good-practice/:slug/reject' },
  practiceReview: { da: '/support/god-praksis', en: '/en/support/good-practice' },
  // The support function's newsletter (src/http/web/newsletter): public sign-up, its signed links
  // and the archive; the support function writes and sends issues; static paths before :id
  newsletter: { da: '/nyhedsbrev', en: '/en/newsletter' },
  newsletterArchive: { da: '/nyhedsbrev/arkiv', en: '/en/newsletter/archive' },
  newsletterArchived: { da: '/nyhedsbrev/arkiv/:id', en: '/en/newsletter/archive/:id' },
  newsletterConfirm: { da: '/nyhedsbrev/bekraeft/:token', en: '/en/newsletter/confirm/:token' },
  newsletterUnsubscribe: { da: '/nyhedsbrev/afmeld/:token', en: '/en/newsletter/unsubscribe/:token' },
  newsletterAccount: { da: '/konto/nyhedsbrev', en: '/en/account/newsletter' },
  supportNewsletter: { da: '/support/nyhedsbrev', en: '/en/support/newsletter' },
  supportNewsletterIssue: { da: '/support/nyhedsbrev/:id', en: '/en/support/newsletter/:id' },
  supportNewsletterSend: { da: '/support/nyhedsbrev/:id/send', en: '/en/support/newsletter/:id/send' },
  // Surveys (src/http/web/surveys): run by the support function and funders; static paths before :id
  surveys: { da: '/support/undersoegelser', en: '/en/support/surveys' },
  surveyNew: { da: '/support/undersoegelser/ny', en: '/en/support/surveys/new' },
  survey: { da: '/support/undersoegelser/:id', en: '/en/support/surveys/:id' },
  surveySettings: { da: '/support/undersoegelser/:id/indstillinger', en: '/en/support/surveys/:id/settings' },
  surveyQuestions: { da: '/support/undersoegelser/:id/spoergsmaal', en: '/en/support/surveys/:id/questions' },
  surveyQuestionNew: {
    da: '/support/undersoegelser/:id/spoergsmaal/ny',
    en: '/en/support/surveys/:id/questions/new',
  },
  surveyQuestion: {
    da: '/support/undersoegelser/:id/spoergsmaal/:key',
    en: '/en/support/surveys/:id/questions/:key',
  },
  surveyQuestionDelete: {
    da: '/support/undersoegelser/:id/spoergsmaal/:key/slet',
    en: '/en/support/surveys/:id/questions/:key/delete',
  },
  surveyPreview: {
    da: '/support/undersoegelser/:id/forhaandsvisning',
    en: '/en/support/surveys/:id/preview',
  },
  surveyPublish: { da: '/support/undersoegelser/:id/offentliggoer', en: '/en/support/surveys/:id/publish' },
  surveyNewVersion: {
    da: '/support/undersoegelser/:id/ny-version',
    en: '/en/support/surveys/:id/new-version',
  },
  surveyClose: { da: '/support/undersoegelser/:id/luk', en: '/en/support/surveys/:id/close' },
  surveyRecipients: { da: '/support/undersoegelser/:id/modtagere', en: '/en/support/surveys/:id/recipients' },
  surveyRecipientList: {
    da: '/support/undersoegelser/:id/modtagere/liste',
    en: '/en/support/surveys/:id/recipients/list',
  },
  surveySend: { da: '/support/undersoegelser/:id/send', en: '/en/support/surveys/:id/send' },
  surveyRemind: { da: '/support/undersoegelser/:id/paamind', en: '/en/support/surveys/:id/remind' },
  surveyResults: { da: '/support/undersoegelser/:id/resultater', en: '/en/support/surveys/:id/results' },
  surveyResultsCsv: {
    da: '/support/undersoegelser/:id/resultater.csv',
    en: '/en/support/surveys/:id/results.csv',
  },
  surveyResultsXlsx: {
    da: '/support/undersoegelser/:id/resultater.xlsx',
    en: '/en/support/surveys/:id/results.xlsx',
  },
  surveyRawData: { da: '/support/undersoegelser/:id/svar.csv', en: '/en/support/surveys/:id/responses.csv' },
  // Answering by personal link, without signing in: the token is the right to answer
  surveyAnswer: { da: '/undersoegelser/:token', en: '/en/surveys/:token' },
  surveyAnswerPage: { da: '/undersoegelser/:token/side/:page', en: '/en/surveys/:token/page/:page' },
  surveyAnswerCheck: { da: '/undersoegelser/:token/tjek', en: '/en/surveys/:token/check' },
  surveyAnswerReceipt: { da: '/undersoegelser/:token/kvittering', en: '/en/surveys/:token/receipt' },
  surveyOptOut: { da: '/undersoegelser/:token/afmeld', en: '/en/surveys/:token/unsubscribe' },
  // The contact e-mails a cluster supplies for its participating companies (surveys only)
  companyContacts: { da: '/arbejdsrum/virksomhedskontakter', en: '/en/workspace/company-contacts' },
  companyContactsTemplate: {
    da: '/arbejdsrum/virksomhedskontakter/skabelon.csv',
    en: '/en/workspace/company-contacts/template.csv',
  },
  companyContactsDelete: {
    da: '/arbejdsrum/virksomhedskontakter/slet',
    en: '/en/workspace/company-contacts/delete',
  },
  // Klyngeforum: the national cluster strategy's focus areas and initiatives (src/http/web/strategy)
  clusterForum: { da: '/klyngeforum', en: '/en/cluster-forum' },
  initiative: { da: '/klyngeforum/initiativer/:code', en: '/en/cluster-forum/initiatives/:code' },
  initiativeStatus: {
    da: '/klyngeforum/initiativer/:code/status',
    en: '/en/cluster-forum/initiatives/:code/status',
  },
  initiativeMilestones: {
    da: '/klyngeforum/initiativer/:code/milepaele',
    en: '/en/cluster-forum/initiatives/:code/milestones',
  },
  initiativeMilestoneDone: {
    da: '/klyngeforum/initiativer/:code/milepaele/:id/udfoert',
    en: '/en/cluster-forum/initiatives/:code/milestones/:id/done',
  },
  initiativeLinks: {
    da: '/klyngeforum/initiativer/:code/aktiviteter',
    en: '/en/cluster-forum/initiatives/:code/activities',
  },
  initiativeUnlink: {
    da: '/klyngeforum/initiativer/:code/aktiviteter/:id/fjern',
    en: '/en/cluster-forum/initiatives/:code/activities/:id/remove',
  },
} as const satisfies Record<string, Record<Lang, string>>;

export type PageKey = keyof typeof PAGES;

type Query = Record<string, string | undefined>;

function withQuery(path: string, query?: Query): string {
  if (!query) return path;
  const params = new URLSearchParams();
  for (const [k, v] of Object.entries(query)) if (v !== undefined && v !== '') params.set(k, v);
  const qs = params.toString();
  return qs ? `${path}?${qs}` : path;
}

/** The path of a page without parameters, with an optional query. */
export function href(page: PageKey, lang: Lang, query?: Query): string {
  return withQuery(PAGES[page][lang], query);
}

/** The path of a parameterised page, e.g. pageHref('cluster', 'da', { slug: 'clean' }). */
export function pageHref(page: PageKey, lang: Lang, params: Record<string, string>, query?: Query): string {
  const path = PAGES[page][lang].replace(/:([a-zA-Z]+)/g, (_, name: string) => {
    const value = params[name];
    if (value === undefined) throw new Error(`missing path parameter ${name} for page ${page}`);
    return encodeURIComponent(value);
  });
  return withQuery(path, query);
}

export function langOfPath(path: string): Lang {
  return path === '/en' || path.startsWith('/en/') ? 'en' : 'da';
}

/**
 * The path parameters that are ids, by page: a `uuid` or a whole number (`integer`, the
 * database's identity columns). Every other parameter is text (a slug, a year, a code). The
 * request check (src/http/middleware/input.ts) answers 404 for an id of the wrong shape before
 * any page runs, so a malformed id never reaches the database; paths.test.ts keeps every `:id`
 * here.
 */
export type IdKind = 'uuid' | 'integer';
const ACTIVITY = { id: 'integer' } as const;
const PARTICIPANT = { id: 'integer', participantId: 'integer' } as const;
const SURVEY = { id: 'uuid' } as const;
export const PAGE_IDS: Partial<Record<PageKey, Record<string, IdKind>>> = {
  newsletterArchived: { id: 'uuid' },
  supportNewsletterIssue: { id: 'uuid' },
  supportNewsletterSend: { id: 'uuid' },
  delivery: { id: 'uuid' },
  grantFollowUp: { id: 'uuid' },
  grantChangeRequests: { id: 'uuid' },
  grantChangeDecision: { id: 'uuid', requestId: 'uuid' },
  grantFinancialReport: { id: 'uuid' },
  grantFinancialReportApproval: { id: 'uuid' },
  grantProgress: { id: 'uuid' },
  deliveryJob: { id: 'uuid' },
  apiTokenRevoke: { id: 'uuid' },
  activity: ACTIVITY,
  activityEdit: ACTIVITY,
  activityDelete: ACTIVITY,
  activityParticipants: ACTIVITY,
  activityParticipant: PARTICIPANT,
  activityParticipantRemove: PARTICIPANT,
  application: { id: 'uuid' },
  applicationLetter: { id: 'uuid' },
  attachment: { id: 'uuid' },
  actionPlanCommentHandled: { id: 'uuid' },
  labelImprovementActionDone: { id: 'uuid' },
  fundingPlan: { id: 'uuid' },
  fundingPlanClose: { id: 'uuid' },
  grant: { id: 'uuid' },
  grantAgreement: { id: 'uuid' },
  grantAgreementSend: { id: 'uuid' },
  grantAgreementPdf: { id: 'uuid' },
  grantPaymentPlan: { id: 'uuid' },
  grantPayment: { id: 'uuid' },
  workspaceGrant: { id: 'uuid' },
  workspaceGrantAccept: { id: 'uuid' },
  workspaceGrantPdf: { id: 'uuid' },
  coordinationMeeting: { id: 'uuid' },
  coordinationMeetingMinutes: { id: 'uuid' },
  coordinationMeetingDecisions: { id: 'uuid' },
  coordinationDecisionDone: { id: 'uuid' },
  referral: { id: 'uuid' },
  referralTarget: { id: 'uuid' },
  clusterService: { id: 'uuid' },
  clusterServiceRemove: { id: 'uuid' },
  matchmakingAnswer: { id: 'uuid' },
  matchmakingCancel: { id: 'uuid' },
  referralAccept: { id: 'uuid' },
  referralDecline: { id: 'uuid' },
  referralContact: { id: 'uuid' },
  referralOutcome: { id: 'uuid' },
  jointEventAccept: { id: 'uuid' },
  jointEventDecline: { id: 'uuid' },
  targetSet: { id: 'uuid' },
  targetEdit: { id: 'uuid' },
  initiativeMilestoneDone: { id: 'uuid' },
  initiativeUnlink: { id: 'uuid' },
  adminUser: { id: 'uuid' },
  adminUserEndSessions: { id: 'uuid' },
  adminUserRole: { id: 'uuid' },
  adminUserResetSecondFactor: { id: 'uuid' },
  adminUserUnlinkIdentity: { id: 'uuid' },
  adminUserDataJson: { id: 'uuid' },
  adminUserDataPdf: { id: 'uuid' },
  adminUserErase: { id: 'uuid' },
  reportingReview: { id: 'uuid' },
  accountOrganisation: { id: 'uuid' },
  accountOrganisationInvite: { id: 'uuid' },
  accountOrganisationRole: { id: 'uuid' },
  accountOrganisationRemove: { id: 'uuid' },
  adminOrganisation: { id: 'uuid' },
  adminOrganisationEnd: { id: 'uuid' },
  adminOrganisationMerge: { id: 'uuid' },
  adminOrganisationMemberRemove: { id: 'uuid' },
  adminOrganisationMemberRole: { id: 'uuid' },
  adminJobRetry: { id: 'uuid' },
  survey: SURVEY,
  surveySettings: SURVEY,
  surveyQuestions: SURVEY,
  surveyQuestionNew: SURVEY,
  surveyQuestion: SURVEY,
  surveyQuestionDelete: SURVEY,
  surveyPreview: SURVEY,
  surveyPublish: SURVEY,
  surveyNewVersion: SURVEY,
  surveyClose: SURVEY,
  surveyRecipients: SURVEY,
  surveyRecipientList: SURVEY,
  surveySend: SURVEY,
  surveyRemind: SURVEY,
  surveyResults: SURVEY,
  surveyResultsCsv: SURVEY,
  surveyResultsXlsx: SURVEY,
  surveyRawData: SURVEY,
  accountSessionEnd: { id: 'uuid' },
  marketplaceItem: { id: 'uuid' },
  marketplaceInterest: { id: 'uuid' },
  marketplaceWithdraw: { id: 'uuid' },
  marketplaceEdit: { id: 'uuid' },
  course: { id: 'uuid' },
  courseRegister: { id: 'uuid' },
  courseAttendance: { id: 'uuid' },
  courseEvaluation: { id: 'uuid' },
  registrationCancel: { id: 'uuid' },
  registrationCalendar: { id: 'uuid' },
  registrationCertificate: { id: 'uuid' },
  templateDownload: { version: 'integer' },
  supportPlanDecision: { id: 'uuid' },
};

const patterns: { page: PageKey; lang: Lang; regex: RegExp; names: string[]; static: boolean }[] = [];
for (const [page, paths] of Object.entries(PAGES) as [PageKey, Record<Lang, string>][]) {
  for (const lang of LANGS) {
    const names: string[] = [];
    const source = paths[lang].replace(/:([a-zA-Z]+)/g, (_, name: string) => {
      names.push(name);
      return '([^/]+)';
    });
    patterns.push({ page, lang, regex: new RegExp(`^${source}$`), names, static: names.length === 0 });
  }
}
// Static paths win over parameterised ones (/klynger/ny before /klynger/:slug).
patterns.sort((a, b) => Number(b.static) - Number(a.static));

/**
 * A path as the access log may keep it: a secret in it (a survey link's token) replaced by `…`,
 * so logs at rest hold no working link.
 */
export function loggablePath(path: string): string {
  const found = matchPage(path);
  if (!found || found.params.token === undefined) return path;
  const lang = langOfPath(path);
  return pageHref(found.page, lang, { ...found.params, token: '…' }).replace(encodeURIComponent('…'), '…');
}

/**
 * The page a path stands for, with its parameters as they stand in the path; null for a path of
 * no page. Static paths win, as they are registered first.
 */
export function matchPage(path: string): { page: PageKey; params: Record<string, string> } | null {
  for (const p of patterns) {
    const match = p.regex.exec(path);
    if (match)
      return { page: p.page, params: Object.fromEntries(p.names.map((n, i) => [n, match[i + 1] ?? ''])) };
  }
  return null;
}

/** The same page in the other language, keeping parameters and query; the other home page when unknown. */
export function alternatePath(path: string, search: string, target: Lang): string {
  const match = matchPage(path);
  if (!match) return PAGES.home[target];
  try {
    const params = Object.fromEntries(
      Object.entries(match.params).map(([name, value]) => [name, decodeURIComponent(value)]),
    );
    return pageHref(match.page, target, params) + search;
  } catch {
    // A malformed escape (%E0%A4%A) is refused by the request check; its error page links home.
    return PAGES.home[target];
  }
}
