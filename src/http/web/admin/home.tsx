import type { Hono } from 'hono';
import { landingOf } from '../../../domain/landing/landing.ts';
import { callerOf } from '../../caller.ts';
import type { AppEnv } from '../../context.ts';
import { renderPage } from '../../render.tsx';
import { AttentionList, ToolList } from '../landing/views/attention.tsx';
import { onPage } from '../routes.ts';

/** The administration front page, an admin's landing page: what waits, and the parts they may open. */
export function registerAdminHomePage(app: Hono<AppEnv>): void {
  onPage(app, 'GET', 'admin', async (c) => {
    const { db, clock } = c.get('deps');
    const landing = await landingOf(db, callerOf(c), 'admin', clock());
    const m = c.get('m');
    return renderPage(c, m.admin.title, (chrome) => (
      <>
        <h1>{m.admin.title}</h1>
        <p class="font-lead">{m.admin.intro}</p>
        <AttentionList items={landing.attention} lang={chrome.lang} />
        <ToolList chrome={chrome} group="admin" />
      </>
    ));
  });
}
