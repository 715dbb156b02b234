import { type CallDates, callTimeline } from '../../../../domain/calls/timeline.ts';
import { formatDate } from '../../../../domain/reference/danish.ts';
import type { Lang } from '../../../paths.ts';
import { formatDayAndTime, Time } from '../../content/format.tsx';
import { type CallPageMessages, callPageMessages } from '../messages.ts';

/** "1. marts 2027 kl. 12.00 (dansk tid)" */
export function DanishTime({ t, at, lang }: { t: CallPageMessages; at: Date; lang: Lang }) {
  return <Time at={at} text={`${formatDayAndTime(at, lang)} (${t.danishTime})`} />;
}

const STATE_BADGE = { passed: 'badge', next: 'badge badge-info', later: '' } as const;

/**
 * The call's phases in order with their dates (the application deadline with its time), the
 * passed ones and the next one marked; on the public call page and the owner's processing page.
 */
export function CallTimeline({ call, lang, now }: { call: CallDates; lang: Lang; now: Date }) {
  const t = callPageMessages(lang);
  const steps = callTimeline(call, now);
  return (
    <section aria-labelledby="call-timeline">
      <h2 id="call-timeline">{t.timeline}</h2>
      <ol class="call-timeline">
        {steps.map((step) => (
          <li class={`call-timeline-step call-timeline-${step.state}`}>
            <strong>{t.timelinePhases[step.phase]}</strong>:{' '}
            {step.at ? (
              <DanishTime t={t} at={step.at} lang={lang} />
            ) : (
              <time datetime={step.day}>{formatDate(step.day, lang)}</time>
            )}
            {step.state !== 'later' && (
              <>
                {' '}
                <span class={STATE_BADGE[step.state]}>{t.timelineStates[step.state]}</span>
              </>
            )}
          </li>
        ))}
      </ol>
    </section>
  );
}
