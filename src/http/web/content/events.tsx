import type { Hono } from 'hono';
import { createEvent, updateEvent } from '../../../domain/content/commands.ts';
import { publishingOrganisations } from '../../../domain/content/policy.ts';
import {
  draftEvents,
  type EventDetail,
  type EventSummary,
  eventOrganisations,
  eventToEdit,
  listMunicipalities,
  listPublishedEvents,
  listRegions,
  viewableEvent,
} from '../../../domain/content/queries.ts';
import {
  EVENT_TARGET_GROUPS,
  type EventFilter,
  eventFilter,
  eventForm,
} from '../../../domain/content/schemas.ts';
import { instantToDanishTime } from '../../../domain/content/time.ts';
import { notFound } from '../../../domain/errors.ts';
import { hasMatchmaking } from '../../../domain/matchmaking/queries.ts';
import { callerOf, signedInUser } from '../../caller.ts';
import type { AppContext, AppEnv } from '../../context.ts';
import { href, type Lang, pageHref } from '../../paths.ts';
import { renderPage } from '../../render.tsx';
import { Checkboxes, type FieldErrors, SelectField, TextField } from '../../views/forms.tsx';
import { Icon } from '../../views/icons.tsx';
import { onPage } from '../routes.ts';
import {
  ContentArticle,
  ContentList,
  ContentListItem,
  EditorActions,
  Facts,
  FilterForm,
  ListPage,
  languageNote,
  organisationFilterOptions,
  Pagination,
} from './components.tsx';
import {
  BodyField,
  type FormValues,
  HeadFields,
  newItemValues,
  OrganisationField,
  PublishButtons,
  renderEditorPage,
  saveFromForm,
} from './editing.tsx';
import { DateTimeFields } from './fields.tsx';
import { formatEventSpan, formatMonth, monthsAround, Time } from './format.tsx';
import { calendarHref, eventCalendarHref, registerCalendars } from './ical.ts';
import { type ContentMessages, contentMessages } from './messages.ts';

const eventHref = (lang: Lang, slug: string) => pageHref('event', lang, { slug });

const place = (
  e: { location: string; municipalityName: string | null; onlineUrl: string | null },
  t: ContentMessages,
) => [e.location, e.municipalityName, e.onlineUrl ? t.events.online : null].filter(Boolean).join(', ');

/** The target groups as options of a filter or checkboxes. */
export const targetGroupOptions = (t: ContentMessages) =>
  EVENT_TARGET_GROUPS.map((g) => ({ value: g, label: t.events.targetGroupNames[g] }));

function EventFilters({
  t,
  lang,
  filter,
  organisations,
  regions,
  now,
}: {
  t: ContentMessages;
  lang: Lang;
  filter: EventFilter;
  organisations: { id: string; name: string }[];
  regions: { code: number; name: string; nameEn: string }[];
  now: Date;
}) {
  const months = filter.when === 'past' ? monthsAround(now, -24, 0).reverse() : monthsAround(now, 0, 18);
  return (
    <FilterForm t={t} action={href('events', lang)}>
      {filter.when === 'past' && <input type="hidden" name="when" value="past" />}
      <SelectField
        name="organisation"
        label={t.common.organisation}
        placeholder={t.common.allOrganisations}
        value={filter.organisation}
        options={organisationFilterOptions(organisations)}
      />
      <SelectField
        name="region"
        label={t.events.region}
        placeholder={t.events.allRegions}
        value={filter.region === undefined ? undefined : String(filter.region)}
        options={regions.map((r) => ({ value: String(r.code), label: lang === 'da' ? r.name : r.nameEn }))}
      />
      <SelectField
        name="audience"
        label={t.events.targetGroups}
        placeholder={t.events.allAudiences}
        value={filter.audience}
        options={targetGroupOptions(t)}
      />
      <SelectField
        name="month"
        label={t.events.month}
        placeholder={t.events.allMonths}
        value={filter.month}
        options={months.map((m) => ({ value: m, label: formatMonth(m, lang) }))}
      />
    </FilterForm>
  );
}

function EventItem({ e, t, lang }: { e: EventSummary; t: ContentMessages; lang: Lang }) {
  return (
    <ContentListItem
      href={eventHref(lang, e.slug)}
      title={e.title}
      itemLang={e.lang}
      pageLang={lang}
      summary={e.summary}
      meta={
        <>
          <Time at={e.startsAt} text={formatEventSpan(e.startsAt, e.endsAt, lang)} />
          {' · '}
          {[place(e, t), e.organisationName].filter(Boolean).join(' · ')}
          {languageNote(t, e.lang, lang)}
        </>
      }
    />
  );
}

/** The list's filters as URL parameters, for the page links. */
const filterQuery = (f: EventFilter) => ({
  when: f.when === 'past' ? 'past' : undefined,
  organisation: f.organisation,
  region: f.region === undefined ? undefined : String(f.region),
  month: f.month,
  audience: f.audience,
});

/** Switch between upcoming and past events, and subscribe to the calendar. */
function EventLinks({ t, lang, past }: { t: ContentMessages; lang: Lang; past: boolean }) {
  return (
    <ul class="nobullet-list content-feeds">
      <li>
        <a href={past ? href('events', lang) : href('events', lang, { when: 'past' })}>
          {past ? t.events.showUpcoming : t.events.showPast}
        </a>
      </li>
      <li>
        <a href={calendarHref(lang)} type="text/calendar">
          <Icon name="calendar-month" />
          {t.events.subscribe}
        </a>
      </li>
    </ul>
  );
}

async function listPage(c: AppContext) {
  const { db, clock } = c.get('deps');
  const now = clock();
  const filter = eventFilter.parse(c.req.query());
  const user = c.get('user');
  const [list, organisations, regions, drafts] = await Promise.all([
    listPublishedEvents(db, filter, now),
    eventOrganisations(db, now),
    listRegions(db),
    draftEvents(db, user, now),
  ]);
  const mayCreate = publishingOrganisations(user).length > 0;
  const t = contentMessages(c.get('lang'));
  const past = filter.when === 'past';
  const title = past ? t.events.pastTitle : t.events.title;
  const lang = c.get('lang');
  return renderPage(
    c,
    title,
    () => (
      <ListPage
        t={t}
        title={title}
        lead={t.events.lead}
        total={list.total}
        actions={
          <>
            <EditorActions
              t={t}
              create={mayCreate ? { href: href('eventsNew', lang), label: t.events.create } : undefined}
              drafts={drafts.map((d) => ({ href: eventHref(lang, d.slug), title: d.title, lang: d.lang }))}
            />
            <EventLinks t={t} lang={lang} past={past} />
          </>
        }
        filters={
          <EventFilters
            t={t}
            lang={lang}
            filter={filter}
            organisations={organisations}
            regions={regions}
            now={now}
          />
        }
        pagination={
          <Pagination
            t={t}
            page={list.page}
            pages={list.pages}
            link={(page) => href('events', lang, { ...filterQuery(filter), page: String(page) })}
          />
        }
      >
        <ContentList>
          {list.items.map((e) => (
            <EventItem e={e} t={t} lang={lang} />
          ))}
        </ContentList>
      </ListPage>
    ),
    200,
    [{ href: calendarHref(lang), type: 'text/calendar', title: t.events.calendarName }],
  );
}

async function itemPage(c: AppContext) {
  const { db, clock } = c.get('deps');
  const event = await viewableEvent(db, c.get('user'), c.req.param('slug') ?? '', clock());
  if (!event) throw notFound('event');
  const t = contentMessages(c.get('lang'));
  const matchmaking = await hasMatchmaking(db, event.id);
  return renderPage(c, event.title, ({ lang }) => (
    <ContentArticle
      t={t}
      title={event.title}
      itemLang={event.lang}
      pageLang={lang}
      summary={event.summary}
      body={event.body}
      draft={!event.isPublic}
      saved={c.req.query('saved') === '1'}
      editHref={event.editable ? pageHref('eventEdit', lang, { slug: event.slug }) : undefined}
      facts={
        <>
          <Facts
            items={[
              [
                t.events.when,
                <Time at={event.startsAt} text={formatEventSpan(event.startsAt, event.endsAt, lang)} />,
              ],
              [t.events.where, place(event, t) || '–'],
              ...(event.targetGroups.length > 0
                ? [
                    [
                      t.events.targetGroups,
                      event.targetGroups.map((g) => t.events.targetGroupNames[g]).join(', '),
                    ] as [string, string],
                  ]
                : []),
              [
                t.common.from,
                [event.organisationName, event.coOrganisationName].filter(Boolean).join(` ${t.events.and} `),
              ],
            ]}
          />
          <ul class="nobullet-list content-feeds">
            {event.onlineUrl && (
              <li>
                <a href={event.onlineUrl} rel="nofollow noopener">
                  {t.events.onlineLink}
                </a>
              </li>
            )}
            {(matchmaking || event.editable) && (
              <li>
                <a href={pageHref('matchmaking', lang, { slug: event.slug })}>
                  {matchmaking ? t.events.matchmaking : t.events.organiseMatchmaking}
                </a>
              </li>
            )}
            {event.isPublic && (
              <li>
                <a href={eventCalendarHref(lang, event.slug)} type="text/calendar">
                  <Icon name="calendar-month" />
                  {t.events.addToCalendar}
                </a>
              </li>
            )}
          </ul>
        </>
      }
    />
  ));
}

async function eventFormPage(
  c: AppContext,
  opts: { event?: EventDetail; values: FormValues; errors: FieldErrors; status: 200 | 409 | 422 },
) {
  const user = signedInUser(c);
  const lang = c.get('lang');
  const t = contentMessages(lang);
  const municipalities = await listMunicipalities(c.get('deps').db);
  const { event, values, errors } = opts;
  return renderEditorPage(c, {
    title: event ? t.events.editTitle : t.events.createTitle,
    action: event ? pageHref('eventEdit', lang, { slug: event.slug }) : href('eventsNew', lang),
    cancelHref: event ? eventHref(lang, event.slug) : href('events', lang),
    errors,
    status: opts.status,
    fields: (
      <>
        <OrganisationField
          t={t}
          label={t.form.organisation}
          options={publishingOrganisations(user)}
          values={values}
          errors={errors}
        />
        <HeadFields t={t} values={values} errors={errors} />
        <DateTimeFields
          t={t}
          m={c.get('m')}
          legend={t.events.start}
          prefix="start"
          values={values}
          errors={errors}
        />
        <DateTimeFields
          t={t}
          m={c.get('m')}
          legend={t.events.end}
          prefix="end"
          values={values}
          errors={errors}
        />
        <TextField
          name="location"
          label={t.events.location}
          value={values.location}
          error={errors.location}
        />
        <SelectField
          name="municipalityCode"
          label={t.events.municipality}
          placeholder={t.events.noMunicipality}
          value={values.municipalityCode}
          error={errors.municipalityCode}
          options={municipalities.map((m) => ({ value: String(m.code), label: m.name }))}
        />
        <TextField
          name="onlineUrl"
          label={t.events.onlineUrl}
          hint={t.events.onlineUrlHint}
          value={values.onlineUrl}
          error={errors.onlineUrl}
        />
        <Checkboxes
          name="targetGroups"
          legend={t.events.targetGroups}
          hint={t.events.targetGroupsHint}
          options={targetGroupOptions(t)}
          checked={(values.targetGroups ?? '').split(',')}
          error={errors.targetGroups}
        />
        <BodyField t={t} values={values} errors={errors} />
      </>
    ),
    buttons: <PublishButtons t={t} published={event?.isPublic ?? false} />,
  });
}

function formValuesOf(e: EventDetail): FormValues {
  const start = instantToDanishTime(e.startsAt);
  const end = instantToDanishTime(e.endsAt);
  return {
    organisationId: e.organisationId,
    lang: e.lang,
    title: e.title,
    summary: e.summary,
    body: e.body,
    startDate: start.date,
    startTime: start.time,
    endDate: end.date,
    endTime: end.time,
    location: e.location,
    municipalityCode: e.municipalityCode === null ? '' : String(e.municipalityCode),
    onlineUrl: e.onlineUrl ?? '',
    targetGroups: e.targetGroups.join(','),
  };
}

const editableEvent = (c: AppContext): Promise<EventDetail> =>
  eventToEdit(c.get('deps').db, callerOf(c), c.req.param('slug') ?? '', c.get('deps').clock());

export function registerEventPages(app: Hono<AppEnv>): void {
  registerCalendars(app);
  onPage(app, 'GET', 'eventsNew', (c) =>
    eventFormPage(c, { values: newItemValues(c), errors: {}, status: 200 }),
  );
  onPage(app, 'POST', 'eventsNew', (c) =>
    saveFromForm(c, {
      schema: eventForm,
      save: (input, editor, now) => createEvent(c.get('deps').db, editor, input, now),
      render: (values, errors, status) => eventFormPage(c, { values, errors, status }),
      itemHref: (slug) => eventHref(c.get('lang'), slug),
    }),
  );
  onPage(app, 'GET', 'events', listPage);
  onPage(app, 'GET', 'event', itemPage);
  onPage(app, 'GET', 'eventEdit', async (c) => {
    const event = await editableEvent(c);
    return eventFormPage(c, { event, values: formValuesOf(event), errors: {}, status: 200 });
  });
  onPage(app, 'POST', 'eventEdit', async (c) => {
    const event = await editableEvent(c);
    return saveFromForm(c, {
      schema: eventForm,
      save: (input, editor, now) => updateEvent(c.get('deps').db, editor, event.slug, input, now),
      render: (values, errors, status) => eventFormPage(c, { event, values, errors, status }),
      itemHref: (slug) => eventHref(c.get('lang'), slug),
    });
  });
}
