import { type CertificateFacts, certificateStatus } from '../../../domain/support/certificate.ts';
import { type CertificateDocument, courseCertificatePdf } from '../../../reports/course-certificate-pdf.ts';
import { PDF_TYPE } from '../../../reports/pdf.ts';
import { callerOf } from '../../caller.ts';
import type { AppContext } from '../../context.ts';
import { formatClock, formatDay, formatOneDecimal } from '../../i18n/index.ts';
import type { Lang } from '../../paths.ts';
import { renderPage } from '../../render.tsx';
import { Alert } from '../../views/forms.tsx';
import { type CourseMessages, courseMessages } from './course-messages.ts';

/** What the certificate says, in the reader's language. */
function certificateDocument(
  facts: CertificateFacts,
  lang: Lang,
  t: CourseMessages,
  now: Date,
): CertificateDocument {
  return {
    lang,
    title: t.certificateTitle,
    lead: t.certificateLead,
    participant: facts.participant,
    organisationName: facts.organisationName,
    attendedText: t.certificateAttended(facts.modules.length),
    programme: lang === 'en' ? facts.titleEn : facts.titleDa,
    modules: facts.modules.map((m, i) =>
      t.certificateModule(
        i + 1,
        formatDay(m.startsAt, lang),
        formatClock(m.startsAt, lang),
        formatClock(m.endsAt, lang),
      ),
    ),
    hours: facts.minutes > 0 ? t.certificateHours(formatOneDecimal(facts.minutes / 60, lang)) : null,
    issued: t.certificateIssued(facts.issuer, formatDay(now, lang)),
  };
}

/**
 * A registration's certificate of attendance: the PDF when the participant attended every module
 * of the programme, otherwise a page saying why not (409).
 */
export async function certificate(c: AppContext) {
  const { db, clock } = c.get('deps');
  const lang = c.get('lang');
  const t = courseMessages(lang);
  const now = clock();
  const status = await certificateStatus(db, callerOf(c), c.req.param('id') ?? '', now);
  if (status.ready) {
    const pdf = await courseCertificatePdf(certificateDocument(status.facts, lang, t, now));
    return c.body(new Uint8Array(pdf), 200, {
      'Content-Type': PDF_TYPE,
      'Content-Disposition': `attachment; filename="${t.certificateFile}"`,
      'Cache-Control': 'private, no-store',
    });
  }
  const why = t.certificateRefused[status.reason](status.modules, status.attended);
  return renderPage(
    c,
    t.certificateTitle,
    () => (
      <>
        <h1>{t.certificateTitle}</h1>
        <Alert variant="warning">{why}</Alert>
      </>
    ),
    409,
  );
}
