import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { GLOSSARY, nameOf, namesOf } from './glossary.ts';

/** The tables of docs/glossary.md: group (from the heading's `code`) → code → Danish and English. */
function documentedGlossary(): Record<string, Record<string, { da: string; en: string }>> {
  const text = readFileSync(new URL('../../docs/glossary.md', import.meta.url), 'utf8');
  const out: Record<string, Record<string, { da: string; en: string }>> = {};
  let group: Record<string, { da: string; en: string }> | null = null;
  for (const line of text.split('\n')) {
    const heading = /^## .*\(`(\w+)`\)$/.exec(line);
    if (heading?.[1]) {
      group = {};
      out[heading[1]] = group;
      continue;
    }
    // A row's cells may be padded to align the table.
    const row = /^\| `(\w+)` +\| (.+?) *\| (.+?) *\|$/.exec(line);
    if (row && group) group[row[1] as string] = { da: row[2] as string, en: row[3] as string };
  }
  return out;
}

describe('the glossary', () => {
  it('is the same in docs/glossary.md and in the code, group by group and code by code', () => {
    expect(documentedGlossary()).toEqual(GLOSSARY);
  });

  it('gives one name to one thing: no two codes of a group share a name', () => {
    for (const [group, entries] of Object.entries(GLOSSARY))
      for (const lang of ['da', 'en'] as const) {
        const names = Object.values(entries).map((t: { da: string; en: string }) => t[lang]);
        expect(new Set(names).size, `${group} (${lang})`).toBe(names.length);
      }
  });

  it('names a code in each language and leaves an unknown code as it is', () => {
    expect(nameOf('league', 'world_class', 'da')).toBe('Klynger i verdensklasse');
    expect(nameOf('league', 'world_class', 'en')).toBe('World-class clusters');
    expect(nameOf('concept', 'performance_account', 'da')).toBe('Performanceregnskab');
    expect(nameOf('activityCategory', 'made_up', 'da')).toBe('made_up');
    expect(namesOf('labelLevel', 'da')).toEqual({ gold: 'Guld', silver: 'Sølv', bronze: 'Bronze' });
  });
});
