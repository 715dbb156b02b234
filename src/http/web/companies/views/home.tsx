import { THEMES } from '../../../../domain/catalogue/themes.ts';
import type { CompanyProfile } from '../../../../domain/companies/profile.ts';
import { COMPANY_SIZES, countryName, LANGUAGES, languageName } from '../../../../domain/companies/schemas.ts';
import type { MarketplaceItem } from '../../../../domain/marketplace/queries.ts';
import { formatDate } from '../../../../domain/reference/danish.ts';
import { regionName } from '../../../../domain/reference/geography.ts';
import type { OwnCourseRegistration } from '../../../../domain/support/registrations.ts';
import type { Messages } from '../../../i18n/index.ts';
import { href, type Lang, pageHref } from '../../../paths.ts';
import {
  Alert,
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
import { MyCourses } from '../../support/views/my-courses.tsx';
import type { CompanyMessages } from '../messages.ts';

/** The profile as the form shows it when nothing was posted. */
export function profileValues(profile: CompanyProfile): PostedForm['values'] {
  return {
    description: profile.description,
    technologies: profile.technologies.join(', '),
    themes: profile.themes,
    industryCode: profile.industryCode ?? '',
    size: profile.size ?? '',
    languages: profile.languages,
    seeks: profile.seeks,
  };
}

function Identity(p: { profile: CompanyProfile; lang: Lang; t: CompanyMessages }) {
  const { profile, lang, t } = p;
  return (
    <dl>
      <dt>{t.country}</dt>
      <dd>{countryName(profile.country, lang)}</dd>
      <dt>{profile.cvr ? t.cvr : t.registrationNumber}</dt>
      <dd>{profile.cvr ?? profile.registrationNumber ?? '–'}</dd>
      {profile.regionCode !== null && (
        <>
          <dt>{t.region}</dt>
          <dd>
            {regionName(profile.regionCode, lang)} ({profile.municipalityName})
          </dd>
        </>
      )}
    </dl>
  );
}

function OwnItems(p: { items: MarketplaceItem[]; today: string; lang: Lang; t: CompanyMessages }) {
  const { lang, t } = p;
  return (
    <>
      <h2>{t.itemsHeading}</h2>
      <p>
        <a class="button button-secondary" href={href('marketplaceNew', lang)}>
          {t.newItem}
        </a>
      </p>
      {p.items.length === 0 ? (
        <p>{t.noItems}</p>
      ) : (
        <ul>
          {p.items.map((item) => (
            <li>
              {item.validUntil < p.today ? (
                <>
                  {item.title} ({t.expired} {formatDate(item.validUntil, lang)})
                </>
              ) : (
                <a href={pageHref('marketplaceItem', lang, { id: item.id })}>{item.title}</a>
              )}{' '}
              ·{' '}
              <a href={pageHref('marketplaceEdit', lang, { id: item.id })}>
                {t.editItem}
                <span class="sr-only"> {item.title}</span>
              </a>
            </li>
          ))}
        </ul>
      )}
    </>
  );
}

/** A company's own page: its identity, its partner profile (a form), its marketplace items and the user's courses. */
export function CompanyHomeView(p: {
  profile: CompanyProfile;
  form: PostedForm;
  saved: boolean;
  items: MarketplaceItem[];
  courses: OwnCourseRegistration[];
  now: Date;
  today: string;
  csrfToken: string;
  m: Messages;
  lang: Lang;
  t: CompanyMessages;
}) {
  const { form, lang, t } = p;
  const v = (k: string) => formText(form.values[k]);
  const e = form.errors;
  return (
    <>
      <h1>{p.profile.name}</h1>
      <p class="font-lead">{t.homeLead}</p>
      {p.saved && <Alert variant="success">{t.saved}</Alert>}
      <h2>{t.identity}</h2>
      <Identity profile={p.profile} lang={lang} t={t} />
      <h2>{t.profileHeading}</h2>
      <ErrorSummary m={p.m} errors={e} />
      <form method="post" action={href('companyHome', lang)} novalidate>
        <CsrfField token={p.csrfToken} />
        <TextAreaField
          name="description"
          label={t.description}
          value={v('description')}
          error={e.description}
        />
        <TextField
          name="technologies"
          label={t.technologies}
          hint={t.technologiesHint}
          value={v('technologies')}
          error={e.technologies}
        />
        <Checkboxes
          name="themes"
          legend={t.themes}
          options={THEMES.map((th) => ({ value: th.key, label: th[lang] }))}
          checked={formList(form.values.themes)}
          error={e.themes}
        />
        <TextField
          name="industryCode"
          label={t.industryCode}
          hint={t.industryCodeHint}
          value={v('industryCode')}
          error={e.industryCode}
        />
        <SelectField
          name="size"
          label={t.size}
          placeholder={t.chooseSize}
          value={v('size')}
          options={COMPANY_SIZES.map((s) => ({ value: s, label: t.sizes[s] ?? s }))}
          error={e.size}
        />
        <Checkboxes
          name="languages"
          legend={t.languages}
          options={LANGUAGES.map((code) => ({ value: code, label: languageName(code, lang) }))}
          checked={formList(form.values.languages)}
          error={e.languages}
        />
        <TextAreaField name="seeks" label={t.seeks} value={v('seeks')} error={e.seeks} />
        <button type="submit" class="button button-primary">
          {t.save}
        </button>
      </form>
      <OwnItems items={p.items} today={p.today} lang={lang} t={t} />
      <MyCourses registrations={p.courses} now={p.now} lang={lang} />
    </>
  );
}
