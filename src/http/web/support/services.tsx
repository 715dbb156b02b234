import type { Hono } from 'hono';
import { AppError } from '../../../domain/errors.ts';
import { can } from '../../../domain/policy/policy.ts';
import { upcomingCourses } from '../../../domain/support/courses.ts';
import { publishedPlanYears } from '../../../domain/support/plan.ts';
import { mayManageServices, requireServiceManager } from '../../../domain/support/policy.ts';
import { serviceFilter } from '../../../domain/support/schemas.ts';
import {
  createService,
  type Service,
  serviceBySlug,
  servicesOnOffer,
  servicesToManage,
  serviceToEdit,
  setServiceRetired,
  updateService,
} from '../../../domain/support/services.ts';
import { callerOf } from '../../caller.ts';
import type { AppContext, AppEnv } from '../../context.ts';
import { numberForInput } from '../../i18n/index.ts';
import { href, pageHref } from '../../paths.ts';
import { renderPage } from '../../render.tsx';
import { toFieldErrors } from '../../validation.ts';
import { EMPTY_FORM, formList, formText, type PostedForm } from '../../views/forms.tsx';
import { onPage } from '../routes.ts';
import { courseMessages } from './course-messages.ts';
import { supportMessages } from './messages.ts';
import { planMessages } from './plan-messages.ts';
import { CourseList, PlanCourseForm } from './views/courses.tsx';
import { ServiceCatalogueView, ServiceFormView } from './views/manage.tsx';
import { PlanLinks } from './views/plan.tsx';
import { inLanguage, ServiceListView, ServiceView } from './views/services.tsx';

const messagesOf = (c: AppContext) => supportMessages(c.get('lang'));
export const slugOf = (c: AppContext) => c.req.param('slug') ?? '';

async function list(c: AppContext) {
  const filter = serviceFilter.parse(c.req.query());
  const { db } = c.get('deps');
  const services = await servicesOnOffer(db, filter);
  const plans = await publishedPlanYears(db);
  const t = messagesOf(c);
  const lang = c.get('lang');
  return renderPage(c, t.title, () => (
    <>
      <ServiceListView services={services} filter={filter} lang={lang} t={t} />
      <PlanLinks years={plans} lang={lang} t={planMessages(lang)} />
    </>
  ));
}

const NOTICES = { gemt: 'saved', udfaset: 'retiredNotice', udbudt: 'reinstatedNotice' } as const;

/** A service's page with its upcoming courses; those who plan courses get the form to plan one. */
export async function detail(c: AppContext, planForm: PostedForm = EMPTY_FORM) {
  const { db, clock } = c.get('deps');
  const service = await serviceBySlug(db, slugOf(c));
  const courses = await upcomingCourses(db, service.id, clock());
  const t = messagesOf(c);
  const lang = c.get('lang');
  const principal = c.get('user') ?? null;
  const asked = Object.keys(NOTICES).find((k) => c.req.query(k) !== undefined) as
    | keyof typeof NOTICES
    | undefined;
  const status = Object.keys(planForm.errors).length > 0 ? 422 : 200;
  return renderPage(
    c,
    inLanguage(service, lang).title,
    ({ csrfToken, m }) => (
      <>
        <ServiceView
          service={service}
          mayManage={mayManageServices(principal)}
          notice={asked ? t[NOTICES[asked]] : null}
          csrfToken={csrfToken}
          lang={lang}
          t={t}
        />
        <CourseList courses={courses} lang={lang} c={courseMessages(lang)} />
        {can(principal, 'support.courses.manage') && !service.retiredAt && (
          <PlanCourseForm
            slug={service.slug}
            form={planForm}
            csrfToken={csrfToken}
            m={m}
            lang={lang}
            c={courseMessages(lang)}
          />
        )}
      </>
    ),
    status,
  );
}

async function catalogue(c: AppContext) {
  const services = await servicesToManage(c.get('deps').db, callerOf(c));
  const t = messagesOf(c);
  return renderPage(c, t.manageTitle, () => (
    <ServiceCatalogueView services={services} lang={c.get('lang')} t={t} />
  ));
}

/** The service as the form's values, numbers as a person writes them. */
function valuesOf(s: Service, c: AppContext): PostedForm['values'] {
  const lang = c.get('lang');
  const { id: _id, slug: _slug, retiredAt: _retiredAt, priceDkk, capacity, ...fields } = s;
  return {
    ...fields,
    price: priceDkk === null ? '' : numberForInput(priceDkk, lang),
    capacity: capacity === null ? '' : numberForInput(capacity, lang),
  };
}

function formPage(c: AppContext, heading: string, action: string, form: PostedForm) {
  const status = Object.keys(form.errors).length > 0 ? 422 : 200;
  return renderPage(
    c,
    heading,
    ({ csrfToken, m }) => (
      <ServiceFormView
        heading={heading}
        action={action}
        form={form}
        csrfToken={csrfToken}
        m={m}
        lang={c.get('lang')}
        t={messagesOf(c)}
      />
    ),
    status,
  );
}

const FIELDS = [
  'titleDa',
  'titleEn',
  'summaryDa',
  'summaryEn',
  'descriptionDa',
  'descriptionEn',
  'form',
  'payment',
  'price',
  'capacity',
  'language',
] as const;

async function postedValues(c: AppContext): Promise<Record<string, string | string[]>> {
  const body = await c.req.parseBody({ all: true });
  return {
    ...Object.fromEntries(FIELDS.map((k) => [k, formText(body[k])])),
    targetGroups: formList(body.targetGroups),
  };
}

/** Runs a save; a refused input shows the form again with each field's error. */
async function save(
  c: AppContext,
  run: (values: Record<string, string | string[]>) => Promise<string>,
  retry: (form: PostedForm) => Promise<Response>,
) {
  const values = await postedValues(c);
  let slug: string;
  try {
    slug = await run(values);
  } catch (err) {
    if (!(err instanceof AppError && err.code === 'validation')) throw err;
    const t = messagesOf(c);
    const labels = {
      ...Object.fromEntries(FIELDS.map((k) => [k, t[k]])),
      targetGroups: t.targetGroups,
    };
    return retry({ values, errors: toFieldErrors(err.issues, c.get('m'), t.errors, labels) });
  }
  return c.redirect(pageHref('service', c.get('lang'), { slug }, { gemt: '1' }), 303);
}

const newForm = (c: AppContext, form: PostedForm = EMPTY_FORM) => {
  requireServiceManager(callerOf(c));
  return formPage(c, messagesOf(c).newTitle, href('serviceNew', c.get('lang')), form);
};

const create = (c: AppContext) =>
  save(
    c,
    async (values) =>
      (await createService(c.get('deps').db, callerOf(c), values, c.get('deps').clock())).slug,
    (form) => newForm(c, form),
  );

async function editForm(c: AppContext, form?: PostedForm) {
  const service = await serviceToEdit(c.get('deps').db, callerOf(c), slugOf(c));
  const lang = c.get('lang');
  const heading = messagesOf(c).editTitle(inLanguage(service, lang).title);
  const action = pageHref('serviceEdit', lang, { slug: service.slug });
  return formPage(c, heading, action, form ?? { values: valuesOf(service, c), errors: {} });
}

const update = (c: AppContext) =>
  save(
    c,
    async (values) => {
      await updateService(c.get('deps').db, callerOf(c), slugOf(c), values, c.get('deps').clock());
      return slugOf(c);
    },
    (form) => editForm(c, form),
  );

async function retire(c: AppContext) {
  const retired = formText((await c.req.parseBody()).retired) !== 'false';
  await setServiceRetired(c.get('deps').db, callerOf(c), slugOf(c), retired, c.get('deps').clock());
  const notice = retired ? { udfaset: '1' } : { udbudt: '1' };
  return c.redirect(pageHref('service', c.get('lang'), { slug: slugOf(c) }, notice), 303);
}

/** The catalogue of services: the public list and pages, and the support function's editing. */
export function registerServicePages(app: Hono<AppEnv>): void {
  onPage(app, 'GET', 'services', list);
  onPage(app, 'GET', 'supportServices', catalogue);
  onPage(app, 'GET', 'serviceNew', (c) => newForm(c));
  onPage(app, 'POST', 'serviceNew', create);
  onPage(app, 'GET', 'service', (c) => detail(c));
  onPage(app, 'GET', 'serviceEdit', (c) => editForm(c));
  onPage(app, 'POST', 'serviceEdit', update);
  onPage(app, 'POST', 'serviceRetire', retire);
}
