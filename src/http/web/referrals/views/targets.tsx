import type { ReferralTarget } from '../../../../domain/referrals/targets.ts';
import type { Messages } from '../../../i18n/index.ts';
import { href, type Lang, pageHref } from '../../../paths.ts';
import {
  Alert,
  Checkboxes,
  ErrorSummary,
  formText,
  type PostedForm,
  TextAreaField,
  TextField,
} from '../../../views/forms.tsx';
import { CsrfField } from '../../../views/layout.tsx';
import { ScrollingTable } from '../../../views/table.tsx';
import type { TargetMessages } from '../target-messages.ts';

type Shared = { lang: Lang; t: TargetMessages };

/** Every referral target, active first, each a link to its form. */
export function ReferralTargetListView(p: Shared & { targets: ReferralTarget[]; notice: string | null }) {
  const { lang, t } = p;
  return (
    <>
      <h1>{t.title}</h1>
      <p class="font-lead">{t.lead}</p>
      {p.notice && <Alert variant="success">{p.notice}</Alert>}
      <p>
        <a class="button button-primary" href={href('referralTargetNew', lang)}>
          {t.new}
        </a>
      </p>
      <ScrollingTable label={t.caption}>
        <table class="table table--compact">
          <caption class="sr-only">{t.caption}</caption>
          <thead>
            <tr>
              <th scope="col">{t.name}</th>
              <th scope="col">{t.url}</th>
              <th scope="col">{t.status}</th>
            </tr>
          </thead>
          <tbody>
            {p.targets.map((target) => (
              <tr>
                <th scope="row">
                  <a
                    href={pageHref('referralTarget', lang, { id: target.id })}
                    aria-label={t.edit(lang === 'da' ? target.name : target.nameEn)}
                  >
                    {lang === 'da' ? target.name : target.nameEn}
                  </a>
                </th>
                <td>{target.url}</td>
                <td>{target.active ? t.statuses.active : t.statuses.retired}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </ScrollingTable>
    </>
  );
}

/** The form for a new target (`id` null) or for changing one. */
export function ReferralTargetFormView(
  p: Shared & { id: string | null; heading: string; form: PostedForm; csrfToken: string; m: Messages },
) {
  const { form, t } = p;
  const v = (k: string) => formText(form.values[k]);
  const action = p.id ? pageHref('referralTarget', p.lang, { id: p.id }) : href('referralTargetNew', p.lang);
  return (
    <>
      <h1>{p.heading}</h1>
      <ErrorSummary m={p.m} errors={form.errors} />
      <form method="post" action={action} novalidate>
        <CsrfField token={p.csrfToken} />
        <TextField name="name" label={t.name} value={v('name')} error={form.errors.name} />
        <TextField name="nameEn" label={t.nameEn} value={v('nameEn')} error={form.errors.nameEn} />
        <TextAreaField
          name="descriptionDa"
          label={t.descriptionDa}
          value={v('descriptionDa')}
          error={form.errors.descriptionDa}
        />
        <TextAreaField
          name="descriptionEn"
          label={t.descriptionEn}
          value={v('descriptionEn')}
          error={form.errors.descriptionEn}
        />
        <TextField name="url" label={t.url} hint={t.urlHint} value={v('url')} error={form.errors.url} />
        <Checkboxes
          name="active"
          legend={t.activeLegend}
          options={[{ value: 'on', label: t.active }]}
          checked={v('active') === 'on' ? ['on'] : []}
          error={form.errors.active}
        />
        <button type="submit" class="button button-primary">
          {t.submit}
        </button>
      </form>
      <p>
        <a href={href('referralTargets', p.lang)}>{t.back}</a>
      </p>
    </>
  );
}
