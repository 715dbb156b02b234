import { THEMES } from '../../../../domain/catalogue/themes.ts';
import type { PracticeSummary } from '../../../../domain/practices/queries.ts';
import { PRACTICE_MODELS, type PracticeFilter } from '../../../../domain/practices/schemas.ts';
import { REGIONS } from '../../../../domain/reference/geography.ts';
import { href, type Lang } from '../../../paths.ts';
import { SelectField } from '../../../views/forms.tsx';
import type { PracticeMessages } from '../messages.ts';
import { CaseListItem } from './case.tsx';

type Shared = { lang: Lang; t: PracticeMessages };

/** The list's filters as a GET form, so a filtered list has an address of its own. */
function FilterForm(p: Shared & { filter: PracticeFilter }) {
  const { lang, t, filter } = p;
  return (
    <form method="get" action={href('practices', lang)} class="mb-6">
      <fieldset>
        <legend class="h3">{t.filter}</legend>
        <SelectField
          name="model"
          label={t.model}
          placeholder={t.all}
          value={filter.model ?? ''}
          options={PRACTICE_MODELS.map((k) => ({ value: k, label: t.modelNames[k] }))}
        />
        <SelectField
          name="region"
          label={t.regions}
          placeholder={t.all}
          value={filter.region ? String(filter.region) : ''}
          options={REGIONS.map((r) => ({ value: String(r.code), label: lang === 'en' ? r.nameEn : r.name }))}
        />
        <SelectField
          name="theme"
          label={t.themes}
          placeholder={t.all}
          value={filter.theme ?? ''}
          options={THEMES.map((th) => ({ value: th.key, label: th[lang] }))}
        />
        <button type="submit" class="button button-secondary">
          {t.show}
        </button>
      </fieldset>
    </form>
  );
}

/** Free text goes to the portal's search, narrowed to the cases. */
function SearchForm({ lang, t }: Shared) {
  return (
    <form method="get" action={href('search', lang)} class="mb-6">
      <input type="hidden" name="type" value="practice" />
      <div class="form-group">
        <label class="form-label" for="practice-q">
          {t.searchLabel}
        </label>
        <input class="form-input" id="practice-q" name="q" type="search" />
      </div>
      <button type="submit" class="button button-secondary">
        {t.searchButton}
      </button>
    </form>
  );
}

/** The public catalogue; proposers see their own proposals and the way to propose, reviewers the queue. */
export function PracticeListView(
  p: Shared & {
    items: PracticeSummary[];
    filter: PracticeFilter;
    own: PracticeSummary[];
    mayPropose: boolean;
    mayReview: boolean;
  },
) {
  const { lang, t } = p;
  return (
    <>
      <h1>{t.title}</h1>
      <p class="font-lead">{t.lead}</p>
      {(p.mayPropose || p.mayReview) && (
        <p>
          {p.mayPropose && (
            <a class="button button-secondary mr-4" href={href('practiceNew', lang)}>
              {t.propose}
            </a>
          )}
          {p.mayReview && <a href={href('practiceReview', lang)}>{t.review}</a>}
        </p>
      )}
      <SearchForm lang={lang} t={t} />
      <FilterForm filter={p.filter} lang={lang} t={t} />
      <h2>{t.count(p.items.length)}</h2>
      {p.items.length === 0 ? (
        <p>{t.none}</p>
      ) : (
        <ul class="nobullet-list">
          {p.items.map((item) => (
            <CaseListItem item={item} lang={lang} t={t} />
          ))}
        </ul>
      )}
      {p.own.length > 0 && (
        <section class="mt-8">
          <h2>{t.yourProposals}</h2>
          <ul class="nobullet-list">
            {p.own.map((item) => (
              <CaseListItem item={item} lang={lang} t={t} showStatus />
            ))}
          </ul>
        </section>
      )}
    </>
  );
}
