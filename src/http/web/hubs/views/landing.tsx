import type { HubLanding } from '../../../../domain/hubs/landing.ts';
import { regionName } from '../../../../domain/reference/geography.ts';
import type { FigureRow } from '../../../../domain/referrals/figures.ts';
import { formatNumber } from '../../../i18n/index.ts';
import { href, type Lang } from '../../../paths.ts';
import { BarChart, ChartFigure } from '../../../views/chart.tsx';
import { Alert } from '../../../views/forms.tsx';
import { referralMessages } from '../../referrals/messages.ts';
import { ReferralTable } from '../../referrals/views/list.tsx';
import type { HubMessages } from '../messages.ts';
import { ActivityTable } from './activities.tsx';
import { ProposalList } from './joint-events.tsx';

type Shared = { lang: Lang; t: HubMessages };

/** This year's referrals by the referring organisation's region: the figures hubs compare themselves by. */
function FiguresByRegion({ landing, lang, t }: Shared & { landing: HubLanding }) {
  const { figures } = landing;
  const heading = t.figuresHeading(figures.year);
  const label = (row: FigureRow) => (row.key === null ? t.unknownRegion : regionName(Number(row.key), lang));
  const n = (v: number) => formatNumber(v, lang);
  return (
    <section aria-labelledby="figures-heading">
      <h2 id="figures-heading">{heading}</h2>
      {figures.total.sent === 0 ? (
        <p>{t.noFigures(figures.year)}</p>
      ) : (
        <ChartFigure
          id="referrals-by-region"
          caption={heading}
          chart={
            <BarChart
              id="referrals-by-region-chart"
              title={heading}
              desc={t.figuresChartDesc}
              bars={figures.rows.map((row) => ({ label: label(row), value: row.sent }))}
              format={n}
            />
          }
          table={{
            head: [t.region, t.sent, t.accepted],
            rows: figures.rows.map((row) => [label(row), n(row.sent), n(row.accepted)]),
          }}
        />
      )}
      <p>
        <a href={href('referralFigures', lang)}>{t.allFigures}</a>
      </p>
    </section>
  );
}

/** The landing page of a business hub's staff. */
export function HubLandingView({
  landing,
  proposed,
  lang,
  t,
}: Shared & { landing: HubLanding; proposed: boolean }) {
  const region = landing.regionCode === null ? null : regionName(landing.regionCode, lang);
  return (
    <>
      <h1>{t.landingTitle}</h1>
      <p class="font-lead">{t.landingLead(landing.hubName)}</p>
      {proposed && <Alert variant="success">{t.proposedNotice}</Alert>}
      <section aria-labelledby="waiting-heading">
        <h2 id="waiting-heading">{t.waitingHeading}</h2>
        <ReferralTable
          rows={landing.waiting}
          caption={t.waitingHeading}
          lang={lang}
          t={referralMessages(lang)}
        />
        <p>
          <a href={href('referrals', lang)}>{t.allReferrals}</a>
        </p>
      </section>
      <section aria-labelledby="region-activities-heading">
        <h2 id="region-activities-heading">
          {region === null ? t.activitiesTitle : t.regionActivitiesHeading(region)}
        </h2>
        {region === null ? (
          <p>{t.noRegion}</p>
        ) : landing.activities.length === 0 ? (
          <p>{t.none}</p>
        ) : (
          <ActivityTable
            items={landing.activities}
            caption={t.regionActivitiesHeading(region)}
            lang={lang}
            t={t}
          />
        )}
        <p>
          <a
            href={href(
              'hubActivities',
              lang,
              landing.regionCode === null ? {} : { region: String(landing.regionCode) },
            )}
          >
            {t.allActivities}
          </a>
        </p>
      </section>
      <FiguresByRegion landing={landing} lang={lang} t={t} />
      <section aria-labelledby="proposals-heading">
        <h2 id="proposals-heading">{t.proposalsHeading}</h2>
        <p>
          <a class="button button-secondary" href={href('hubJointEventNew', lang)}>
            {t.proposeTitle}
          </a>
        </p>
        <ProposalList proposals={landing.proposals} lang={lang} t={t} />
      </section>
    </>
  );
}
