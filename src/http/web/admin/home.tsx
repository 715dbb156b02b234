import type { Hono } from 'hono';
import { administrationSections } from '../../../domain/accounts/administration.ts';
import { callerOf } from '../../caller.ts';
import type { AppEnv } from '../../context.ts';
import { href } from '../../paths.ts';
import { renderPage } from '../../render.tsx';
import { onPage } from '../routes.ts';

/** The administration front page: links to the parts the caller may open. */
export function registerAdminHomePage(app: Hono<AppEnv>): void {
  onPage(app, 'GET', 'admin', (c) => {
    const may = administrationSections(callerOf(c));
    const m = c.get('m');
    return renderPage(c, m.admin.title, ({ lang }) => (
      <>
        <h1>{m.admin.title}</h1>
        <p class="font-lead">{m.admin.intro}</p>
        <ul class="nobullet-list">
          {may.users && (
            <li>
              <a href={href('adminUsers', lang)}>{m.admin.users}</a>
            </li>
          )}
          {may.organisations && (
            <li>
              <a href={href('adminOrganisations', lang)}>{m.admin.organisations}</a>
            </li>
          )}
          {may.audit && (
            <li>
              <a href={href('adminAudit', lang)}>{m.admin.audit}</a>
            </li>
          )}
        </ul>
      </>
    ));
  });
}
