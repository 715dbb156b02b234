import type { Deps } from '../deps.ts';
import { mailPasswordReset } from '../http/web/accounts/password-reset.tsx';
import { mailSurvey } from '../http/web/surveys/manage.tsx';

/** The code each kind of job runs, in every instance (each works the whole queue). */
export function registerJobHandlers(deps: Deps): void {
  deps.jobs.handle('password-reset-mail', (data) => mailPasswordReset(deps, data));
  deps.jobs.handle('survey-mails', (data) => mailSurvey(deps, data));
}
