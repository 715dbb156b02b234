/**
 * An initiative's public page, and the changes of whom keeps the strategy (status, milestones,
 * links). The domain decides who that is (`initiativePage`, `initiativeForManager`) and its
 * commands check it again; the handlers parse the forms and show errors at their fields.
 */
import type { Hono } from 'hono';
import type { Caller } from '../../../domain/caller.ts';
import { AppError } from '../../../domain/errors.ts';
import {
  addMilestone,
  changeStatus,
  completeMilestone,
  linkActivity,
  unlink,
} from '../../../domain/strategy/commands.ts';
import { type Initiative, initiativeForManager, initiativePage } from '../../../domain/strategy/queries.ts';
import {
  activityLinkInput,
  milestoneDoneInput,
  milestoneInput,
  statusChangeInput,
} from '../../../domain/strategy/schemas.ts';
import { callerOf } from '../../caller.ts';
import type { AppContext, AppEnv } from '../../context.ts';
import { pageHref } from '../../paths.ts';
import { renderPage } from '../../render.tsx';
import { formFields, toFieldErrors } from '../../validation.ts';
import type { FieldErrors } from '../../views/forms.tsx';
import { onPage } from '../routes.ts';
import { strategyMessages } from './messages.ts';
import { InitiativeView } from './views/initiative.tsx';
import { title } from './views/status.tsx';

interface PageState {
  errors?: FieldErrors;
  values?: Record<string, string>;
}

async function renderInitiative(c: AppContext, state: PageState = {}) {
  const lang = c.get('lang');
  const t = strategyMessages(lang);
  const q = (c.req.query('q') ?? '').trim();
  const page = await initiativePage(c.get('deps').db, c.get('user'), c.req.param('code') ?? '', q);
  const errors = state.errors ?? {};
  const done = c.req.query('done');
  const name = `${page.initiative.code}. ${title(page.initiative, lang)}`;
  return renderPage(
    c,
    name,
    ({ csrfToken, m }) => (
      <InitiativeView
        page={page}
        p={{ lang, t, m, csrf: csrfToken, manage: page.manage, errors, values: state.values ?? {} }}
        done={done ? t.done[done] : undefined}
        q={q}
      />
    ),
    Object.keys(errors).length ? 422 : 200,
  );
}

type Change = (
  caller: Caller,
  initiative: Initiative,
  values: Record<string, string>,
) => Promise<FieldErrors | undefined>;

/** Runs a change; a validation error comes back on the initiative page at its field. */
async function edit(c: AppContext, done: string, change: Change) {
  const caller = callerOf(c);
  const initiative = await initiativeForManager(c.get('deps').db, caller, c.req.param('code') ?? '');
  const values = formFields(await c.req.parseBody());
  let errors: FieldErrors | undefined;
  try {
    errors = await change(caller, initiative, values);
  } catch (err) {
    if (!(err instanceof AppError) || err.code !== 'validation' || err.issues.length === 0) throw err;
    errors = strategyFieldErrors(c, err.issues);
  }
  if (errors && Object.keys(errors).length > 0) return renderInitiative(c, { errors, values });
  return c.redirect(
    pageHref('initiative', c.get('lang'), { code: initiative.code.toLowerCase() }, { done }),
    303,
  );
}

/** Errors of the managers' forms, each naming its field. */
function strategyFieldErrors(c: AppContext, issues: Parameters<typeof toFieldErrors>[0]): FieldErrors {
  const t = strategyMessages(c.get('lang'));
  return toFieldErrors(issues, c.get('m'), t.errors, {
    status: t.newStatus,
    note: t.statusNote,
    title: t.milestoneTitleField,
    dueOn: t.dueOnField,
    activityId: t.activityIdField,
  });
}

/** The milestone's done date, from the field of its row; errors land at that field. */
function milestoneDone(c: AppContext): Change {
  return async (caller, initiative, values) => {
    const id = c.req.param('id') ?? '';
    const field = `doneOn-${id}`;
    const t = strategyMessages(c.get('lang'));
    const milestone = initiative.milestones.find((ms) => ms.id === id);
    const labels = { doneOn: t.doneOnField(milestone?.title ?? '') };
    const parsed = milestoneDoneInput.safeParse({ doneOn: values[field] ?? '' });
    if (!parsed.success) {
      const errors = toFieldErrors(parsed.error.issues, c.get('m'), t.errors, labels);
      return errors.doneOn ? { [field]: errors.doneOn } : errors;
    }
    try {
      await completeMilestone(c.get('deps').db, caller, initiative.code, id, parsed.data);
    } catch (err) {
      if (err instanceof AppError && err.code === 'validation' && err.issues[0]) {
        const errors = toFieldErrors(err.issues, c.get('m'), t.errors, labels);
        return { [field]: Object.values(errors)[0] ?? '' };
      }
      throw err;
    }
  };
}

export function registerInitiativePages(app: Hono<AppEnv>): void {
  const fieldErrors = (c: AppContext, issues: Parameters<typeof toFieldErrors>[0]) =>
    strategyFieldErrors(c, issues);

  onPage(app, 'GET', 'initiative', (c) => renderInitiative(c));

  onPage(app, 'POST', 'initiativeStatus', (c) =>
    edit(c, 'status', async (caller, initiative, values) => {
      const parsed = statusChangeInput.safeParse(values);
      if (!parsed.success) return fieldErrors(c, parsed.error.issues);
      await changeStatus(c.get('deps').db, caller, initiative.code, parsed.data);
    }),
  );

  onPage(app, 'POST', 'initiativeMilestones', (c) =>
    edit(c, 'milestone', async (caller, initiative, values) => {
      const parsed = milestoneInput.safeParse(values);
      if (!parsed.success) return fieldErrors(c, parsed.error.issues);
      await addMilestone(c.get('deps').db, caller, initiative.code, parsed.data);
    }),
  );

  onPage(app, 'POST', 'initiativeMilestoneDone', (c) => edit(c, 'milestoneDone', milestoneDone(c)));

  onPage(app, 'POST', 'initiativeLinks', (c) =>
    edit(c, 'link', async (caller, initiative, values) => {
      const parsed = activityLinkInput.safeParse(values);
      if (!parsed.success) return fieldErrors(c, parsed.error.issues);
      await linkActivity(c.get('deps').db, caller, initiative.code, parsed.data.activityId);
    }),
  );

  onPage(app, 'POST', 'initiativeUnlink', (c) =>
    edit(c, 'unlink', async (caller, initiative) => {
      await unlink(c.get('deps').db, caller, initiative.code, c.req.param('id') ?? '');
      return undefined;
    }),
  );
}
