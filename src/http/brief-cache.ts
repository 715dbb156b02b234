import type { Deps } from '../deps.ts';

/**
 * A value shared by every request of one app for `ttlMs`: for figures that every visitor sees
 * and that need not be fresher than that (the front page's programme totals, the demo-data
 * notice). A failed read is not kept.
 */
export function briefly<T>(ttlMs: number, produce: (deps: Deps) => Promise<T>): (deps: Deps) => Promise<T> {
  const cache = new WeakMap<Deps, { at: number; value: Promise<T> }>();
  return (deps) => {
    const now = Date.now();
    const hit = cache.get(deps);
    if (hit && now - hit.at < ttlMs) return hit.value;
    const value = produce(deps);
    cache.set(deps, { at: now, value });
    value.catch(() => {
      if (cache.get(deps)?.value === value) cache.delete(deps);
    });
    return value;
  };
}
