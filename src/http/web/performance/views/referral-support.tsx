import type { ReferralSupport } from '../../../../domain/referrals/figures.ts';
import { num, type View } from './figures.tsx';

/** The referrals that led to a company joining an activity: beside the account, not in it. */
export function ReferralSupportSection({ v, referrals }: { v: View; referrals: ReferralSupport }) {
  const { t, lang } = v;
  return (
    <section aria-labelledby="referrals-heading">
      <h2 id="referrals-heading">{t.referrals.heading}</h2>
      <p>{t.referrals.intro}</p>
      <dl class="summary-list">
        <dt>{t.referrals.joined}</dt>
        <dd>{num(referrals.joined, lang)}</dd>
        <dt>{t.referrals.confirmed}</dt>
        <dd>{num(referrals.confirmed, lang)}</dd>
      </dl>
    </section>
  );
}
