import type { Hono } from 'hono';
import type { AppEnv } from '../../context.ts';
import { registerContactPages } from './contacts.tsx';
import { registerSurveyManagementPages } from './manage.tsx';
import { registerQuestionPages } from './questions.tsx';
import { registerRecipientPages } from './recipients.tsx';
import { registerRespondentPages } from './respond.tsx';
import { registerResultPages } from './results.tsx';

/**
 * Surveys: answering by personal link, running surveys (the support function's and funders'),
 * their results and the company contacts clusters supply. Routes are tried in this order.
 */
export function registerSurveysArea(app: Hono<AppEnv>): void {
  registerRespondentPages(app);
  registerSurveyManagementPages(app);
  registerQuestionPages(app);
  registerRecipientPages(app);
  registerResultPages(app);
  registerContactPages(app);
}
