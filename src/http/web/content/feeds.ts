import type { Hono } from 'hono';
import { atomFeed, type FeedChannel, type FeedEntry, rssFeed } from '../../../domain/content/feeds.ts';
import { latestPublishedPosts } from '../../../domain/content/queries.ts';
import type { AppContext, AppEnv } from '../../context.ts';
import { LANGS, type Lang, PAGES, type PageKey, pageHref } from '../../paths.ts';
import { contentMessages } from './messages.ts';
import type { PostSection } from './posts.tsx';

/** RSS and Atom feeds of news and success stories, beside their list pages (/nyheder/rss.xml). */
export type FeedFormat = 'rss' | 'atom';

const FORMATS: Record<FeedFormat, { file: string; type: string; build: typeof rssFeed }> = {
  rss: { file: 'rss.xml', type: 'application/rss+xml; charset=utf-8', build: rssFeed },
  atom: { file: 'atom.xml', type: 'application/atom+xml; charset=utf-8', build: atomFeed },
};

export const feedHref = (list: PageKey, lang: Lang, format: FeedFormat) =>
  `${PAGES[list][lang]}/${FORMATS[format].file}`;

async function feed(c: AppContext, s: PostSection, lang: Lang, format: FeedFormat): Promise<Response> {
  const { db, clock, config } = c.get('deps');
  const now = clock();
  const t = contentMessages(lang);
  const site = config.publicUrl.replace(/\/$/, '');
  const posts = await latestPublishedPosts(db, s.kind, now);
  const channel: FeedChannel = {
    title: t[s.texts].feedTitle,
    description: t[s.texts].lead,
    siteUrl: site + PAGES[s.pages.list][lang],
    feedUrl: site + feedHref(s.pages.list, lang, format),
    lang,
    generatedAt: now,
  };
  const entries: FeedEntry[] = posts.map((p) => {
    const published = p.publishedAt ?? now;
    return {
      id: p.id,
      title: p.title,
      url: site + pageHref(s.pages.item, lang, { slug: p.slug }),
      summary: p.summary,
      author: p.organisationName,
      lang: p.lang,
      published,
      // A post saved before it was published was not updated after publication.
      updated: new Date(Math.max(p.updatedAt.getTime(), published.getTime())),
    };
  });
  return c.body(FORMATS[format].build(channel, entries), 200, {
    'Content-Type': FORMATS[format].type,
    'Cache-Control': 'public, max-age=300',
  });
}

/** Registers the feeds; call before the item pages, whose :slug would otherwise match rss.xml. */
export function registerFeeds(app: Hono<AppEnv>, s: PostSection): void {
  for (const lang of LANGS)
    for (const format of ['rss', 'atom'] as const)
      app.get(feedHref(s.pages.list, lang, format), (c) => feed(c, s, lang, format));
}
