import { randomUUID } from 'node:crypto';
import { mkdir, writeFile } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { sql } from 'drizzle-orm';
import { systemActor, withActor } from '../../src/db/actor.ts';
import { type Database, queryRows } from '../../src/db/client.ts';
import {
  applicationAttachments,
  applications,
  courseRegistrations,
  grantAgreements,
  newsletterSubscribers,
  supportCourses,
  surveyInvitations,
  surveyTokens,
} from '../../src/db/schema/index.ts';
import { demoUuid } from '../../src/domain/demo/ids.ts';
import { demoSurveyId } from '../../src/domain/demo/surveys.ts';
import { unsubscribeToken } from '../../src/domain/newsletter/tokens.ts';
import { createApiToken } from '../../src/domain/reporting/tokens/tokens.ts';
import { TEMPLATES } from '../../src/domain/surveys/templates.ts';
import { invitationKeyOf, newSurveyToken } from '../../src/domain/surveys/tokens.ts';
import { roleCaller } from '../support/callers.ts';
import type { TestApp } from '../support/http.ts';

/**
 * Real values for every path parameter of the site, from the demo data (the demo cluster staff
 * work for Odense Robotics, the demo funder for Uddannelses- og Forskningsministeriet, the demo
 * assessor assesses the decided joint call) plus what the demo lacks: a submitted application
 * of Odense Robotics with an attachment, an API token, a delivery and a personal link to the
 * demo's open needs survey (the support function's, its results shared with the funders).
 */
export interface RouteFixtures {
  /** Values by parameter name, and by `<path prefix>:<name>` where one name means several things. */
  values: Record<string, string>;
  /** The query a route needs to show something (a search term, a year), by its path. */
  queries: Record<string, string>;
  apiToken: string;
}

const one = async <T>(database: Database, query: ReturnType<typeof sql>): Promise<T> => {
  const [row] = await queryRows<T>(database.db, query);
  if (!row) throw new Error(`no demo row for ${JSON.stringify(query)}`);
  return row;
};

const HOUR = 3_600_000;
const DAY = 24 * HOUR;

export async function routeFixtures(t: TestApp, database: Database): Promise<RouteFixtures> {
  const robotics = await one<{ id: string; cvr: string }>(
    database,
    sql`select id, cvr from organisations where slug = 'odense-robotics'`,
  );
  const clusterService = await one<{ id: string }>(
    database,
    sql`select id from cluster_services where organisation_id = ${robotics.id} order by position limit 1`,
  );
  const jointCall = await one<{ id: string; slug: string }>(
    database,
    sql`select c.id, c.slug from calls c join call_setups s on s.call_id = c.id where c.status = 'decided'`,
  );
  // The demo funder's grant to Odense Robotics, whose follow-up its staff and the funder use.
  const applicationId = randomUUID();
  const attachmentId = randomUUID();
  const storageKey = `${attachmentId}.pdf`;
  const folder = resolve(t.deps.config.dataDir, 'attachments');
  await mkdir(folder, { recursive: true });
  const pdf = new TextEncoder().encode('%PDF-1.4\n%%EOF\n');
  await writeFile(join(folder, storageKey), pdf);
  await withActor(database.db, systemActor('test'), async (tx) => {
    await tx.insert(applications).values({
      id: applicationId,
      callId: jointCall.id,
      organisationId: robotics.id,
      status: 'submitted',
      title: 'Robotter i alle værksteder',
      submittedAt: new Date(),
    });
    await tx.insert(applicationAttachments).values({
      id: attachmentId,
      applicationId,
      fileName: 'budget.pdf',
      mediaType: 'application/pdf',
      sizeBytes: pdf.byteLength,
      storageKey,
    });
  });
  // The demo funder's newest grant to Odense Robotics, its agreement sent to the cluster.
  const grant = await one<{ id: string }>(
    database,
    sql`select g.id from funding_grants g join organisations f on f.id = g.funder_id
        where g.cluster_id = ${robotics.id} and f.slug = 'uddannelses-og-forskningsministeriet'
        order by g.year desc limit 1`,
  );
  await withActor(database.db, systemActor('test'), (tx) =>
    tx
      .insert(grantAgreements)
      .values({ grantId: grant.id, status: 'sent', issuedAt: new Date(), sentAt: new Date() }),
  );
  const token = await createApiToken(database.db, roleCaller('admin'), {
    organisationId: robotics.id,
    name: 'Route matrix',
    now: new Date(),
    lifetime: 30,
  });
  const delivered = await t.app.request('/api/v1/deliveries', {
    method: 'POST',
    headers: { authorization: `Bearer ${token.token}`, 'content-type': 'application/json' },
    body: JSON.stringify({ activities: [{ cluster_cvr: robotics.cvr }] }),
  });
  // A rejected delivery (a row without its fields) is recorded too, with its errors: a page to show.
  const deliveryId = ((await delivered.json()) as { data?: { id?: string } }).data?.id;
  if (!deliveryId) throw new Error(`no delivery: ${delivered.status}`);
  const activity = await one<{ id: string; participant: string }>(
    database,
    sql`select a.id::text as id, min(p.id)::text as participant from activities a
        join participations p on p.activity_id = a.id
        where a.cluster_id = ${robotics.id} group by a.id order by a.id limit 1`,
  );
  const news = await one<{ slug: string }>(database, sql`select slug from posts where kind = 'news' limit 1`);
  const story = await one<{ slug: string }>(
    database,
    sql`select slug from posts where kind = 'success_story' limit 1`,
  );
  const event = await one<{ slug: string }>(database, sql`select slug from events limit 1`);
  const milestone = await one<{ id: string }>(
    database,
    sql`select id from strategy_milestones where initiative_code = 'A1' limit 1`,
  );
  const link = await one<{ id: string; code: string }>(
    database,
    sql`select id, initiative_code as code from strategy_initiative_links limit 1`,
  );
  const targetSet = await one<{ id: string }>(database, sql`select id from target_sets limit 1`);
  const staffUser = await one<{ id: string }>(
    database,
    sql`select id from users where email = 'klynge@demo.klyngeportalen.dk'`,
  );
  const participant = await one<{ cvr: string }>(
    database,
    sql`select cvr from participations where cvr is not null order by cvr limit 1`,
  );
  const plan = await one<{ id: string }>(
    database,
    sql`select p.id from funding_plans p join organisations f on f.id = p.funder_id
        where f.slug = 'uddannelses-og-forskningsministeriet' limit 1`,
  );
  const referralTarget = await one<{ id: string }>(
    database,
    sql`select id from referral_targets where name = 'Eksportrådet'`,
  );
  const referral = await one<{ id: string }>(
    database,
    sql`select r.id from referrals r join organisations f on f.id = r.from_organisation_id
        where f.slug = 'erhvervshus-fyn' and r.status = 'sent' limit 1`,
  );
  // The support function's waiting comment on the demo staff's 2024 plan.
  const planComment = await one<{ id: string }>(
    database,
    sql`select c.id from action_plan_comments c join organisations o on o.id = c.cluster_id
        where o.slug = 'odense-robotics' and c.year = 2024 and c.handled_at is null limit 1`,
  );
  const improvementAction = await one<{ id: string }>(
    database,
    sql`select a.id from label_improvement_actions a join organisations o on o.id = a.cluster_id
        where o.slug = 'odense-robotics' and a.done_on is null limit 1`,
  );
  // An item of a real cluster (Odense Robotics), valid today: a company login may express interest.
  const marketplaceItem = await one<{ id: string }>(
    database,
    sql`select i.id from marketplace_items i join organisations o on o.id = i.organisation_id
        where o.slug = 'odense-robotics' and i.valid_from <= current_date and i.valid_until >= current_date
        limit 1`,
  );
  const [course] = await withActor(database.db, systemActor('test'), (tx) =>
    tx
      .insert(supportCourses)
      .values({
        serviceId: demoUuid('service:Klyngelederuddannelsen'),
        startsAt: new Date(Date.now() + 30 * DAY),
        endsAt: new Date(Date.now() + 30 * DAY + 6 * HOUR),
        place: 'Odense',
        seats: 20,
        cancellationDeadline: new Date(Date.now() + 20 * DAY),
      })
      .returning({ id: supportCourses.id }),
  );
  const clusterLogin = await one<{ id: string }>(
    database,
    sql`select id from users where email = 'klynge@demo.klyngeportalen.dk'`,
  );
  const [registration] = await withActor(database.db, systemActor('test'), (tx) =>
    tx
      .insert(courseRegistrations)
      .values({
        courseId: course?.id ?? '',
        userId: clusterLogin.id,
        organisationId: robotics.id,
        status: 'registered',
        registeredAt: new Date(),
      })
      .returning({ id: courseRegistrations.id }),
  );
  const survey = demoSurveyId('needs-2027');
  const surveyToken = newSurveyToken();
  await withActor(database.db, systemActor('test'), async (tx) => {
    const [invitation] = await tx
      .insert(surveyInvitations)
      .values({ surveyId: survey, email: 'rute@klynge.demo.invalid', source: 'csv', sentAt: new Date() })
      .returning({ id: surveyInvitations.id });
    if (!invitation) throw new Error('no survey invitation');
    await tx
      .insert(surveyTokens)
      .values({ tokenHash: invitationKeyOf(surveyToken), invitationId: invitation.id });
  });
  const question = TEMPLATES.needs.definition.questions[0]?.key ?? 'missing';
  const home = await (await t.app.request('/')).text();
  const asset = /\/assets\/([^"?]+\.css)/.exec(home)?.[1] ?? 'missing.css';
  // A confirmed subscriber's unsubscribe link, signed with the test app's key.
  const [subscriber] = await withActor(database.db, systemActor('test'), (tx) =>
    tx
      .insert(newsletterSubscribers)
      .values({
        email: 'laeser@example.dk',
        source: 'signup',
        consentedAt: new Date(),
        confirmedAt: new Date(),
      })
      .returning({ id: newsletterSubscribers.id }),
  );
  const newsletterToken = unsubscribeToken(t.deps.config.sessionSecret, subscriber?.id ?? '');
  return {
    apiToken: token.token,
    queries: {
      '/soeg': 'q=robot',
      '/en/search': 'q=robot',
      '/api/v1/search': 'q=robot',
      '/api/v1/performance': 'year=2023',
      '/api/v1/activities': 'year=2024',
    },
    values: {
      slug: 'odense-robotics',
      provider: 'nemlogin',
      cvr: robotics.cvr,
      year: '2023',
      file: 'activities.csv',
      participantId: activity.participant,
      '/assets:file': asset,
      '/nyheder:slug': news.slug,
      '/en/news:slug': news.slug,
      '/historier:slug': story.slug,
      '/en/stories:slug': story.slug,
      '/arrangementer:slug': event.slug,
      '/arrangementer/:slug/matchmaking/anmodninger:id': randomUUID(),
      '/en/events/:slug/matchmaking/requests:id': randomUUID(),
      '/en/events:slug': event.slug,
      '/opslag:slug': jointCall.slug,
      '/en/calls:slug': jointCall.slug,
      '/arbejdsrum/handlingsplaner:year': '2024',
      '/en/workspace/action-plans:year': '2024',
      '/arbejdsrum/handlingsplaner:id': planComment.id,
      '/arbejdsrum/maerkning:id': improvementAction.id,
      '/arbejdsrum/ydelser:id': clusterService.id,
      '/en/workspace/services:id': clusterService.id,
      '/en/workspace/labelling:id': improvementAction.id,
      '/en/workspace/action-plans:id': planComment.id,
      '/finansiering/handlingsplaner:year': '2024',
      '/en/funding/action-plans:year': '2024',
      '/finansiering/koordinering/finansiorer:slug': 'uddannelses-og-forskningsministeriet',
      '/en/funding/coordination/funders:slug': 'uddannelses-og-forskningsministeriet',
      '/finansiering/bevillinger/bevilling:id': grant.id,
      '/en/funding/grants/grant:id': grant.id,
      '/arbejdsrum/bevillinger:id': grant.id,
      '/en/workspace/grants:id': grant.id,
      '/finansiering/bevillinger:slug': 'uddannelses-og-forskningsministeriet',
      '/en/funding/grants:slug': 'uddannelses-og-forskningsministeriet',
      '/finansiering/bevillinger/klynger:slug': 'odense-robotics',
      '/en/funding/grants/clusters:slug': 'odense-robotics',
      '/finansiering/bevillinger/skabelon:file': 'bevillinger.xlsx',
      '/arbejdsrum/bevillinger/:id/aendringer:requestId': randomUUID(),
      '/en/workspace/grants/:id/changes:requestId': randomUUID(),
      '/en/funding/grants/template:file': 'bevillinger.xlsx',
      '/indberetninger/status:id': robotics.id,
      '/en/reporting/status:id': robotics.id,
      '/admin/organisationer:id': robotics.id,
      '/admin/brugere:id': staffUser.id,
      '/admin/deltagere:cvr': participant.cvr,
      '/en/admin/participants:cvr': participant.cvr,
      '/en/admin/users:id': staffUser.id,
      '/en/admin/organisations:id': robotics.id,
      '/admin/jobber:id': randomUUID(),
      '/en/admin/jobs:id': randomUUID(),
      '/ansoegninger:id': applicationId,
      '/en/applications:id': applicationId,
      '/bilag:id': attachmentId,
      '/en/attachments:id': attachmentId,
      '/arbejdsrum/indberetninger:id': deliveryId,
      '/en/workspace/deliveries:id': deliveryId,
      '/arbejdsrum/indberetninger/indlaesning:id': randomUUID(),
      '/en/workspace/deliveries/loading:id': randomUUID(),
      '/arbejdsrum/api-noegler:id': token.id,
      '/en/workspace/api-tokens:id': token.id,
      '/arbejdsrum/aktiviteter:id': activity.id,
      '/en/workspace/activities:id': activity.id,
      '/resultater/pejlemaerker:id': targetSet.id,
      '/en/results/targets:id': targetSet.id,
      '/resultater/pejlemaerker:code': '1',
      '/en/results/targets:code': '1',
      '/finansiering/planer:id': plan.id,
      '/en/funding/plans:id': plan.id,
      '/finansiering/koordinering/moeder:id': demoUuid('coordination-meeting:robotter-foer-opslag'),
      '/en/funding/coordination/meetings:id': demoUuid('coordination-meeting:robotter-foer-opslag'),
      '/finansiering/koordinering/beslutninger:id': demoUuid('coordination-decision:opslagstekst'),
      '/en/funding/coordination/decisions:id': demoUuid('coordination-decision:opslagstekst'),
      '/support/henvisningsmodtagere:id': referralTarget.id,
      '/en/support/referral-targets:id': referralTarget.id,
      '/markedsplads:id': marketplaceItem.id,
      '/en/marketplace:id': marketplaceItem.id,
      '/henvisninger:id': referral.id,
      '/en/referrals:id': referral.id,
      '/arbejdsrum/faelles-arrangementer:id': randomUUID(),
      '/en/workspace/joint-events:id': randomUUID(),
      '/klyngeforum/initiativer:code': link.code,
      '/en/cluster-forum/initiatives:code': link.code,
      '/klyngeforum/initiativer/:code/milepaele:id': milestone.id,
      '/en/cluster-forum/initiatives/:code/milestones:id': milestone.id,
      '/klyngeforum/initiativer/:code/aktiviteter:id': link.id,
      '/en/cluster-forum/initiatives/:code/activities:id': link.id,
      '/ydelser:slug': 'klyngelederuddannelsen',
      '/viden/god-praksis:slug': 'maanedligt-henvisningsmoede-mellem-erhvervshus-og-robotklynge-syntetisk',
      '/en/knowledge/good-practice:slug':
        'maanedligt-henvisningsmoede-mellem-erhvervshus-og-robotklynge-syntetisk',
      '/viden:slug': 'saadan-bruger-i-samarbejdsaftalen',
      '/en/knowledge:slug': 'saadan-bruger-i-samarbejdsaftalen',
      '/viden/skabeloner:slug': 'samarbejdsaftale',
      '/en/knowledge/templates:slug': 'samarbejdsaftale',
      version: '2',
      '/en/services:slug': 'klyngelederuddannelsen',
      '/ydelser/:slug/kurser:id': course?.id ?? '',
      '/en/services/:slug/courses:id': course?.id ?? '',
      // The demo has no plan: any service's decision page answers 404 to those who keep the plans
      '/support/plan/:year/beslutning:id': randomUUID(),
      '/en/support/plan/:year/decision:id': randomUUID(),
      '/tilmeldinger:id': registration?.id ?? '',
      '/en/registrations:id': registration?.id ?? '',
      '/support/undersoegelser:id': survey,
      '/en/support/surveys:id': survey,
      key: question,
      token: surveyToken,
      '/nyhedsbrev/afmeld:token': newsletterToken,
      '/en/newsletter/unsubscribe:token': newsletterToken,
      '/nyhedsbrev/arkiv:id': randomUUID(),
      '/en/newsletter/archive:id': randomUUID(),
      '/support/nyhedsbrev:id': randomUUID(),
      '/en/support/newsletter:id': randomUUID(),
      page: '1',
      '/api/v1/clusters:id': 'odense-robotics',
      '/api/v1/deliveries:id': deliveryId,
      '/konto/sessioner:id': randomUUID(),
      '/konto/organisation:id': robotics.id,
      '/en/account/organisation:id': robotics.id,
      '/en/account/sessions:id': randomUUID(),
    },
  };
}

/**
 * A route's path with real values: each `:name` takes the value of the longest `<prefix>:name`
 * whose prefix the path starts with, else that of `name`; `*` becomes a path below; the route's
 * query, if it needs one, follows.
 */
export function fill(route: string, fixtures: RouteFixtures): string {
  const query = fixtures.queries[route];
  const path = route.replace(/:([a-zA-Z]+)|\*/g, (whole, name: string | undefined, offset: number) => {
    if (!name) return 'x';
    const before = route.slice(0, offset).replace(/\/$/, '');
    const prefixed = Object.keys(fixtures.values)
      .filter((k) => k.endsWith(`:${name}`) && k.includes(':') && k.slice(0, k.lastIndexOf(':')) !== '')
      .map((k) => k.slice(0, k.lastIndexOf(':')))
      .filter((prefix) => before === prefix || before.startsWith(`${prefix}/`))
      .sort((a, b) => b.length - a.length)[0];
    const value = fixtures.values[prefixed !== undefined ? `${prefixed}:${name}` : name];
    if (value === undefined) throw new Error(`no value for :${name} in ${route} (${whole})`);
    return encodeURIComponent(value);
  });
  return query ? `${path}?${query}` : path;
}
