import type { Hono } from 'hono';
import { AppError } from '../../../domain/errors.ts';
import { evaluationRulesFor } from '../../../domain/evaluation/queries.ts';
import { saveEvaluationConfig } from '../../../domain/evaluation/rules-store.ts';
import { callerOf } from '../../caller.ts';
import type { AppContext, AppEnv } from '../../context.ts';
import { href } from '../../paths.ts';
import { renderPage } from '../../render.tsx';
import type { FieldErrors } from '../../views/forms.tsx';
import { onPage } from '../routes.ts';
import { evaluationMessages } from './messages.ts';
import { configOf, fieldErrors, formOf, type RulesForm, readForm } from './rules-form.ts';
import { RulesPageView } from './views/rules.tsx';

/** The rules page; after a post, with the posted form (only for those who may edit). */
async function rulesPage(c: AppContext, posted?: { form: RulesForm; errors: FieldErrors }) {
  const { config, versions, mayEdit } = await evaluationRulesFor(
    c.get('deps').db,
    callerOf(c),
    posted ? 'edit' : 'read',
  );
  const lang = c.get('lang');
  const t = evaluationMessages(lang);
  const errors = posted?.errors ?? {};
  const status = Object.keys(errors).length > 0 ? 422 : 200;
  return renderPage(
    c,
    t.rules.title,
    ({ csrfToken, m }) => (
      <RulesPageView
        config={config}
        versions={versions}
        form={mayEdit ? (posted?.form ?? formOf(config)) : null}
        errors={errors}
        saved={c.req.query('gemt') === '1'}
        csrfToken={csrfToken}
        m={m}
        t={t}
        lang={lang}
      />
    ),
    status,
  );
}

async function save(c: AppContext) {
  const caller = callerOf(c);
  const { form, adding } = readForm(await c.req.parseBody());
  if (adding) return rulesPage(c, { form, errors: {} });
  try {
    await saveEvaluationConfig(c.get('deps').db, caller, { config: configOf(form), note: form.note });
  } catch (err) {
    if (err instanceof AppError && err.code === 'validation')
      return rulesPage(c, { form, errors: fieldErrors(err.issues ?? [], evaluationMessages(c.get('lang'))) });
    throw err;
  }
  return c.redirect(`${href('evaluationRules', c.get('lang'))}?gemt=1`, 303);
}

/** Registered before the evaluation pages, whose `/:slug` would otherwise take `regler`. */
export function registerEvaluationRulePages(app: Hono<AppEnv>): void {
  onPage(app, 'GET', 'evaluationRules', (c) => rulesPage(c));
  onPage(app, 'POST', 'evaluationRules', save);
}
