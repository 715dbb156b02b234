import type { NavGroup, NavSection } from '../../domain/site/sections.ts';
import { href, type PageKey } from '../paths.ts';
import { Icon } from './icons.tsx';
import type { Chrome } from './layout.tsx';
import { CsrfField } from './layout.tsx';

/**
 * The page header: the site's name, the person's own links (notifications, account, log out, or
 * log in) and the navigation from src/domain/site/sections.ts. At desktop width the groups are a
 * row of menus (native disclosures, so they open without JavaScript); below DKFDS's breakpoint a
 * "Menu" disclosure opens the same menu under the header, and with JavaScript DKFDS's mobile
 * drawer (static/navigation.js).
 */

/** A navigation entry's page: sections are the site's pages without parameters (sections.test.ts). */
const pageOf = (section: NavSection) => section.page as PageKey;

/** Whether the current path is the page, or a page beneath it (/klynger/clean is under /klynger). */
function where(chrome: Chrome, section: NavSection): 'page' | 'within' | null {
  const target = href(pageOf(section), chrome.lang);
  if (chrome.currentPath === target) return 'page';
  const home = target === href('home', chrome.lang);
  return !home && chrome.currentPath.startsWith(`${target}/`) ? 'within' : null;
}

/** The entry of the current page, when a group holds both a page and a page beneath it. */
function currentIn(chrome: Chrome, group: NavGroup): NavSection | undefined {
  return (
    group.sections.find((s) => where(chrome, s) === 'page') ??
    group.sections.find((s) => where(chrome, s) === 'within')
  );
}

function SectionLink({
  chrome,
  section,
  current,
}: {
  chrome: Chrome;
  section: NavSection;
  current: boolean;
}) {
  return (
    <li class={current ? 'active current' : undefined}>
      <a
        href={href(pageOf(section), chrome.lang)}
        class="nav-link"
        aria-current={current ? (where(chrome, section) === 'page' ? 'page' : 'true') : undefined}
      >
        <span>{section[chrome.lang]}</span>
      </a>
    </li>
  );
}

/** One group of the desktop menu: a link when it holds one page, else a menu of its pages. */
function DesktopGroup({ chrome, group }: { chrome: Chrome; group: NavGroup }) {
  const current = currentIn(chrome, group);
  const [only] = group.sections;
  if (group.sections.length === 1 && only)
    return (
      <SectionLink
        chrome={chrome}
        section={{ ...only, [chrome.lang]: group[chrome.lang] }}
        current={!!current}
      />
    );
  return (
    <li class={current ? 'nav-group active' : 'nav-group'}>
      <details class="nav-group-menu">
        <summary class="nav-link">
          <span>{group[chrome.lang]}</span>
        </summary>
        <ul class="nav-group-list" aria-label={group[chrome.lang]}>
          {group.sections.map((s) => (
            <SectionLink chrome={chrome} section={s} current={s === current} />
          ))}
        </ul>
      </details>
    </li>
  );
}

/** The menu in the mobile drawer: every group's pages under the group's name. */
function MobileGroups({ chrome }: { chrome: Chrome }) {
  return (
    <ul class="mainmenu">
      {chrome.navigation.map((group) => {
        const current = currentIn(chrome, group);
        const [only] = group.sections;
        if (group.sections.length === 1 && only)
          return (
            <SectionLink
              chrome={chrome}
              section={{ ...only, [chrome.lang]: group[chrome.lang] }}
              current={!!current}
            />
          );
        return (
          <li class="mobile-nav-group">
            <span class="mobile-nav-group-name" id={`mobile-nav-${group.key}`}>
              {group[chrome.lang]}
            </span>
            <ul aria-labelledby={`mobile-nav-${group.key}`}>
              {group.sections.map((s) => (
                <SectionLink chrome={chrome} section={s} current={s === current} />
              ))}
            </ul>
          </li>
        );
      })}
    </ul>
  );
}

/** The signed-in person's own links and the log-out button, or the log-in link. */
function PersonalLinks({ chrome }: { chrome: Chrome }) {
  const { m, lang, user } = chrome;
  if (!user)
    return (
      <ul class="personal-links">
        <li>
          <a href={href('login', lang)} class="function-link">
            <Icon name="lock" />
            {m.nav.login}
          </a>
        </li>
      </ul>
    );
  return (
    <>
      <p class="header-user">{m.nav.signedInAs(user.name)}</p>
      <ul class="personal-links">
        <li>
          <a href={href('notifications', lang)}>{m.nav.notifications(chrome.unreadNotifications)}</a>
        </li>
        <li>
          <a href={href('account', lang)}>{m.nav.account}</a>
        </li>
        <li>
          <form method="post" action={href('logout', lang)} class="header-logout">
            <CsrfField token={chrome.csrfToken} />
            <button type="submit" class="function-link">
              <Icon name="lock" />
              {m.nav.logout}
            </button>
          </form>
        </li>
      </ul>
    </>
  );
}

function MobileMenu({ chrome }: { chrome: Chrome }) {
  const { m } = chrome;
  return (
    <details class="mobile-menu">
      <summary class="button button-secondary button-menu-open js-menu-open">{m.nav.menu}</summary>
      <nav class="mobile-drawer" aria-label={m.site.mainNav}>
        <div class="menu-top">
          <span class="menu-heading h5">{m.nav.menu}</span>
          <button type="button" class="function-link button-menu-close js-menu-close">
            <Icon name="close" />
            {m.nav.close}
          </button>
        </div>
        <div class="navigation-menu-mobile">
          <MobileGroups chrome={chrome} />
        </div>
        <div class="solution-info-mobile">
          <PersonalLinks chrome={chrome} />
        </div>
      </nav>
    </details>
  );
}

export function Header({ chrome }: { chrome: Chrome }) {
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
          <div class="additional-info personal-info">
            {!user && <p class="tagline">{m.site.tagline}</p>}
            <PersonalLinks chrome={chrome} />
          </div>
          <MobileMenu chrome={chrome} />
        </div>
      </div>
      <div class="overlay" />
      <div class="navigation-menu">
        <div class="navigation-menu-inner container">
          <nav class="nav" aria-label={m.site.mainNav}>
            <ul class="mainmenu">
              {chrome.navigation.map((group) => (
                <DesktopGroup chrome={chrome} group={group} />
              ))}
            </ul>
          </nav>
        </div>
      </div>
    </header>
  );
}
