import type { Child } from 'hono/jsx';

/**
 * A table that may be wider than a phone: it scrolls sideways in a region of its own instead of
 * widening the page (DKFDS table--responsive-scroll). The region is a named section that takes
 * focus, so a keyboard user can scroll it and a screen reader announces what it holds.
 */
export function ScrollingTable({
  label,
  class: extraClass,
  children,
}: {
  label: string;
  /** Classes the surrounding layout gives the region (a chart's data column, say). */
  class?: string;
  children: Child;
}) {
  const classes = extraClass ? `table--responsive-scroll ${extraClass}` : 'table--responsive-scroll';
  return (
    <section class={classes} aria-label={label} tabindex={0}>
      {children}
    </section>
  );
}
