import { THEMES } from '../../../../domain/catalogue/themes.ts';
import { MARKETPLACE_DIRECTIONS, MARKETPLACE_TYPES } from '../../../../domain/marketplace/schemas.ts';
import type { Messages } from '../../../i18n/index.ts';
import { href, type Lang, pageHref } from '../../../paths.ts';
import {
  Checkboxes,
  DateInput,
  datePartsOf,
  ErrorSummary,
  formList,
  formText,
  type PostedForm,
  SelectField,
  TextAreaField,
  TextField,
} from '../../../views/forms.tsx';
import { CsrfField } from '../../../views/layout.tsx';
import type { MarketplaceMessages } from '../messages.ts';

/** The form an organisation publishes an offer or a request with, or edits one (`editing`). */
export function MarketplaceFormView(p: {
  form: PostedForm;
  /** The item being edited; a new item otherwise. */
  editing?: string;
  csrfToken: string;
  m: Messages;
  lang: Lang;
  t: MarketplaceMessages;
}) {
  const { form, lang, t } = p;
  const action = p.editing
    ? pageHref('marketplaceEdit', lang, { id: p.editing })
    : href('marketplaceNew', lang);
  const v = (k: string) => formText(form.values[k]);
  const e = form.errors;
  const texts = Object.fromEntries(Object.entries(form.values).map(([k, val]) => [k, formText(val)]));
  return (
    <>
      <h1>{p.editing ? t.editTitle : t.formTitle}</h1>
      <p class="font-lead">{t.formLead}</p>
      <p>{t.formRequired}</p>
      <ErrorSummary m={p.m} errors={e} />
      <form method="post" action={action} novalidate>
        <CsrfField token={p.csrfToken} />
        <SelectField
          name="direction"
          label={t.direction}
          placeholder={t.chooseDirection}
          value={v('direction')}
          options={MARKETPLACE_DIRECTIONS.map((d) => ({ value: d, label: t.directions[d] ?? d }))}
          error={e.direction}
        />
        <SelectField
          name="type"
          label={t.type}
          placeholder={t.chooseType}
          value={v('type')}
          options={MARKETPLACE_TYPES.map((ty) => ({ value: ty, label: t.types[ty] ?? ty }))}
          error={e.type}
        />
        <TextField name="title" label={t.titleLabel} value={v('title')} error={e.title} />
        <TextAreaField
          name="description"
          label={t.description}
          value={v('description')}
          error={e.description}
        />
        <Checkboxes
          name="themes"
          legend={t.themesOptional}
          options={THEMES.map((th) => ({ value: th.key, label: th[lang] }))}
          checked={formList(form.values.themes)}
          error={e.themes}
        />
        <TextField
          name="technologies"
          label={t.technologiesOptional}
          hint={t.technologiesHint}
          value={v('technologies')}
          error={e.technologies}
        />
        <DateInput
          name="validFrom"
          legend={t.validFrom}
          m={p.m}
          value={datePartsOf(texts, 'validFrom')}
          error={e.validFrom}
        />
        <DateInput
          name="validUntil"
          legend={t.validUntilLabel}
          m={p.m}
          value={datePartsOf(texts, 'validUntil')}
          error={e.validUntil}
        />
        <button type="submit" class="button button-primary">
          {p.editing ? t.saveChanges : t.publish}
        </button>
      </form>
    </>
  );
}
