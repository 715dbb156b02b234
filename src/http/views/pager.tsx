/** Previous and next links of a paged list, with "page n of m"; nothing for a single page. */
export function Pager(p: {
  page: number;
  pages: number;
  link: (page: number) => string;
  label: string;
  previous: string;
  next: string;
}) {
  if (p.pages <= 1) return null;
  return (
    <nav class="mt-6" aria-label={p.label}>
      <p>{p.label}</p>
      <ul class="nobullet-list inline-list">
        {p.page > 1 && (
          <li>
            <a href={p.link(Math.min(p.page - 1, p.pages))}>{p.previous}</a>
          </li>
        )}
        {p.page < p.pages && (
          <li>
            <a href={p.link(p.page + 1)}>{p.next}</a>
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
