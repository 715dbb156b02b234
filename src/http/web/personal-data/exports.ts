/**
 * A person's data as a download: JSON as the domain exports it, or a readable PDF with every
 * heading and field name in the reader's language.
 */
import { PassThrough, Readable } from 'node:stream';
import type { PersonalDataExport } from '../../../domain/personal-data/export.ts';
import { PDF_TYPE, writePersonalDataPdf } from '../../../reports/personal-data-pdf.ts';
import type { AppContext } from '../../context.ts';
import type { Lang } from '../../paths.ts';
import { personalDataMessages } from './messages.ts';

const fileName = (lang: Lang, data: PersonalDataExport, ext: string) =>
  `${personalDataMessages(lang).pdf.filename}-${data.generatedAt.slice(0, 10)}.${ext}`;

const attachment = (name: string) => `attachment; filename="${name}"`;

export function jsonDownload(c: AppContext, data: PersonalDataExport): Response {
  return c.body(JSON.stringify(data, null, 2), 200, {
    'content-type': 'application/json; charset=utf-8',
    'content-disposition': attachment(fileName(c.get('lang'), data, 'json')),
  });
}

/** A value as one line of the PDF: objects as JSON, times as they were stored. */
function show(value: unknown): string {
  if (value === null || value === undefined) return '';
  if (value instanceof Date) return value.toISOString();
  return typeof value === 'object' ? JSON.stringify(value) : String(value);
}

export function pdfDownload(c: AppContext, data: PersonalDataExport): Response {
  const lang = c.get('lang');
  const t = personalDataMessages(lang);
  const s = data.subject;
  const facts: [string, string][] =
    s.kind === 'user'
      ? [
          [t.pdf.subject, s.name],
          [t.pdf.email, s.email],
        ]
      : [
          [t.pdf.subject, s.name],
          [t.pdf.cvr, s.cvr],
        ];
  facts.push([t.pdf.generated, data.generatedAt]);
  const out = new PassThrough();
  writePersonalDataPdf(
    {
      lang,
      title: s.kind === 'user' ? t.pdf.userTitle(s.name) : t.pdf.participantTitle(s.name),
      facts,
      sections: data.sections.map((section) => ({
        title: t.tables[section.table] ?? section.table,
        empty: t.pdf.empty,
        rows: section.rows.map((row) => Object.entries(row).map(([k, v]): [string, string] => [k, show(v)])),
      })),
      page: t.pdf.page,
    },
    out,
  ).catch((err: unknown) => out.destroy(err instanceof Error ? err : new Error(String(err))));
  return c.body(Readable.toWeb(out) as ReadableStream, 200, {
    'content-type': PDF_TYPE,
    'content-disposition': attachment(fileName(lang, data, 'pdf')),
  });
}
