import { describe, expect, it } from 'vitest';
import { atomFeed, escapeXml, type FeedChannel, type FeedEntry, rssFeed } from './feeds.ts';

const channel: FeedChannel = {
  title: 'Klyngeportalen: nyheder',
  description: 'Nyt fra klyngerne',
  siteUrl: 'https://klyngeportalen.dk/nyheder',
  feedUrl: 'https://klyngeportalen.dk/nyheder/rss.xml',
  lang: 'da',
  generatedAt: new Date('2026-11-26T12:00:00Z'),
};

const entry: FeedEntry = {
  id: '6f1c2a4e-9b7d-4c3a-8e5f-0a1b2c3d4e5f',
  title: 'Food & Bio <Cluster> "Denmark"',
  url: 'https://klyngeportalen.dk/nyheder/food-bio?x=1&y=2',
  summary: 'Resumé med kontroltegn\u0001 og æøå',
  author: 'Food & Bio Cluster Denmark',
  lang: 'en',
  published: new Date('2026-11-23T07:00:00Z'),
  updated: new Date('2026-11-24T07:00:00Z'),
};

describe('feeds', () => {
  it('escapes markup and drops characters XML forbids', () => {
    expect(escapeXml(`<a href="x">&'\u0000\u000b`)).toBe('&lt;a href=&quot;x&quot;&gt;&amp;&apos;');
    expect(escapeXml('tab\tand\nnewline')).toBe('tab\tand\nnewline');
  });

  it('writes RSS 2.0 with RFC 822 dates, a self link and escaped text', () => {
    const xml = rssFeed(channel, [entry]);
    expect(xml.startsWith('<?xml version="1.0" encoding="utf-8"?>\n<rss version="2.0"')).toBe(true);
    expect(xml).toContain('<title>Food &amp; Bio &lt;Cluster&gt; &quot;Denmark&quot;</title>');
    expect(xml).toContain('<link>https://klyngeportalen.dk/nyheder/food-bio?x=1&amp;y=2</link>');
    expect(xml).toContain('<pubDate>Mon, 23 Nov 2026 07:00:00 GMT</pubDate>');
    expect(xml).toContain('<guid isPermaLink="false">urn:uuid:6f1c2a4e-9b7d-4c3a-8e5f-0a1b2c3d4e5f</guid>');
    expect(xml).toContain('<lastBuildDate>Tue, 24 Nov 2026 07:00:00 GMT</lastBuildDate>');
    expect(xml).toContain('rel="self" type="application/rss+xml"');
    expect(xml).not.toContain('\u0001');
  });

  it('writes Atom with the entry language, ids and ISO dates', () => {
    const xml = atomFeed({ ...channel, feedUrl: 'https://klyngeportalen.dk/nyheder/atom.xml' }, [entry]);
    expect(xml).toContain('<feed xmlns="http://www.w3.org/2005/Atom" xml:lang="da">');
    expect(xml).toContain('<entry xml:lang="en">');
    expect(xml).toContain('<id>urn:uuid:6f1c2a4e-9b7d-4c3a-8e5f-0a1b2c3d4e5f</id>');
    expect(xml).toContain('<updated>2026-11-24T07:00:00.000Z</updated>');
    expect(xml).toContain('<author><name>Food &amp; Bio Cluster Denmark</name></author>');
  });

  it('uses the generation time as the update time of an empty feed', () => {
    expect(atomFeed(channel, [])).toContain('<updated>2026-11-26T12:00:00.000Z</updated>');
  });
});
