import { formatDateTime } from '../i18n/index.ts';
import type { Lang } from '../paths.ts';

/** One status change: when, what (already worded), by whom, and the comment given with it. */
export interface HistoryItem {
  at: Date;
  change: string;
  actorLabel: string;
  comment: string | null;
}

/** A status history, oldest first, folded away in a DKFDS details element. */
export function StatusHistory({
  heading,
  empty,
  by,
  items,
  lang,
}: {
  heading: string;
  empty: string;
  /** "by" before the actor, in the page's language. */
  by: string;
  items: HistoryItem[];
  lang: Lang;
}) {
  return (
    <details class="details">
      <summary class="details-summary">
        <span class="details-summary-text">{heading}</span>
      </summary>
      <div class="details-text">
        {items.length === 0 ? (
          <p>{empty}</p>
        ) : (
          <ol>
            {items.map((e) => (
              <li>
                <time datetime={e.at.toISOString()}>{formatDateTime(e.at, lang)}</time>: {e.change} {by}{' '}
                {e.actorLabel}
                {e.comment && (
                  <>
                    {' '}
                    – <q>{e.comment}</q>
                  </>
                )}
              </li>
            ))}
          </ol>
        )}
      </div>
    </details>
  );
}
