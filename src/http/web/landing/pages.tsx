import type { Hono } from 'hono';
import { landingOf } from '../../../domain/landing/landing.ts';
import { callerOf } from '../../caller.ts';
import type { AppContext, AppEnv } from '../../context.ts';
import { renderPage } from '../../render.tsx';
import { onPage } from '../routes.ts';
import { landingMessages } from './messages.ts';
import { AttentionList, ToolList } from './views/attention.tsx';

/** The landing page of a group without a page of its own elsewhere: funding, the support function. */
function landingPage(group: 'funding' | 'support') {
  return async (c: AppContext) => {
    const { db, clock } = c.get('deps');
    const landing = await landingOf(db, callerOf(c), group, clock());
    const t = landingMessages(c.get('lang'))[group];
    return renderPage(c, t.title, (chrome) => (
      <>
        <h1>{t.title}</h1>
        <p class="font-lead">{t.lead}</p>
        <AttentionList items={landing.attention} lang={chrome.lang} />
        <ToolList chrome={chrome} group={group} />
      </>
    ));
  };
}

export function registerLandingPages(app: Hono<AppEnv>): void {
  onPage(app, 'GET', 'funding', landingPage('funding'));
  onPage(app, 'GET', 'support', landingPage('support'));
}
