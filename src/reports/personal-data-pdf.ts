import type { Writable } from 'node:stream';
import { finished } from 'node:stream/promises';
import PDFDocument from 'pdfkit';
import { chooseFonts, PDF_TYPE } from './pdf.ts';

export { PDF_TYPE };

/** A person's data as the PDF shows it: every text already in the reader's language. */
export interface PersonalDataDocument {
  lang: 'da' | 'en';
  title: string;
  /** Who the data is about and when it was taken, as label and value. */
  facts: [string, string][];
  sections: { title: string; empty: string; rows: [string, string][][] }[];
  /** The footer's "page n of m". */
  page: (n: number, of: number) => string;
}

const MARGIN = 50;
const INK = '#1a1a1a';
const MUTED = '#555555';
const RULE = '#b3b3b3';

/**
 * A readable record of everything stored about a person: a heading per kind of data, then each
 * record as its fields, one per line, separated by a thin rule. Streams to `out`.
 */
export async function writePersonalDataPdf(d: PersonalDataDocument, out: Writable): Promise<void> {
  const doc = new PDFDocument({
    size: 'A4',
    margin: MARGIN,
    bufferPages: true,
    lang: d.lang === 'da' ? 'da-DK' : 'en-GB',
    displayTitle: true,
    info: { Title: d.title, Author: 'Klyngeportalen' },
  });
  const done = finished(out);
  doc.pipe(out);
  const texts = [d.title, ...d.facts.flat(), ...d.sections.flatMap((s) => [s.title, ...s.rows.flat(2)])];
  const { fonts, clean } = chooseFonts(doc, texts);
  const width = doc.page.width - 2 * MARGIN;
  doc.fillColor(INK).font(fonts.bold).fontSize(20).text(clean(d.title));
  doc.moveDown(0.5).fontSize(10);
  for (const [label, value] of d.facts)
    doc
      .font(fonts.bold)
      .text(`${clean(label)}: `, { continued: true })
      .font(fonts.regular)
      .text(clean(value));
  for (const section of d.sections) {
    doc.moveDown(1).font(fonts.bold).fontSize(13).fillColor(INK).text(clean(section.title));
    doc.moveDown(0.3).fontSize(9);
    if (section.rows.length === 0) doc.font(fonts.italic).fillColor(MUTED).text(clean(section.empty));
    for (const row of section.rows) {
      for (const [key, value] of row)
        doc
          .font(fonts.regular)
          .fillColor(MUTED)
          .text(`${clean(key)}: `, { continued: true })
          .fillColor(INK)
          .text(clean(value), { width });
      const y = doc.y + 3;
      doc
        .moveTo(MARGIN, y)
        .lineTo(MARGIN + width, y)
        .lineWidth(0.5)
        .strokeColor(RULE)
        .stroke();
      doc.y = y + 4;
    }
  }
  const range = doc.bufferedPageRange();
  for (let i = range.start; i < range.start + range.count; i++) {
    doc.switchToPage(i);
    const margin = doc.page.margins.bottom;
    doc.page.margins.bottom = 0;
    doc.font(fonts.regular).fontSize(8).fillColor(MUTED);
    doc.text(d.page(i + 1, range.count), MARGIN, doc.page.height - MARGIN + 10, {
      width,
      align: 'right',
      lineBreak: false,
    });
    doc.page.margins.bottom = margin;
  }
  doc.end();
  await done;
}
