/**
 * The controlled list of cluster themes: the business and technology areas
 * ("erhvervs- og teknologiområder") a cluster works in. Clusters store theme keys, so the
 * catalogue can filter by theme and show the label in either language.
 */
export const THEMES = [
  { key: 'energy', da: 'Energi', en: 'Energy' },
  { key: 'environment', da: 'Miljø og cirkulær økonomi', en: 'Environment and circular economy' },
  { key: 'food', da: 'Fødevarer og bioressourcer', en: 'Food and bio-resources' },
  { key: 'maritime', da: 'Maritim og logistik', en: 'Maritime and logistics' },
  { key: 'life_science', da: 'Life science og sundhed', en: 'Life science and health' },
  { key: 'welfare_technology', da: 'Velfærdsteknologi', en: 'Welfare technology' },
  { key: 'construction', da: 'Byggeri', en: 'Construction' },
  { key: 'manufacturing', da: 'Produktion', en: 'Manufacturing' },
  { key: 'digital', da: 'Digitale teknologier', en: 'Digital technologies' },
  { key: 'robotics', da: 'Robotter, automation og droner', en: 'Robotics, automation and drones' },
  { key: 'lifestyle_design', da: 'Livsstil og design', en: 'Lifestyle and design' },
  { key: 'sound', da: 'Lydteknologi', en: 'Sound technology' },
  { key: 'tourism', da: 'Turisme og oplevelsesøkonomi', en: 'Tourism and experience economy' },
  { key: 'water', da: 'Vand', en: 'Water' },
  { key: 'materials', da: 'Materialer og kemi', en: 'Materials and chemistry' },
  { key: 'mobility', da: 'Transport og mobilitet', en: 'Transport and mobility' },
  { key: 'creative', da: 'Kreative erhverv', en: 'Creative industries' },
] as const;

export type Theme = (typeof THEMES)[number];
export type ThemeKey = Theme['key'];

const THEME_KEYS: ReadonlySet<string> = new Set(THEMES.map((t) => t.key));

export function isThemeKey(value: string): value is ThemeKey {
  return THEME_KEYS.has(value);
}

export function themeLabel(key: ThemeKey, locale: 'da' | 'en'): string {
  const theme = THEMES.find((t) => t.key === key);
  return theme ? theme[locale] : key;
}

/** A stored theme key in words; a key no longer in the list (a retired theme) as it is. */
export const themeText = (key: string, locale: 'da' | 'en'): string =>
  isThemeKey(key) ? themeLabel(key, locale) : key;
