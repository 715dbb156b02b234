/**
 * RSS 2.0 and Atom (RFC 4287) documents for news and success stories. Written by hand: the two
 * formats are small, and owning the escaping keeps every feed well-formed whatever users type.
 */
export interface FeedChannel {
  title: string;
  description: string;
  /** The HTML list page the feed mirrors. */
  siteUrl: string;
  /** The feed's own address (rel="self"). */
  feedUrl: string;
  lang: string;
  /** Used when there are no entries. */
  generatedAt: Date;
}

export interface FeedEntry {
  id: string;
  title: string;
  url: string;
  summary: string;
  author: string;
  lang: string;
  published: Date;
  updated: Date;
}

// Characters XML 1.0 does not allow at all; user text could carry them in.
// biome-ignore lint/suspicious/noControlCharactersInRegex: matching control characters is the point
const NOT_XML = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]/g;

export function escapeXml(text: string): string {
  return text
    .replace(NOT_XML, '')
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replace(/'/g, '&apos;');
}

const el = (name: string, text: string, attrs = '') => `<${name}${attrs}>${escapeXml(text)}</${name}>`;
const attr = (name: string, value: string) => ` ${name}="${escapeXml(value)}"`;

function lastUpdated(channel: FeedChannel, entries: readonly FeedEntry[]): Date {
  const times = entries.map((e) => e.updated.getTime());
  return times.length ? new Date(Math.max(...times)) : channel.generatedAt;
}

export function rssFeed(channel: FeedChannel, entries: readonly FeedEntry[]): string {
  const items = entries.map((e) =>
    [
      '<item>',
      el('title', e.title),
      el('link', e.url),
      el('guid', `urn:uuid:${e.id}`, ' isPermaLink="false"'),
      el('pubDate', e.published.toUTCString()),
      el('dc:creator', e.author),
      el('description', e.summary),
      '</item>',
    ].join(''),
  );
  return [
    '<?xml version="1.0" encoding="utf-8"?>',
    '<rss version="2.0" xmlns:atom="http://www.w3.org/2005/Atom" xmlns:dc="http://purl.org/dc/elements/1.1/">',
    '<channel>',
    el('title', channel.title),
    el('link', channel.siteUrl),
    el('description', channel.description),
    el('language', channel.lang),
    el('lastBuildDate', lastUpdated(channel, entries).toUTCString()),
    `<atom:link${attr('href', channel.feedUrl)} rel="self" type="application/rss+xml"/>`,
    ...items,
    '</channel>',
    '</rss>',
    '',
  ].join('\n');
}

export function atomFeed(channel: FeedChannel, entries: readonly FeedEntry[]): string {
  const items = entries.map((e) =>
    [
      `<entry${attr('xml:lang', e.lang)}>`,
      el('title', e.title),
      `<link rel="alternate" type="text/html"${attr('href', e.url)}/>`,
      el('id', `urn:uuid:${e.id}`),
      el('published', e.published.toISOString()),
      el('updated', e.updated.toISOString()),
      `<author>${el('name', e.author)}</author>`,
      el('summary', e.summary),
      '</entry>',
    ].join(''),
  );
  return [
    '<?xml version="1.0" encoding="utf-8"?>',
    `<feed xmlns="http://www.w3.org/2005/Atom"${attr('xml:lang', channel.lang)}>`,
    el('title', channel.title),
    el('subtitle', channel.description),
    `<link rel="self" type="application/atom+xml"${attr('href', channel.feedUrl)}/>`,
    `<link rel="alternate" type="text/html"${attr('href', channel.siteUrl)}/>`,
    el('id', channel.feedUrl),
    el('updated', lastUpdated(channel, entries).toISOString()),
    ...items,
    '</feed>',
    '',
  ].join('\n');
}
