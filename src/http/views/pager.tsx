/**
 * Previous and next links of a paged list, with "page n of m" (`status`); nothing for a single
 * page. `label` names the navigation for screen readers when it should say more than the status.
 * A page past the last links back to the last one.
 */
export function Pager(p: {
  page: number;
  pages: number;
  link: (page: number) => string;
  status: string;
  label?: string;
  previous: string;
  next: string;
}) {
  if (p.pages <= 1) return null;
  return (
    <nav class="pager" aria-label={p.label ?? p.status}>
      <p>{p.status}</p>
      <ul class="nobullet-list inline-list">
        {p.page > 1 && (
          <li>
            <a href={p.link(Math.min(p.page - 1, p.pages))} rel="prev">
              {p.previous}
            </a>
          </li>
        )}
        {p.page < p.pages && (
          <li>
            <a href={p.link(p.page + 1)} rel="next">
              {p.next}
            </a>
          </li>
        )}
      </ul>
    </nav>
  );
}

/** The query string of a list page: the filters set, and the page when not the first. */
export function queryOf(
  f: Record<string, string | number | undefined>,
  page: number,
): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [k, v] of Object.entries(f)) if (v !== undefined && k !== 'page') out[k] = String(v);
  if (page > 1) out.page = String(page);
  return out;
}
