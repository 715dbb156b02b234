import type { Funder, Portfolio, PortfolioGrant } from '../../../../domain/grants/queries.ts';
import { GRANT_SOURCES } from '../../../../domain/grants/schemas.ts';
import { formatAmount, formatNumber } from '../../../i18n/index.ts';
import { href, type Lang, pageHref } from '../../../paths.ts';
import {
  Checkboxes,
  type FieldErrors,
  SelectField,
  TextAreaField,
  TextField,
} from '../../../views/forms.tsx';
import { type Chrome, CsrfField } from '../../../views/layout.tsx';
import { ScrollingTable } from '../../../views/table.tsx';
import { agreementMessages } from '../agreement.messages.ts';
import type { GrantMessages } from '../messages.ts';

type View = { ch: Chrome; t: GrantMessages };

/** The funders whose grants the person keeps, each linking to its portfolio. */
export function FunderList({ v, funders }: { v: View; funders: Funder[] }) {
  const { ch, t } = v;
  if (funders.length === 0) return <p>{t.noFunders}</p>;
  return (
    <ScrollingTable label={t.fundersCaption}>
      <table class="table table--zebra">
        <caption>{t.fundersCaption}</caption>
        <thead>
          <tr>
            <th scope="col">{t.funder}</th>
            <th scope="col">{t.level}</th>
          </tr>
        </thead>
        <tbody>
          {funders.map((f) => (
            <tr>
              <td>
                <a href={pageHref('grantsFunder', ch.lang, { slug: f.slug })}>{f.name}</a>
              </td>
              <td>{t.levels[f.level]}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </ScrollingTable>
  );
}

export function TotalsTable({ p, lang, t }: { p: Portfolio; lang: Lang; t: GrantMessages }) {
  return (
    <ScrollingTable label={t.totalsCaption(p.funder.name)}>
      <table class="table table--compact">
        <caption>{t.totalsCaption(p.funder.name)}</caption>
        <thead>
          <tr>
            <th scope="col">{t.year}</th>
            <th scope="col">{t.clusters}</th>
            <th scope="col">{t.total}</th>
          </tr>
        </thead>
        <tbody>
          {p.totals.map((y) => (
            <tr>
              <th scope="row">{y.year}</th>
              <td class="results-number">{formatNumber(y.clusters, lang)}</td>
              <td class="results-number">{formatAmount(y.amountDkk, lang)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </ScrollingTable>
  );
}

function RemoveButton({ v, slug, g }: { v: View; slug: string; g: PortfolioGrant }) {
  const { ch, t } = v;
  return (
    <form method="post" action={pageHref('grantsFunderRemove', ch.lang, { slug })}>
      <CsrfField token={ch.csrfToken} />
      <input type="hidden" name="grantId" value={g.id} />
      <button type="submit" class="button button-secondary button-small">
        {t.remove}
        <span class="sr-only">{t.removeWhich(g.clusterName, g.year)}</span>
      </button>
    </form>
  );
}

/** Every grant of the portfolio, newest year first, with its responsibility and a remove button. */
export function GrantTable({ v, p }: { v: View; p: Portfolio }) {
  const { ch, t } = v;
  return (
    <ScrollingTable label={t.grantsCaption(p.funder.name)}>
      <table class="table table--compact">
        <caption>{t.grantsCaption(p.funder.name)}</caption>
        <thead>
          <tr>
            <th scope="col">{t.year}</th>
            <th scope="col">{t.cluster}</th>
            <th scope="col">{t.league}</th>
            <th scope="col">{t.amount}</th>
            <th scope="col">{t.source}</th>
            <th scope="col">{t.responsible}</th>
            <th scope="col">{t.actions}</th>
          </tr>
        </thead>
        <tbody>
          {p.grants.map((g) => (
            <tr>
              <td>{g.year}</td>
              <td>
                <a href={pageHref('grantsCluster', ch.lang, { slug: g.clusterSlug })}>{g.clusterName}</a>
              </td>
              <td>{t.leagues[g.league]}</td>
              <td class="results-number">{formatAmount(g.amountDkk, ch.lang)}</td>
              <td>{t.sources[g.source]}</td>
              <td>
                {g.responsible ? t.yes : t.no}
                {g.overrideReason && <div class="form-hint">{t.override(g.overrideReason)}</div>}
              </td>
              <td>
                <p>
                  <a href={pageHref('grant', ch.lang, { id: g.id })}>
                    {agreementMessages(ch.lang).open}
                    <span class="sr-only">{agreementMessages(ch.lang).openWhich(g.clusterName, g.year)}</span>
                  </a>
                </p>
                <RemoveButton v={v} slug={p.funder.slug} g={g} />
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </ScrollingTable>
  );
}

/** The form that registers a grant, or corrects the one of the same cluster and year. */
export function GrantForm(p: {
  v: View;
  portfolio: Portfolio;
  values: Record<string, string>;
  errors: FieldErrors;
}) {
  const { ch, t } = p.v;
  const { values: v, errors } = p;
  return (
    <form
      method="post"
      action={pageHref('grantsFunder', ch.lang, { slug: p.portfolio.funder.slug })}
      novalidate
    >
      <CsrfField token={ch.csrfToken} />
      <SelectField
        name="clusterId"
        label={t.cluster}
        placeholder={t.choose}
        value={v.clusterId}
        error={errors.clusterId}
        options={p.portfolio.clusters.map((c) => ({
          value: c.id,
          label: `${c.name} (${t.leagues[c.league]})`,
        }))}
      />
      <TextField name="year" label={t.year} value={v.year} error={errors.year} autocomplete="off" />
      <TextField
        name="amountDkk"
        label={t.amount}
        hint={t.amountHint}
        value={v.amountDkk}
        error={errors.amountDkk}
        autocomplete="off"
      />
      <SelectField
        name="source"
        label={t.source}
        placeholder={t.choose}
        value={v.source}
        error={errors.source}
        options={GRANT_SOURCES.map((s) => ({ value: s, label: t.sources[s] ?? s }))}
      />
      <Checkboxes
        name="responsible"
        legend={t.responsibleLegend}
        hint={t.responsibleHint}
        options={[{ value: 'on', label: t.responsibleOption }]}
        checked={v.responsible === 'on' ? ['on'] : []}
        error={errors.responsible}
      />
      <TextAreaField
        name="overrideReason"
        label={t.overrideReason}
        hint={t.overrideReasonHint}
        value={v.overrideReason}
        error={errors.overrideReason}
        rows={2}
      />
      <button type="submit" class="button button-primary">
        {t.save}
      </button>
    </form>
  );
}

export const backToGrants = (ch: Chrome, t: GrantMessages) => (
  <p>
    <a href={href('grants', ch.lang)}>{t.back}</a>
  </p>
);
