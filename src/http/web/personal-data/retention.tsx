import { RETENTION_PERIODS, type RetentionKind } from '../../../domain/personal-data/retention.ts';
import type { Lang } from '../../paths.ts';
import { personalDataMessages } from './messages.ts';

/** Each retention period, from the rules the daily job applies: the privacy page's section. */
export function RetentionPeriods({ lang }: { lang: Lang }) {
  const t = personalDataMessages(lang).retention;
  return (
    <>
      <h2>{t.heading}</h2>
      <p>{t.intro}</p>
      <ul>
        {(Object.keys(RETENTION_PERIODS) as RetentionKind[]).map((kind) => (
          <li>{t.kinds[kind](RETENTION_PERIODS[kind])}</li>
        ))}
      </ul>
    </>
  );
}
