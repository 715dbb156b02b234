import type { AttentionItem } from '../../../../domain/landing/attention.ts';
import type { GroupKey } from '../../../../domain/site/sections.ts';
import { href, type Lang, type PageKey, pageHref } from '../../../paths.ts';
import type { Chrome } from '../../../views/layout.tsx';
import { landingMessages } from '../messages.ts';

/** Where each kind of item is dealt with; the domain offers an item only to those who may open it. */
function linkOf(item: AttentionItem, lang: Lang): string {
  const year = item.year === undefined ? undefined : { year: String(item.year) };
  const call = { slug: item.callSlug ?? '' };
  switch (item.kind) {
    case 'periodsToDecide':
      return href('reportingStatus', lang, year);
    case 'plansToDecide':
      return href('fundingActionPlans', lang, year);
    case 'applicationsToProcess':
      return pageHref('callProcess', lang, call);
    case 'applicationsToAssess':
      return href('myAssessments', lang);
    case 'periodsReturned':
      return href('workspacePeriods', lang);
    case 'plansReturned':
      return href('actionPlans', lang);
    case 'draftApplications':
      return pageHref('callApply', lang, call);
    case 'expiringLabels':
      return `${href('labels', lang)}#expiring-heading`;
    case 'planCommentsWaiting':
      return href('fundingActionPlans', lang);
    case 'planCommentsToHandle':
      return href('actionPlans', lang);
    case 'decisionsOpen':
      return `${href('coordinationMeetings', lang)}#decisions-heading`;
    case 'unreadNotifications':
      return href('notifications', lang);
  }
}

/** What waits for the person, each a link to where it is done; or that nothing does. */
export function AttentionList({ items, lang }: { items: readonly AttentionItem[]; lang: Lang }) {
  const t = landingMessages(lang);
  return (
    <section aria-labelledby="attention-heading" class="attention">
      <h2 id="attention-heading">{t.attentionHeading}</h2>
      {items.length === 0 ? (
        <p>{t.nothing}</p>
      ) : (
        <ul class="attention-list">
          {items.map((item) => (
            <li>
              <a href={linkOf(item, lang)}>{t.items[item.kind](item.count, item.year, item.callTitle)}</a>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}

/** The pages of one group of the person's navigation, but its landing page: their tools. */
export function ToolList({ chrome, group }: { chrome: Chrome; group: GroupKey }) {
  const t = landingMessages(chrome.lang);
  const own = chrome.navigation.find((g) => g.key === group);
  const tools = own?.sections.filter((s) => s.page !== own.landing) ?? [];
  if (tools.length === 0) return null;
  return (
    <section aria-labelledby="tools-heading">
      <h2 id="tools-heading">{t.toolsHeading}</h2>
      <ul class="tool-list">
        {tools.map((s) => (
          <li>
            <a href={href(s.page as PageKey, chrome.lang)}>{s[chrome.lang]}</a>
          </li>
        ))}
      </ul>
    </section>
  );
}
