import type { Hono } from 'hono';
import { userDataExport } from '../../../domain/personal-data/export.ts';
import { callerOf } from '../../caller.ts';
import type { AppContext, AppEnv } from '../../context.ts';
import { href } from '../../paths.ts';
import { renderPage } from '../../render.tsx';
import { onPage } from '../routes.ts';
import { jsonDownload, pdfDownload } from './exports.ts';
import { personalDataMessages } from './messages.ts';

/** The signed-in person's own data (GDPR art. 15 and 20): what the page offers, and where to ask for erasure. */
function ownPage(c: AppContext) {
  callerOf(c);
  const t = personalDataMessages(c.get('lang')).own;
  return renderPage(c, t.title, (ch) => (
    <>
      <h1>{t.title}</h1>
      <p>{t.intro}</p>
      <ul>
        <li>
          <a href={href('personalDataJson', ch.lang)}>{t.json}</a>
        </li>
        <li>
          <a href={href('personalDataPdf', ch.lang)}>{t.pdf}</a>
        </li>
      </ul>
      <p>{t.erasure}</p>
      <p>
        <a href={href('privacy', ch.lang)}>{t.privacy}</a>
      </p>
    </>
  ));
}

async function ownData(c: AppContext) {
  const caller = callerOf(c);
  const deps = c.get('deps');
  return userDataExport(deps.db, caller, caller.principal.userId, deps.clock());
}

/** A person's own data: the page and its downloads. */
export function registerPersonalDataArea(app: Hono<AppEnv>): void {
  onPage(app, 'GET', 'personalData', ownPage);
  onPage(app, 'GET', 'personalDataJson', async (c) => jsonDownload(c, await ownData(c)));
  onPage(app, 'GET', 'personalDataPdf', async (c) => pdfDownload(c, await ownData(c)));
}
