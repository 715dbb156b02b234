import type { Service } from '../../../../domain/support/services.ts';
import type { Messages } from '../../../i18n/index.ts';
import { href, type Lang, pageHref } from '../../../paths.ts';
import {
  Checkboxes,
  ErrorSummary,
  formList,
  formText,
  type PostedForm,
  SelectField,
  TextAreaField,
  TextField,
} from '../../../views/forms.tsx';
import { CsrfField } from '../../../views/layout.tsx';
import { ScrollingTable } from '../../../views/table.tsx';
import type { SupportMessages } from '../messages.ts';
import { priceText } from './services.tsx';

type Shared = { lang: Lang; t: SupportMessages };

/** The catalogue as its keepers see it: every service, retired ones last. */
export function ServiceCatalogueView(p: Shared & { services: Service[] }) {
  const { lang, t } = p;
  return (
    <>
      <h1>{t.manageTitle}</h1>
      <p class="font-lead">{t.manageLead}</p>
      <p>
        <a class="button button-primary" href={href('serviceNew', lang)}>
          {t.newService}
        </a>
      </p>
      <ScrollingTable label={t.manageTitle}>
        <table class="table table--compact">
          <caption class="sr-only">{t.manageTitle}</caption>
          <thead>
            <tr>
              {/* The column shows the titles in the page's language. */}
              <th scope="col">{lang === 'en' ? t.titleEn : t.titleDa}</th>
              <th scope="col">{t.form}</th>
              <th scope="col">{t.payment}</th>
              <th scope="col">{t.status}</th>
            </tr>
          </thead>
          <tbody>
            {p.services.map((s) => (
              <tr>
                <td>
                  <a href={pageHref('service', lang, { slug: s.slug })}>
                    {lang === 'en' ? s.titleEn : s.titleDa}
                  </a>
                </td>
                <td>{t.formNames[s.form]}</td>
                <td>{priceText(s, p)}</td>
                <td>{s.retiredAt ? t.retiredStatus : t.onOffer}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </ScrollingTable>
    </>
  );
}

const TEXTS = ['titleDa', 'titleEn', 'summaryDa', 'summaryEn'] as const;
const DESCRIPTIONS = ['descriptionDa', 'descriptionEn'] as const;

/** The form a service is created or edited with; `action` is where it posts. */
export function ServiceFormView(
  p: Shared & { heading: string; action: string; form: PostedForm; csrfToken: string; m: Messages },
) {
  const { form, t } = p;
  const v = (k: string) => formText(form.values[k]);
  const options = (names: Record<string, string>) =>
    Object.entries(names).map(([value, label]) => ({ value, label }));
  return (
    <>
      <h1>{p.heading}</h1>
      <ErrorSummary m={p.m} errors={form.errors} />
      <form method="post" action={p.action} novalidate>
        <CsrfField token={p.csrfToken} />
        {TEXTS.map((name) => (
          <TextField name={name} label={t[name]} value={v(name)} error={form.errors[name]} />
        ))}
        {DESCRIPTIONS.map((name) => (
          <TextAreaField
            name={name}
            label={t[name]}
            hint={t.descriptionHint}
            value={v(name)}
            rows={6}
            error={form.errors[name]}
          />
        ))}
        <Checkboxes
          name="targetGroups"
          legend={t.targetGroups}
          options={options(t.targetGroupNames)}
          checked={formList(form.values.targetGroups)}
          error={form.errors.targetGroups}
        />
        <SelectField
          name="form"
          label={t.form}
          placeholder={t.choose}
          value={v('form')}
          options={options(t.formNames)}
          error={form.errors.form}
        />
        <SelectField
          name="payment"
          label={t.payment}
          placeholder={t.choose}
          value={v('payment')}
          options={options(t.paymentNames)}
          error={form.errors.payment}
        />
        <TextField
          name="price"
          label={t.price}
          hint={t.priceHint}
          value={v('price')}
          error={form.errors.price}
        />
        <TextField
          name="capacity"
          label={t.capacity}
          hint={t.capacityHint}
          value={v('capacity')}
          error={form.errors.capacity}
        />
        <SelectField
          name="language"
          label={t.language}
          placeholder={t.choose}
          value={v('language')}
          options={options(t.languageNames)}
          error={form.errors.language}
        />
        <button type="submit" class="button button-primary">
          {t.save}
        </button>
      </form>
    </>
  );
}
