import { existsSync } from 'node:fs';
import type { Writable } from 'node:stream';
import { finished } from 'node:stream/promises';
import PDFDocument from 'pdfkit';
import {
  formatGeneratedAt,
  formatValue,
  KEY_LABELS,
  REGION_KEY,
  type ReportOptions,
  type ReportSection,
  regionRows,
  splitRows,
  TEXT,
} from './labels.ts';

export const PDF_TYPE = 'application/pdf';

// Characters of WinAnsiEncoding above Latin-1's printable range: what the built-in PDF fonts
// (Helvetica) can show besides U+0020-U+007E and U+00A0-U+00FF, æøå among them.
const WIN_ANSI_EXTRA = new Set('€‚ƒ„…†‡ˆ‰Š‹ŒŽ‘’“”•–—˜™š›œžŸ');
export function isWinAnsi(text: string): boolean {
  for (const ch of text) {
    const code = ch.codePointAt(0) as number;
    const latin1 = (code >= 0x20 && code <= 0x7e) || (code >= 0xa0 && code <= 0xff) || code === 0x0a;
    if (!latin1 && !WIN_ANSI_EXTRA.has(ch)) return false;
  }
  return true;
}

export interface Fonts {
  regular: string;
  bold: string;
  italic: string;
  mono: string;
}

const STANDARD: Fonts = {
  regular: 'Helvetica',
  bold: 'Helvetica-Bold',
  italic: 'Helvetica-Oblique',
  mono: 'Courier',
};
const TTF_DIRS = ['/usr/share/fonts/truetype/dejavu', '/usr/share/fonts/TTF', '/usr/share/fonts/dejavu'];
const TTF: Record<keyof Fonts, string> = {
  regular: 'DejaVuSans.ttf',
  bold: 'DejaVuSans-Bold.ttf',
  italic: 'DejaVuSans-Oblique.ttf',
  mono: 'DejaVuSansMono.ttf',
};

/**
 * Helvetica (built into every PDF viewer, WinAnsi: Danish æøå included) unless some text needs
 * characters beyond it, e.g. a cluster name in another script: then DejaVu Sans is embedded when
 * the system has it; without it, such characters are shown as "?" rather than failing.
 */
export function chooseFonts(
  doc: PDFKit.PDFDocument,
  texts: string[],
): { fonts: Fonts; clean: (s: string) => string } {
  const keep = (s: string) => s;
  if (texts.every(isWinAnsi)) return { fonts: STANDARD, clean: keep };
  for (const dir of TTF_DIRS) {
    const paths = Object.entries(TTF).map(([name, file]) => [name, `${dir}/${file}`] as const);
    if (!paths.every(([, path]) => existsSync(path))) continue;
    for (const [name, path] of paths) doc.registerFont(`embedded-${name}`, path);
    return {
      fonts: {
        regular: 'embedded-regular',
        bold: 'embedded-bold',
        italic: 'embedded-italic',
        mono: 'embedded-mono',
      },
      clean: keep,
    };
  }
  return { fonts: STANDARD, clean: (s) => [...s].map((ch) => (isWinAnsi(ch) ? ch : '?')).join('') };
}

const A4 = { width: 595.28, height: 841.89 };
const MARGIN = 50;
const WIDTH = A4.width - 2 * MARGIN;
const BOTTOM = A4.height - MARGIN - 20;
const COLS = { label: 225, key: 185, value: WIDTH - 225 - 185 };
const INK = '#1a1a1a';
const MUTED = '#555555';
const BAR = '#0059b3';
const RULE = '#b3b3b3';
const ZEBRA = '#f2f2f2';

/**
 * A printable annual account: for each section a title page part (programme, year, scope, time of
 * generation in Danish time), a table of every key with its label, the regional split, and a bar
 * chart of innovating companies by region drawn as vector graphics with a caption. Page numbers
 * in the footer. Streams to `out`; resolves when the document is written.
 */
export async function writeAccountPdf(
  sections: readonly ReportSection[],
  opts: ReportOptions,
  out: Writable,
): Promise<void> {
  const t = TEXT[opts.lang];
  const scopes = sections.map((s) => s.scopeLabel).join('; ');
  const doc = new PDFDocument({
    size: 'A4',
    margin: MARGIN,
    bufferPages: true,
    lang: opts.lang === 'da' ? 'da-DK' : 'en-GB',
    displayTitle: true,
    info: {
      Title: `${t.title} ${opts.year}: ${scopes}`,
      Author: 'Klyngeportalen',
      Subject: `${t.programme}, ${t.title.toLowerCase()} ${opts.year}`,
      CreationDate: opts.generatedAt,
    },
  });
  const done = finished(out);
  doc.pipe(out);
  const texts = [
    ...sections.map((s) => s.scopeLabel),
    ...Object.values(opts.regionNames),
    ...KEY_LABELS.map((k) => k[opts.lang]),
    t.official,
    t.preliminary,
  ];
  const { fonts, clean } = chooseFonts(doc, texts);

  sections.forEach((section, index) => {
    if (index > 0) doc.addPage();
    const account = section.account;
    doc.fillColor(MUTED).font(fonts.regular).fontSize(10).text(t.programme, MARGIN, MARGIN);
    doc.moveDown(0.3).fillColor(INK).font(fonts.bold).fontSize(22).text(`${t.title} ${opts.year}`);
    doc.moveDown(0.4).font(fonts.regular).fontSize(11);
    const meta = (label: string, value: string) =>
      doc.font(fonts.bold).text(`${label}: `, { continued: true }).font(fonts.regular).text(value);
    meta(t.year, String(account.year));
    meta(t.scope, clean(section.scopeLabel));
    meta(t.basis, opts.preliminary ? t.preliminary : t.official);
    meta(t.generatedAt, `${formatGeneratedAt(opts.generatedAt, opts.lang)} (${t.danishTime})`);
    doc.moveDown(1);

    // The table of every key: label, JSON key, value.
    const header = () => {
      const y = doc.y;
      doc.font(fonts.bold).fontSize(9).fillColor(INK);
      doc.text(t.label, MARGIN, y, { width: COLS.label });
      doc.text(t.key, MARGIN + COLS.label, y, { width: COLS.key });
      doc.text(t.value, MARGIN + COLS.label + COLS.key, y, { width: COLS.value, align: 'right' });
      const below = y + doc.currentLineHeight() + 3;
      doc
        .moveTo(MARGIN, below)
        .lineTo(MARGIN + WIDTH, below)
        .lineWidth(0.8)
        .strokeColor(INK)
        .stroke();
      doc.y = below + 4;
    };
    const row = (label: string, key: string, value: string, shaded: boolean) => {
      doc.font(fonts.regular).fontSize(9);
      const height =
        Math.max(doc.heightOfString(label, { width: COLS.label - 6 }), doc.currentLineHeight()) + 4;
      if (doc.y + height > BOTTOM) {
        doc.addPage();
        header();
      }
      const y = doc.y;
      if (shaded) doc.rect(MARGIN, y - 2, WIDTH, height).fill(ZEBRA);
      doc
        .fillColor(INK)
        .font(fonts.regular)
        .fontSize(9)
        .text(label, MARGIN + 2, y, { width: COLS.label - 6 });
      doc.font(fonts.mono).fontSize(7).fillColor(MUTED);
      doc.text(key, MARGIN + COLS.label, y + 1, { width: COLS.key - 4, lineBreak: false, ellipsis: true });
      doc.font(fonts.regular).fontSize(9).fillColor(INK);
      doc.text(value, MARGIN + COLS.label + COLS.key, y, { width: COLS.value - 2, align: 'right' });
      doc.y = y + height;
      doc.x = MARGIN;
    };
    header();
    row(t.year, 'year', String(account.year), false);
    KEY_LABELS.forEach(({ key, kind, ...labels }, i) => {
      row(labels[opts.lang], key, formatValue(account[key], kind, opts.lang), i % 2 === 0);
    });
    splitRows(account, opts.lang).forEach((r, i) => {
      row(r.label, r.key, formatValue(r.value, r.kind, opts.lang), (KEY_LABELS.length + i) % 2 === 0);
    });

    // The regional split, as a table and as a bar chart.
    const regions = regionRows(account, opts);
    const chartHeight = 40 + regions.length * 22 + 50;
    if (doc.y + 40 + regions.length * 16 + chartHeight > BOTTOM) doc.addPage();
    else doc.moveDown(1.5);
    doc.x = MARGIN;
    doc.font(fonts.bold).fontSize(13).fillColor(INK).text(t.regionHeading, MARGIN, doc.y);
    doc.moveDown(0.5);
    header();
    regions.forEach((r, i) => {
      row(clean(r.name), `${REGION_KEY}.${r.code}`, formatValue(r.value, 'count', opts.lang), i % 2 === 0);
    });
    doc.moveDown(1.2);
    drawBars(
      doc,
      fonts,
      regions.map((r) => ({ label: clean(r.name), value: r.value })),
      opts,
    );
    doc.moveDown(0.6);
    doc.font(fonts.italic).fontSize(9).fillColor(MUTED).text(t.chartCaption(account.year), MARGIN, doc.y, {
      width: WIDTH,
    });
    doc.moveDown(1);
    doc.font(fonts.regular).fontSize(8).fillColor(MUTED).text(t.source, { width: WIDTH });
  });

  const range = doc.bufferedPageRange();
  for (let i = range.start; i < range.start + range.count; i++) {
    doc.switchToPage(i);
    // Writing inside the bottom margin would otherwise start a new page.
    const margin = doc.page.margins.bottom;
    doc.page.margins.bottom = 0;
    doc.font(fonts.regular).fontSize(8).fillColor(MUTED);
    doc.text(t.page(i + 1, range.count), MARGIN, A4.height - MARGIN + 10, {
      width: WIDTH,
      align: 'right',
      lineBreak: false,
    });
    doc.page.margins.bottom = margin;
  }
  doc.end();
  await done;
}

/** Horizontal bars, one per region, scaled to the largest value, with the value at the bar's end. */
function drawBars(
  doc: PDFKit.PDFDocument,
  fonts: Fonts,
  bars: { label: string; value: number }[],
  opts: ReportOptions,
): void {
  const labelWidth = 150;
  const barArea = WIDTH - labelWidth - 60;
  const barHeight = 14;
  const gap = 8;
  const max = Math.max(1, ...bars.map((b) => b.value));
  const top = doc.y;
  if (bars.every((b) => b.value === 0)) {
    doc.font(fonts.regular).fontSize(9).fillColor(INK).text(TEXT[opts.lang].noRegions, MARGIN, top);
    return;
  }
  bars.forEach((bar, i) => {
    const y = top + i * (barHeight + gap);
    doc.font(fonts.regular).fontSize(9).fillColor(INK);
    doc.text(bar.label, MARGIN, y + 3, {
      width: labelWidth - 8,
      align: 'right',
      lineBreak: false,
      ellipsis: true,
    });
    const w = (bar.value / max) * barArea;
    if (w > 0) doc.rect(MARGIN + labelWidth, y, w, barHeight).fill(BAR);
    doc.fillColor(INK).text(formatValue(bar.value, 'count', opts.lang), MARGIN + labelWidth + w + 4, y + 3, {
      lineBreak: false,
    });
  });
  const bottom = top + bars.length * (barHeight + gap) - gap + 4;
  doc
    .moveTo(MARGIN + labelWidth, top - 4)
    .lineTo(MARGIN + labelWidth, bottom)
    .lineWidth(0.8)
    .strokeColor(RULE)
    .stroke();
  doc.x = MARGIN;
  doc.y = bottom + 4;
}
