import type { Child } from 'hono/jsx';
import type { CurrentUser } from '../../domain/accounts/queries.ts';
import type { NavGroup } from '../../domain/site/sections.ts';
import { assetUrl, preloadedFontUrls } from '../assets.ts';
import type { Messages } from '../i18n/index.ts';
import { href, type Lang } from '../paths.ts';
import { Header } from './header.tsx';
import { Icon } from './icons.tsx';

export interface Chrome {
  lang: Lang;
  m: Messages;
  user: CurrentUser | null;
  /** The groups of pages the user may use, in menu order (from the policy: domain/site/sections.ts). */
  navigation: readonly NavGroup[];
  csrfToken: string;
  /** The current page in the other language. */
  alternateHref: string;
  currentPath: string;
  syntheticData: boolean;
  /** Unread notifications of the signed-in user and its organisations. */
  unreadNotifications: number;
}

export function CsrfField({ token }: { token: string }) {
  return <input type="hidden" name="_csrf" value={token} />;
}

function LanguageSwitcher({ chrome }: { chrome: Chrome }) {
  const { m } = chrome;
  return (
    <div class="language-switcher">
      <div class="container">
        <ul aria-label={m.site.languageSwitch}>
          <li>
            <a href={chrome.alternateHref} lang={m.site.other.lang} hreflang={m.site.other.lang}>
              <Icon name="language" />
              {m.site.other.label}
            </a>
          </li>
        </ul>
      </div>
    </div>
  );
}

function Footer({ chrome }: { chrome: Chrome }) {
  const { m, lang } = chrome;
  return (
    <footer>
      <div class="footer">
        <div class="container">
          <div class="row">
            <div class="col-12 col-md-6 footer-col">
              <section aria-labelledby="footer-about">
                <h2 id="footer-about" class="h5">
                  {m.site.name}
                </h2>
                <p>{m.site.footerAbout}</p>
              </section>
            </div>
            <div class="col-12 col-md-6 footer-col">
              <section aria-labelledby="footer-links">
                <h2 id="footer-links" class="h5">
                  {m.site.footerLinks}
                </h2>
                <ul class="unstyled-list">
                  <li>
                    <a href={href('accessibility', lang)}>{m.pages.accessibilityTitle}</a>
                  </li>
                  <li>
                    <a href={href('privacy', lang)}>{m.pages.privacyTitle}</a>
                  </li>
                  <li>
                    <a href={href('about', lang)}>{m.pages.aboutTitle}</a>
                  </li>
                  <li>
                    <a href={href('apiDocs', lang)}>{m.pages.apiTitle}</a>
                  </li>
                </ul>
              </section>
            </div>
          </div>
        </div>
      </div>
    </footer>
  );
}

/** A feed or calendar the page offers, announced in its head so feed readers and calendars find it. */
export interface PageFeed {
  href: string;
  type: 'application/rss+xml' | 'application/atom+xml' | 'text/calendar';
  title: string;
}

export function Layout({
  chrome,
  title,
  feeds = [],
  children,
}: {
  chrome: Chrome;
  title: string;
  feeds?: readonly PageFeed[];
  children: Child;
}) {
  const { m, lang } = chrome;
  const fullTitle = title === m.site.name ? title : `${title} - ${m.site.name}`;
  return (
    <html lang={lang}>
      <head>
        <meta charset="utf-8" />
        <meta name="viewport" content="width=device-width, initial-scale=1" />
        <title>{fullTitle}</title>
        {preloadedFontUrls().map((font) => (
          <link rel="preload" href={font} as="font" type="font/woff2" crossorigin="anonymous" />
        ))}
        <link rel="stylesheet" href={assetUrl('dkfds.css')} />
        <link rel="stylesheet" href={assetUrl('app.css')} />
        <link rel="alternate" hreflang={m.site.other.lang} href={chrome.alternateHref} />
        {feeds.map((feed) => (
          <link rel="alternate" type={feed.type} href={feed.href} title={feed.title} />
        ))}
        <link rel="icon" href={assetUrl('favicon.svg')} type="image/svg+xml" />
        {/* Only improvements: DKFDS's mobile drawer and closing menus; every page works without them. */}
        <script src={assetUrl('dkfds.js')} defer />
        <script src={assetUrl('navigation.js')} defer />
      </head>
      <body>
        <a class="skipnav" href="#main-content">
          {m.site.skipLink}
        </a>
        <LanguageSwitcher chrome={chrome} />
        <Header chrome={chrome} />
        {chrome.syntheticData && (
          <div class="container">
            <div class="alert alert-info synthetic-notice">
              <Icon name="info" className="alert-icon" />
              <div class="alert-body">
                <p class="alert-text">{m.site.syntheticNotice}</p>
              </div>
            </div>
          </div>
        )}
        <main id="main-content" class="container page-container" tabindex={-1}>
          {children}
        </main>
        <Footer chrome={chrome} />
      </body>
    </html>
  );
}
