import type { SurveyMailLinks } from '../../../domain/surveys/survey-mail.ts';
import { pageHref } from '../../paths.ts';

/** The absolute links a survey e-mail carries, on the site's public address. */
export function surveyMailLinks(publicUrl: string): SurveyMailLinks {
  const site = publicUrl.replace(/\/$/, '');
  return {
    answer: (lang, token) => `${site}${pageHref('surveyAnswer', lang, { token })}`,
    optOut: (lang, token) => `${site}${pageHref('surveyOptOut', lang, { token })}`,
  };
}
