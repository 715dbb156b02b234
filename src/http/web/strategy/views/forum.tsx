/** Klyngeforum's overview: the five focus areas, each with its initiatives' status and progress. */
import type { FocusArea, InitiativeSummary } from '../../../../domain/strategy/queries.ts';
import { INITIATIVE_STATUSES } from '../../../../domain/strategy/schemas.ts';
import { messages } from '../../../i18n/index.ts';
import { type Lang, pageHref } from '../../../paths.ts';
import { ScrollingTable } from '../../../views/table.tsx';
import type { StrategyMessages } from '../messages.ts';
import { Progress, StatusBadge, summary, title } from './status.tsx';

function InitiativeRow({ i, lang, t }: { i: InitiativeSummary; lang: Lang; t: StrategyMessages }) {
  return (
    <tr>
      <th scope="row">
        <a href={pageHref('initiative', lang, { code: i.code.toLowerCase() })}>
          {i.code}. {title(i, lang)}
        </a>
        <br />
        <span class="form-hint">{summary(i, lang)}</span>
      </th>
      <td>
        <StatusBadge status={i.status} t={t} />
      </td>
      <td>
        <Progress done={i.milestonesDone} total={i.milestonesTotal} t={t} />
      </td>
    </tr>
  );
}

function FocusAreaSection({ a, lang, t }: { a: FocusArea; lang: Lang; t: StrategyMessages }) {
  return (
    <section aria-labelledby={`area-${a.code}`}>
      <h2 id={`area-${a.code}`}>
        {t.focusArea(a.code)}: {title(a, lang)}
      </h2>
      <p>{summary(a, lang)}</p>
      <ScrollingTable label={messages(lang).tableOf(title(a, lang))}>
        <table class="table table--compact">
          <caption class="sr-only">{title(a, lang)}</caption>
          <thead>
            <tr>
              <th scope="col">{t.initiative}</th>
              <th scope="col">{t.statusLabel}</th>
              <th scope="col">{t.milestonesLabel}</th>
            </tr>
          </thead>
          <tbody>
            {a.initiatives.map((i) => (
              <InitiativeRow i={i} lang={lang} t={t} />
            ))}
          </tbody>
        </table>
      </ScrollingTable>
    </section>
  );
}

export function ForumView({ areas, lang, t }: { areas: FocusArea[]; lang: Lang; t: StrategyMessages }) {
  const all = areas.flatMap((a) => a.initiatives);
  const counts = INITIATIVE_STATUSES.map(
    (s) => `${all.filter((i) => i.status === s).length} ${t.status[s].toLowerCase()}`,
  ).join(', ');
  return (
    <>
      <h1>{t.title}</h1>
      <p class="font-lead">{t.lead}</p>
      <p>{t.summary(counts)}</p>
      {areas.map((a) => (
        <FocusAreaSection a={a} lang={lang} t={t} />
      ))}
    </>
  );
}
