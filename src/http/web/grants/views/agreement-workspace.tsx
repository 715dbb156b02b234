import type { ClusterGrant } from '../../../../domain/grants/agreements.ts';
import type { GrantFacts } from '../../../../domain/grants/grant-facts.ts';
import { formatAmount } from '../../../i18n/index.ts';
import { pageHref } from '../../../paths.ts';
import { type Chrome, CsrfField } from '../../../views/layout.tsx';
import { ScrollingTable } from '../../../views/table.tsx';
import type { AgreementMessages } from '../agreement.messages.ts';

type View = { ch: Chrome; t: AgreementMessages };

/** The cluster's grants: funder, year, amount, the agreement's state and what has been paid. */
export function ClusterGrantTable({ v, grants }: { v: View; grants: ClusterGrant[] }) {
  const { ch, t } = v;
  if (grants.length === 0) return <p>{t.noGrants}</p>;
  const several = new Set(grants.map((g) => g.clusterName)).size > 1;
  return (
    <ScrollingTable label={t.workspaceCaption}>
      <table class="table table--compact">
        <caption>{t.workspaceCaption}</caption>
        <thead>
          <tr>
            <th scope="col">{t.year}</th>
            {several && <th scope="col">{t.cluster}</th>}
            <th scope="col">{t.funder}</th>
            <th scope="col">{t.amount}</th>
            <th scope="col">{t.agreement}</th>
            <th scope="col">{t.paidSoFar}</th>
          </tr>
        </thead>
        <tbody>
          {grants.map((g) => (
            <tr>
              <td>{g.year}</td>
              {several && <td>{g.clusterName}</td>}
              <td>
                <a href={pageHref('workspaceGrant', ch.lang, { id: g.id })}>{g.funderName}</a>
              </td>
              <td class="results-number">{formatAmount(g.amountDkk, ch.lang)}</td>
              <td>{t.statuses[g.agreementStatus ?? 'none']}</td>
              <td class="results-number">{formatAmount(g.paidDkk, ch.lang)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </ScrollingTable>
  );
}

/** The way to the confirmation page, when the agreement waits for the cluster's acceptance. */
export function AcceptLink({ v, g }: { v: View; g: GrantFacts }) {
  if (!g.may.accept) return null;
  return (
    <p>
      <a class="button button-primary" href={pageHref('workspaceGrantAccept', v.ch.lang, { id: g.id })}>
        {v.t.accept}
      </a>
    </p>
  );
}

/** Check, then accept: the confirmation's button and the way back. */
export function AcceptForm({ v, g }: { v: View; g: GrantFacts }) {
  const { ch, t } = v;
  return (
    <form method="post" action={pageHref('workspaceGrantAccept', ch.lang, { id: g.id })}>
      <CsrfField token={ch.csrfToken} />
      <button type="submit" class="button button-primary">
        {t.acceptNow}
      </button>
      <p>
        <a href={pageHref('workspaceGrant', ch.lang, { id: g.id })}>{t.cancel}</a>
      </p>
    </form>
  );
}
