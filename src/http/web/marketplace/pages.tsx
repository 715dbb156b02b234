import type { Hono } from 'hono';
import { AppError } from '../../../domain/errors.ts';
import {
  expressInterest,
  type Interest,
  publishItem,
  updateItem,
  withdrawItem,
} from '../../../domain/marketplace/commands.ts';
import {
  interestStanding,
  mayWithdrawItem,
  publishesOnMarketplace,
} from '../../../domain/marketplace/policy.ts';
import {
  clustersOnMarketplace,
  editableItem,
  marketplaceItem,
  marketplaceList,
} from '../../../domain/marketplace/queries.ts';
import { marketplaceQueryShape } from '../../../domain/marketplace/schemas.ts';
import { callerOf } from '../../caller.ts';
import { type AppContext, type AppEnv, today } from '../../context.ts';
import { lenientQuery } from '../../lenient-query.ts';
import { href, type Lang, pageHref } from '../../paths.ts';
import { renderPage } from '../../render.tsx';
import { toFieldErrors, withDateFields } from '../../validation.ts';
import { EMPTY_FORM, formList, formText, type PostedForm } from '../../views/forms.tsx';
import { onPage } from '../routes.ts';
import { type MarketplaceMessages, marketplaceMessages } from './messages.ts';
import { MarketplaceItemView } from './views/detail.tsx';
import { MarketplaceFormView } from './views/form.tsx';
import { MarketplaceListView } from './views/list.tsx';

const messagesOf = (c: AppContext) => marketplaceMessages(c.get('lang'));
const isValidation = (err: unknown): err is AppError => err instanceof AppError && err.code === 'validation';

async function list(c: AppContext) {
  const db = c.get('deps').db;
  const f = lenientQuery(marketplaceQueryShape, c.req.query());
  const day = today(c);
  const [result, clusters] = [await marketplaceList(db, f, day), await clustersOnMarketplace(db, day)];
  const user = c.get('user');
  const t = messagesOf(c);
  return renderPage(c, t.title, () => (
    <MarketplaceListView
      f={f}
      items={result.items}
      total={result.total}
      clusters={clusters}
      canPublish={publishesOnMarketplace(user ?? null)}
      signedIn={Boolean(user)}
      withdrawn={c.req.query('tilbagetrukket') === '1'}
      lang={c.get('lang')}
      t={t}
    />
  ));
}

function itemLabels(t: MarketplaceMessages) {
  return {
    direction: t.direction,
    type: t.type,
    title: t.titleLabel,
    description: t.description,
    themes: t.themes,
    technologies: t.technologies,
    validFrom: t.validFrom,
    validUntil: t.validUntilLabel,
  };
}

function newForm(c: AppContext, form: PostedForm = EMPTY_FORM) {
  // Only those who publish for an organisation get the form; the command checks it again.
  if (!publishesOnMarketplace(callerOf(c).principal)) throw new AppError('forbidden', 'Not a publisher');
  const t = messagesOf(c);
  return renderPage(
    c,
    t.formTitle,
    ({ csrfToken, m }) => (
      <MarketplaceFormView form={form} csrfToken={csrfToken} m={m} lang={c.get('lang')} t={t} />
    ),
    Object.keys(form.errors).length > 0 ? 422 : 200,
  );
}

const ITEM_TEXTS = ['direction', 'type', 'title', 'description', 'technologies'];
const DATE_PARTS = [
  'validFromDay',
  'validFromMonth',
  'validFromYear',
  'validUntilDay',
  'validUntilMonth',
  'validUntilYear',
];

/** The item form's fields as posted. */
async function postedItem(c: AppContext) {
  const body = await c.req.parseBody({ all: true });
  const texts = withDateFields(
    Object.fromEntries([...ITEM_TEXTS, ...DATE_PARTS].map((k) => [k, formText(body[k])])),
  );
  return { ...texts, themes: formList(body.themes) };
}

const fieldErrors = (c: AppContext, err: AppError) => {
  const t = messagesOf(c);
  return toFieldErrors(err.issues, c.get('m'), t.errors, itemLabels(t));
};

async function publish(c: AppContext) {
  const deps = c.get('deps');
  const values = await postedItem(c);
  let id: string;
  try {
    id = await publishItem(deps.db, callerOf(c), values, deps.clock());
  } catch (err) {
    if (isValidation(err)) return newForm(c, { values, errors: fieldErrors(c, err) });
    throw err;
  }
  return c.redirect(pageHref('marketplaceItem', c.get('lang'), { id }, { offentliggjort: '1' }), 303);
}

/** The form filled with the stored item, or with what was posted and its errors. */
async function editForm(c: AppContext, form?: PostedForm) {
  const id = c.req.param('id') ?? '';
  const item = await editableItem(c.get('deps').db, callerOf(c), id);
  const stored = {
    direction: item.direction,
    type: item.type,
    title: item.title,
    description: item.description,
    themes: item.themes,
    technologies: item.technologies.join(', '),
    validFrom: item.validFrom,
    validUntil: item.validUntil,
  };
  const shown = form ?? { values: stored, errors: {} };
  const t = messagesOf(c);
  return renderPage(
    c,
    t.editTitle,
    ({ csrfToken, m }) => (
      <MarketplaceFormView form={shown} editing={id} csrfToken={csrfToken} m={m} lang={c.get('lang')} t={t} />
    ),
    Object.keys(shown.errors).length > 0 ? 422 : 200,
  );
}

async function edit(c: AppContext) {
  const deps = c.get('deps');
  const id = c.req.param('id') ?? '';
  const values = await postedItem(c);
  try {
    await updateItem(deps.db, callerOf(c), id, values, deps.clock());
  } catch (err) {
    if (isValidation(err)) return editForm(c, { values, errors: fieldErrors(c, err) });
    throw err;
  }
  const item = await editableItem(deps.db, callerOf(c), id);
  // An item valid today shows its page; an expired or future one its owner's list.
  const day = today(c);
  if (item.validFrom <= day && item.validUntil >= day)
    return c.redirect(pageHref('marketplaceItem', c.get('lang'), { id }, { gemt: '1' }), 303);
  return c.redirect(href(item.owner.kind === 'company' ? 'companyHome' : 'marketplace', c.get('lang')), 303);
}

async function detail(c: AppContext, form: PostedForm = EMPTY_FORM, sent = false) {
  const item = await marketplaceItem(c.get('deps').db, c.req.param('id') ?? '', today(c));
  const standing = interestStanding(c.get('user') ?? null, item.owner.id);
  const t = messagesOf(c);
  return renderPage(
    c,
    item.title,
    ({ csrfToken, m }) => (
      <MarketplaceItemView
        item={item}
        state={sent || c.req.query('sendt') === '1' ? 'sent' : standing}
        mayWithdraw={mayWithdrawItem(c.get('user') ?? null, item.owner.id)}
        form={form}
        published={c.req.query('offentliggjort') === '1'}
        saved={c.req.query('gemt') === '1'}
        csrfToken={csrfToken}
        m={m}
        lang={c.get('lang')}
        t={t}
      />
    ),
    Object.keys(form.errors).length > 0 ? 422 : 200,
  );
}

/** The e-mail to each of the owner's publishers, in their own language. */
function interestMails(c: AppContext, interest: Interest) {
  const site = c.get('deps').config.publicUrl;
  return interest.recipients.map((r) => {
    const lang: Lang = r.locale === 'en' ? 'en' : 'da';
    const t = marketplaceMessages(lang);
    const from = interest.from.organisation
      ? `${interest.from.name}, ${interest.from.organisation}`
      : interest.from.name;
    return {
      to: r.email,
      replyTo: interest.from.email,
      subject: t.interestMailSubject(interest.item.title),
      text: t.interestMailBody({
        title: interest.item.title,
        from,
        email: interest.from.email,
        message: interest.message,
        link: `${site}${pageHref('marketplaceItem', lang, { id: interest.item.id })}`,
      }),
    };
  });
}

async function interest(c: AppContext) {
  const deps = c.get('deps');
  const body = await c.req.parseBody();
  const values = { message: formText(body.message) };
  const id = c.req.param('id') ?? '';
  let result: Interest;
  try {
    result = await expressInterest(deps.db, callerOf(c), id, values, deps.clock());
  } catch (err) {
    if (isValidation(err)) {
      const t = messagesOf(c);
      return detail(c, {
        values,
        errors: toFieldErrors(err.issues, c.get('m'), t.errors, { message: t.message }),
      });
    }
    throw err;
  }
  for (const mail of interestMails(c, result)) await deps.jobs.enqueue('mail', { ...mail });
  return c.redirect(pageHref('marketplaceItem', c.get('lang'), { id }, { sendt: '1' }), 303);
}

async function withdraw(c: AppContext) {
  const deps = c.get('deps');
  await withdrawItem(deps.db, callerOf(c), c.req.param('id') ?? '', deps.clock());
  return c.redirect(pageHref('marketplace', c.get('lang'), {}, { tilbagetrukket: '1' }), 303);
}

export function registerMarketplacePages(app: Hono<AppEnv>): void {
  onPage(app, 'GET', 'marketplace', list);
  onPage(app, 'GET', 'marketplaceNew', (c) => newForm(c));
  onPage(app, 'POST', 'marketplaceNew', publish);
  onPage(app, 'GET', 'marketplaceItem', (c) => detail(c));
  onPage(app, 'POST', 'marketplaceInterest', interest);
  onPage(app, 'POST', 'marketplaceWithdraw', withdraw);
  onPage(app, 'GET', 'marketplaceEdit', (c) => editForm(c));
  onPage(app, 'POST', 'marketplaceEdit', edit);
}
