import type { Child } from 'hono/jsx';
import type { CurrentUser } from '../../domain/accounts/queries.ts';
import type { Section } from '../../domain/site/sections.ts';
import { assetUrl, preloadedFontUrls } from '../assets.ts';
import type { Messages } from '../i18n/index.ts';
import { href, type Lang, type PageKey } from '../paths.ts';
import { Icon } from './icons.tsx';

export interface Chrome {
  lang: Lang;
  m: Messages;
  user: CurrentUser | null;
  /** The sections of the site the user may use, in navigation order (from the policy). */
  sections: readonly Section[];
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

function NavItem({ chrome, page, label }: { chrome: Chrome; page: PageKey; label: string }) {
  const target = href(page, chrome.lang);
  const exact = chrome.currentPath === target;
  // A section is active on its own pages too (/klynger/clean is under Klynger).
  const within = !exact && page !== 'home' && chrome.currentPath.startsWith(`${target}/`);
  return (
    <li class={exact ? 'active current' : within ? 'active' : undefined}>
      <a href={target} class="nav-link" aria-current={exact ? 'page' : within ? 'true' : undefined}>
        <span>{label}</span>
      </a>
    </li>
  );
}

/** Each section's entry in the main navigation: its page (the section's own name) and label. */
const NAV_LABELS: Record<Section, (m: Messages, chrome: Chrome) => string> = {
  home: (m) => m.nav.home,
  clusters: (m) => m.nav.clusters,
  landscape: (m) => m.nav.landscape,
  results: (m) => m.nav.results,
  clusterForum: (m) => m.nav.clusterForum,
  labels: (m) => m.nav.labels,
  news: (m) => m.nav.news,
  events: (m) => m.nav.events,
  calls: (m) => m.nav.calls,
  search: (m) => m.nav.search,
  workspace: (m) => m.nav.workspace,
  coordination: (m) => m.nav.coordination,
  surveys: (m) => m.nav.surveys,
  notifications: (m, chrome) => m.nav.notifications(chrome.unreadNotifications),
  account: (m) => m.nav.account,
  admin: (m) => m.nav.admin,
  login: (m) => m.nav.login,
};

function Header({ chrome }: { chrome: Chrome }) {
  const { m, lang, user } = chrome;
  return (
    <header class="header">
      <div class="solution-info">
        <div class="solution-info-inner container">
          <div class="solution-heading">
            <a href={href('home', lang)} aria-label={`${m.site.name}, ${m.nav.home}`}>
              {m.site.name}
            </a>
          </div>
          <div class="additional-info">
            <p>{m.site.tagline}</p>
          </div>
        </div>
      </div>
      <div class="navigation-menu">
        <div class="navigation-menu-inner container">
          <nav class="nav" aria-label={m.site.mainNav}>
            <ul class="mainmenu">
              {chrome.sections.map((section) => (
                <NavItem chrome={chrome} page={section} label={NAV_LABELS[section](m, chrome)} />
              ))}
            </ul>
          </nav>
          {user && (
            <form method="post" action={href('logout', lang)} class="header-logout">
              <CsrfField token={chrome.csrfToken} />
              <span class="header-user">{m.nav.signedInAs(user.name)}</span>
              <button type="submit" class="function-link">
                <Icon name="lock" />
                {m.nav.logout}
              </button>
            </form>
          )}
        </div>
      </div>
    </header>
  );
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

export function Layout({ chrome, title, children }: { chrome: Chrome; title: string; children: Child }) {
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
        <link rel="icon" href={assetUrl('favicon.svg')} type="image/svg+xml" />
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
