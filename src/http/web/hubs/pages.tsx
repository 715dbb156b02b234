import type { Hono } from 'hono';
import { activityFilter, upcomingClusterActivities } from '../../../domain/hubs/activities.ts';
import { hubLanding } from '../../../domain/hubs/landing.ts';
import { callerOf } from '../../caller.ts';
import type { AppContext, AppEnv } from '../../context.ts';
import { renderPage } from '../../render.tsx';
import { onPage } from '../routes.ts';
import { activityFeedHrefs } from './feeds.ts';
import { hubMessages } from './messages.ts';
import { ActivityListView, filterQuery } from './views/activities.tsx';
import { HubLandingView } from './views/landing.tsx';

async function landingPage(c: AppContext) {
  const { db, clock } = c.get('deps');
  const landing = await hubLanding(db, callerOf(c), clock());
  const lang = c.get('lang');
  const t = hubMessages(lang);
  return renderPage(c, t.landingTitle, () => (
    <HubLandingView landing={landing} proposed={c.req.query('foreslaaet') === '1'} lang={lang} t={t} />
  ));
}

async function activitiesPage(c: AppContext) {
  const { db, clock } = c.get('deps');
  const f = activityFilter.parse(c.req.query());
  const list = await upcomingClusterActivities(db, callerOf(c), f, clock());
  const lang = c.get('lang');
  const t = hubMessages(lang);
  return renderPage(c, t.activitiesTitle, () => (
    <ActivityListView f={f} list={list} feeds={activityFeedHrefs(lang, filterQuery(f))} lang={lang} t={t} />
  ));
}

export function registerHubPages(app: Hono<AppEnv>): void {
  onPage(app, 'GET', 'hub', landingPage);
  onPage(app, 'GET', 'hubActivities', activitiesPage);
}
