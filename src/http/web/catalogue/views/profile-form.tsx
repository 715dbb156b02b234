import { clusterProfileForm } from '../../../../domain/catalogue/profile.ts';
import { THEMES } from '../../../../domain/catalogue/themes.ts';
import { MUNICIPALITIES, REGIONS } from '../../../../domain/reference/geography.ts';
import { messages } from '../../../i18n/index.ts';
import { type Lang, pageHref } from '../../../paths.ts';
import {
  type FieldErrors,
  RequiredFieldsNote,
  SelectField,
  schemaLabel,
  TextAreaField,
  TextField,
} from '../../../views/forms.tsx';
import { CsrfField } from '../../../views/layout.tsx';
import type { CatalogueMessages } from '../messages.ts';

function Checkboxes(p: {
  name: string;
  legend: string;
  options: { value: string; label: string }[];
  checked: string[];
  error?: string | undefined;
}) {
  return (
    <fieldset class={p.error ? 'form-group form-error' : 'form-group'} id={p.name}>
      <legend class="form-label">{p.legend}</legend>
      {p.error && <span class="form-error-message">{p.error}</span>}
      <ul class="nobullet-list checkbox-columns no-max-width">
        {p.options.map((o) => {
          const id = `${p.name}-${o.value}`;
          return (
            <li class="form-group-checkbox">
              <input
                class="form-checkbox"
                type="checkbox"
                id={id}
                name={p.name}
                value={o.value}
                checked={p.checked.includes(o.value)}
              />
              <label for={id}>{o.label}</label>
            </li>
          );
        })}
      </ul>
    </fieldset>
  );
}

function Checkbox(p: { name: string; label: string; checked: boolean }) {
  return (
    <div class="form-group form-group-checkbox">
      <input class="form-checkbox" type="checkbox" id={p.name} name={p.name} value="on" checked={p.checked} />
      <label for={p.name}>{p.label}</label>
    </div>
  );
}

/** The form's values and errors, with readers for one text field or one list of checkboxes. */
interface Fields {
  lang: Lang;
  t: CatalogueMessages;
  e: FieldErrors;
  text: (name: string) => string;
  list: (name: string) => string[];
  /** The field's label, marked "(valgfri)" when the profile's schema takes it empty. */
  label: (name: string, text: string) => string;
}

function fieldsOf(
  lang: Lang,
  t: CatalogueMessages,
  v: Record<string, string | string[]>,
  e: FieldErrors,
): Fields {
  const text = (k: string) => (typeof v[k] === 'string' ? (v[k] as string) : '');
  const list = (k: string) =>
    Array.isArray(v[k]) ? (v[k] as string[]) : typeof v[k] === 'string' && v[k] ? [v[k] as string] : [];
  const label = (name: string, label: string) => schemaLabel(messages(lang), clusterProfileForm, name, label);
  return { lang, t, e, text, list, label };
}

function TextsSection({ f }: { f: Fields }) {
  const { t, e, text } = f;
  return (
    <>
      <h2>{t.sectionTexts}</h2>
      <TextAreaField
        name="summaryDa"
        label={f.label('summaryDa', t.summaryDa)}
        value={text('summaryDa')}
        error={e.summaryDa}
        rows={2}
      />
      <TextAreaField
        name="summaryEn"
        label={f.label('summaryEn', t.summaryEn)}
        value={text('summaryEn')}
        error={e.summaryEn}
        rows={2}
      />
      <TextAreaField
        name="descriptionDa"
        label={f.label('descriptionDa', t.descriptionDa)}
        value={text('descriptionDa')}
        hint={t.markdownHint}
        error={e.descriptionDa}
        rows={8}
      />
      <TextAreaField
        name="descriptionEn"
        label={f.label('descriptionEn', t.descriptionEn)}
        value={text('descriptionEn')}
        hint={t.markdownHint}
        error={e.descriptionEn}
        rows={8}
      />
      <Checkboxes
        name="themes"
        legend={f.label('themes', t.themesLegend)}
        options={THEMES.map((th) => ({ value: th.key, label: th[f.lang] }))}
        checked={f.list('themes')}
        error={e.themes}
      />
      <TextField
        name="strongholdIndustries"
        label={f.label('strongholdIndustries', t.strongholds)}
        hint={t.strongholdsHint}
        value={text('strongholdIndustries')}
        error={e.strongholdIndustries}
      />
    </>
  );
}

/** The facts the five criteria of a significant cluster are judged on. */
function FactsSection({ f }: { f: Fields }) {
  const { t, e, text } = f;
  const num = (k: string, label: string) => (
    <TextField name={k} label={f.label(k, label)} value={text(k)} error={e[k]} />
  );
  return (
    <>
      <h2>{t.sectionFacts}</h2>
      <Checkbox
        name="innovationPurpose"
        label={t.innovationPurposeLabel}
        checked={text('innovationPurpose') === 'on'}
      />
      {num('staffFte', t.staffFte)}
      {num('membersCount', t.membersCount)}
      {num('dedicatedCompanies', t.dedicatedCompanies)}
      {num('boardCompanies', t.boardCompanies)}
      {num('boardKnowledgeInstitutions', t.boardKnowledge)}
      {num('boardPublic', t.boardPublic)}
      <Checkbox
        name="labelInProcess"
        label={t.labelInProcessLabel}
        checked={text('labelInProcess') === 'on'}
      />
    </>
  );
}

/** The seat and the other locations, one group of municipalities per region. */
function PlacesSection({ f }: { f: Fields }) {
  const { t, e, lang } = f;
  return (
    <>
      <h2>{t.sectionPlaces}</h2>
      <SelectField
        name="seatMunicipality"
        label={f.label('seatMunicipality', t.seatMunicipality)}
        value={f.text('seatMunicipality')}
        error={e.seatMunicipality}
        options={MUNICIPALITIES.map((m) => ({ value: String(m.code), label: m.name }))}
      />
      {REGIONS.map((r) => (
        <Checkboxes
          name="siteMunicipalities"
          legend={f.label(
            'siteMunicipalities',
            `${t.siteMunicipalitiesLegend}: ${lang === 'da' ? r.name : r.nameEn}`,
          )}
          options={MUNICIPALITIES.filter((m) => m.regionCode === r.code).map((m) => ({
            value: String(m.code),
            label: m.name,
          }))}
          checked={f.list('siteMunicipalities')}
          error={r.code === REGIONS[0]?.code ? e.siteMunicipalities : undefined}
        />
      ))}
    </>
  );
}

function ContactSection({ f }: { f: Fields }) {
  const { t, e, text } = f;
  return (
    <>
      <h2>{t.sectionContact}</h2>
      <TextField
        name="website"
        label={f.label('website', t.website)}
        hint={t.websiteHint}
        value={text('website')}
        error={e.website}
      />
      <TextField
        name="contactName"
        label={f.label('contactName', t.contactPerson)}
        value={text('contactName')}
        error={e.contactName}
      />
      <TextField
        name="contactEmail"
        type="email"
        label={f.label('contactEmail', t.contactPersonEmail)}
        value={text('contactEmail')}
        error={e.contactEmail}
      />
      <TextField
        name="contactPhone"
        label={f.label('contactPhone', t.contactPhone)}
        value={text('contactPhone')}
        error={e.contactPhone}
      />
    </>
  );
}

/** The profile edit form, filled with the values as typed or stored, with their errors. */
export function ProfileForm(p: {
  lang: Lang;
  t: CatalogueMessages;
  slug: string;
  csrf: string;
  v: Record<string, string | string[]>;
  e: FieldErrors;
}) {
  const { lang, t } = p;
  const f = fieldsOf(lang, t, p.v, p.e);
  return (
    <form
      method="post"
      action={pageHref('clusterEdit', lang, { slug: p.slug })}
      novalidate
      class="profile-form"
    >
      <RequiredFieldsNote m={messages(lang)} />
      <CsrfField token={p.csrf} />
      <TextsSection f={f} />
      <FactsSection f={f} />
      <PlacesSection f={f} />
      <ContactSection f={f} />
      <div class="form-actions">
        {/* The first button is what Enter in a field presses: saving a draft, never publishing. */}
        <button type="submit" name="action" value="save" class="button button-secondary">
          {t.saveDraft}
        </button>
        <button type="submit" name="action" value="preview" class="button button-secondary">
          {t.preview}
        </button>
        <button type="submit" name="action" value="publish" class="button button-primary">
          {t.publish}
        </button>
        <button type="submit" name="action" value="discard" class="button button-tertiary">
          {t.discard}
        </button>
      </div>
    </form>
  );
}
