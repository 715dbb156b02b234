import type { Hono } from 'hono';
import type { Child } from 'hono/jsx';
import {
  type CallDetail,
  type CallPhase,
  type CallSummary,
  callOrganisations,
  callPhase,
  draftCalls,
  listPublicCalls,
} from '../../../domain/calls/listing.ts';
import { callOwnerOrganisations } from '../../../domain/calls/policy.ts';
import { callFilter } from '../../../domain/calls/schemas.ts';
import { nameOf } from '../../../domain/glossary.ts';
import type { AppContext, AppEnv } from '../../context.ts';
import { href, type Lang, pageHref } from '../../paths.ts';
import { renderPage } from '../../render.tsx';
import { SelectField } from '../../views/forms.tsx';
import {
  ContentArticle,
  ContentList,
  ContentListItem,
  EditorActions,
  Facts,
  FilterForm,
  ListPage,
  organisationFilterOptions,
  Pagination,
} from '../content/components.tsx';
import { contentMessages } from '../content/messages.ts';
import { onPage } from '../routes.ts';
import { applyMessages } from './apply-messages.ts';
import { type CallPageMessages, callFlowMessages, callPageMessages } from './messages.ts';
import { callOfPage } from './shared.tsx';
import { CallTimeline, DanishTime } from './views/timeline.tsx';

/** The public call pages: the list of calls and one call, with links to its processing for those who may. */

/** Calls have no language column; funders write them in Danish. */
export const CALL_LANG = 'da';

export const callHref = (lang: Lang, slug: string) => pageHref('call', lang, { slug });

const PHASE_BADGE: Record<CallPhase, string> = {
  draft: 'badge badge-warning',
  upcoming: 'badge badge-info',
  open: 'badge badge-success',
  closed: 'badge',
  assessed: 'badge',
  decided: 'badge',
};

/** A call's phase in the glossary's words, as the owner's and the assessors' pages name it. */
function PhaseBadge({ lang, phase }: { lang: Lang; phase: CallPhase }) {
  return <span class={`${PHASE_BADGE[phase]} content-phase`}>{nameOf('callPhase', phase, lang)}</span>;
}

function CallItem({ call, t, lang, now }: { call: CallSummary; t: CallPageMessages; lang: Lang; now: Date }) {
  return (
    <ContentListItem
      href={callHref(lang, call.slug)}
      title={call.title}
      itemLang={CALL_LANG}
      pageLang={lang}
      summary={call.summary}
      headingLevel={3}
      badge={<PhaseBadge lang={lang} phase={callPhase(call, now)} />}
      meta={
        <>
          {call.organisationName} · {t.deadline}: <DanishTime t={t} at={call.deadline} lang={lang} />
        </>
      }
    />
  );
}

function CallSection({
  id,
  title,
  calls,
  children,
}: {
  id: string;
  title: string;
  calls: unknown[];
  children: Child;
}) {
  if (calls.length === 0) return null;
  return (
    <section aria-labelledby={id}>
      <h2 id={id}>{title}</h2>
      <ContentList>{children}</ContentList>
    </section>
  );
}

async function listPage(c: AppContext) {
  const { db, clock } = c.get('deps');
  const now = clock();
  const filter = callFilter.parse(c.req.query());
  const user = c.get('user');
  const [list, organisations, drafts] = await Promise.all([
    listPublicCalls(db, filter, now),
    callOrganisations(db),
    draftCalls(db, user),
  ]);
  const mayCreate = callOwnerOrganisations(user).length > 0;
  const t = contentMessages(c.get('lang'));
  const tc = callPageMessages(c.get('lang'));
  const open = list.items.filter((call) => call.open);
  const closed = list.items.filter((call) => !call.open);
  return renderPage(c, tc.title, ({ lang }) => (
    <ListPage
      t={t}
      title={tc.title}
      lead={tc.lead}
      total={list.total}
      actions={
        <EditorActions
          t={t}
          create={mayCreate ? { href: href('callsNew', lang), label: tc.create } : undefined}
          drafts={drafts.map((d) => ({ href: callHref(lang, d.slug), title: d.title, lang: CALL_LANG }))}
        />
      }
      filters={
        <FilterForm t={t} action={href('calls', lang)}>
          <SelectField
            name="organisation"
            label={tc.owner}
            placeholder={t.common.allOrganisations}
            value={filter.organisation}
            options={organisationFilterOptions(organisations)}
          />
        </FilterForm>
      }
      pagination={
        <Pagination
          t={t}
          page={list.page}
          pages={list.pages}
          link={(page) => href('calls', lang, { organisation: filter.organisation, page: String(page) })}
        />
      }
    >
      <CallSection id="open-calls" title={tc.open} calls={open}>
        {open.map((call) => (
          <CallItem call={call} t={tc} lang={lang} now={now} />
        ))}
      </CallSection>
      <CallSection id="closed-calls" title={tc.closed} calls={closed}>
        {closed.map((call) => (
          <CallItem call={call} t={tc} lang={lang} now={now} />
        ))}
      </CallSection>
    </ListPage>
  ));
}

/** Links to the call's processing pages, each shown only to those the call's rules let use it. */
function ProcessingLinks({ call, lang }: { call: CallDetail; lang: Lang }) {
  const flow = callFlowMessages(lang);
  const { manage, process, assess } = call.actions;
  return (
    <nav aria-label={flow.processingLinks}>
      <ul class="nobullet-list">
        {process && (
          <li>
            <a href={pageHref('callProcess', lang, { slug: call.slug })}>{flow.process}</a>
          </li>
        )}
        {manage && (
          <li>
            <a href={pageHref('callSetup', lang, { slug: call.slug })}>{flow.setup}</a>
          </li>
        )}
        {assess && (
          <li>
            <a href={href('myAssessments', lang)}>{flow.myAssessments}</a>
          </li>
        )}
      </ul>
    </nav>
  );
}

/**
 * How to apply, while the call is open: the button for those who may, and for others why not or
 * how to sign in. Once the deadline has passed, applicants keep a link to their application.
 */
function ApplyPanel({
  call,
  phase,
  signedIn,
  lang,
}: {
  call: CallDetail;
  phase: CallPhase;
  signedIn: boolean;
  lang: Lang;
}) {
  const t = applyMessages(lang);
  const open = phase === 'open';
  const form = pageHref('callApply', lang, { slug: call.slug });
  if (phase === 'draft' || phase === 'upcoming') return null;
  if (!call.takesPortalApplications) return open ? <p>{t.applyOutside}</p> : null;
  if (call.actions.apply)
    return open ? (
      <p>
        <a class="button button-primary" href={form}>
          {t.applyButton}
        </a>
      </p>
    ) : (
      <p>
        <a href={form}>{t.applyYours}</a>
      </p>
    );
  if (!open) return null;
  if (signedIn) return <p>{t.applyOnlyClusters}</p>;
  return (
    <p>
      <a class="button button-secondary" href={`${href('login', lang)}?next=${encodeURIComponent(form)}`}>
        {t.applyLogin}
      </a>
    </p>
  );
}

async function callPage(c: AppContext) {
  const now = c.get('deps').clock();
  const call = await callOfPage(c);
  const t = contentMessages(c.get('lang'));
  const tc = callPageMessages(c.get('lang'));
  const phase = callPhase(call, now);
  return renderPage(c, call.title, ({ lang }) => (
    <ContentArticle
      t={t}
      title={call.title}
      itemLang={CALL_LANG}
      pageLang={lang}
      summary={call.summary}
      body={call.body}
      draft={call.status === 'draft'}
      saved={c.req.query('saved') === '1'}
      editHref={call.actions.manage ? pageHref('callEdit', lang, { slug: call.slug }) : undefined}
      children={
        <>
          <ApplyPanel call={call} phase={phase} signedIn={c.get('user') !== null} lang={lang} />
          <CallTimeline call={call} lang={lang} now={now} />
          {(call.actions.manage || call.actions.process || call.actions.assess) && (
            <ProcessingLinks call={call} lang={lang} />
          )}
        </>
      }
      facts={
        <Facts
          items={[
            [tc.owner, call.organisationName],
            [tc.status, <PhaseBadge lang={lang} phase={phase} />],
            ...(call.opensAt
              ? [[tc.opens, <DanishTime t={tc} at={call.opensAt} lang={lang} />] as [string, Child]]
              : []),
            [tc.deadline, <DanishTime t={tc} at={call.deadline} lang={lang} />],
          ]}
        />
      }
    />
  ));
}

export function registerCallPages(app: Hono<AppEnv>): void {
  onPage(app, 'GET', 'calls', listPage);
  onPage(app, 'GET', 'call', callPage);
}
