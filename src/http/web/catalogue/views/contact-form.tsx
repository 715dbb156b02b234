import type { Messages } from '../../../i18n/index.ts';
import { type Lang, pageHref } from '../../../paths.ts';
import { Alert, ErrorSummary, type FieldErrors, TextAreaField, TextField } from '../../../views/forms.tsx';
import { CsrfField } from '../../../views/layout.tsx';
import { catalogueMessages } from '../messages.ts';

/** The form that mails a message to a cluster's contact person, or why there is none. */
export function ContactForm(p: {
  lang: Lang;
  m: Messages;
  csrf: string;
  slug: string;
  hasEmail: boolean;
  sent: boolean;
  values?: Record<string, string>;
  errors?: FieldErrors;
}) {
  const { lang, m } = p;
  const t = catalogueMessages(lang);
  return (
    <section aria-labelledby="contact-heading" class="mt-7" id="kontakt">
      <h2 id="contact-heading">{t.contactHeading}</h2>
      {p.sent && <Alert variant="success">{t.contactSent}</Alert>}
      {!p.hasEmail ? (
        <p>{t.contactUnavailable}</p>
      ) : (
        <div class="row">
          <div class="col-12 col-md-8 col-lg-6">
            <p>{t.contactIntro}</p>
            <ErrorSummary m={m} errors={p.errors ?? {}} />
            <form method="post" action={pageHref('clusterContact', lang, { slug: p.slug })} novalidate>
              <CsrfField token={p.csrf} />
              <TextField
                name="name"
                label={t.contactName}
                value={p.values?.name}
                autocomplete="name"
                error={p.errors?.name}
              />
              <TextField
                name="email"
                type="email"
                label={t.contactEmail}
                value={p.values?.email}
                autocomplete="email"
                error={p.errors?.email}
              />
              <TextAreaField
                name="message"
                label={t.contactMessage}
                value={p.values?.message}
                error={p.errors?.message}
                rows={6}
              />
              <button type="submit" class="button button-primary">
                {t.contactSend}
              </button>
            </form>
          </div>
        </div>
      )}
    </section>
  );
}
