import type { Child } from 'hono/jsx';

/**
 * A table that may be wider than a phone: it scrolls sideways in a region of its own instead of
 * widening the page (DKFDS table--responsive-scroll). The region is a named section that takes
 * focus, so a keyboard user can scroll it and a screen reader announces what it holds.
 */
export function ScrollingTable({ label, children }: { label: string; children: Child }) {
  return (
    <section class="table--responsive-scroll" aria-label={label} tabindex={0}>
      {children}
    </section>
  );
}
