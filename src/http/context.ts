import type { Context } from 'hono';
import type { Deps } from '../deps.ts';
import type { CurrentUser } from '../domain/accounts/queries.ts';
import type { ActiveSession } from '../domain/accounts/sessions.ts';
import { copenhagenDate } from '../domain/reference/time.ts';
import type { Logger } from '../logger.ts';
import type { Messages } from './i18n/index.ts';
import type { MultipartForm } from './multipart.ts';
import type { Lang } from './paths.ts';

/** Per-request values set by the middleware in src/http/middleware. */
export interface AppEnv {
  Variables: {
    deps: Deps;
    requestId: string;
    log: Logger;
    lang: Lang;
    m: Messages;
    user: CurrentUser | null;
    /** The signed-in user's session: how they signed in, and its id (their sessions page marks it). */
    session: ActiveSession | null;
    sessionToken: string | null;
    /** The CSRF token for this visitor's forms; the first call may set the CSRF cookie. */
    csrfToken: () => string;
    /**
     * A multipart form, read by the CSRF check as a stream: fields in memory, files in temporary
     * files removed after the response. Unset for other requests; read it with uploadedForm(c).
     */
    form?: MultipartForm;
  };
}

export type AppContext = Context<AppEnv>;

/** Today's date in Denmark (YYYY-MM-DD) by the app's clock: the day labels and periods are judged on. */
export const today = (c: AppContext): string => copenhagenDate(c.get('deps').clock());
