import { readFileSync } from 'node:fs';

/**
 * The 98 municipalities and 5 regions from the reference files shipped in src/reference (the
 * same data the migrations load), for validation and labels without a database round trip.
 */
export interface Municipality {
  code: number;
  name: string;
  regionCode: number;
}
export interface Region {
  code: number;
  name: string;
  nameEn: string;
}

function readCsv(file: string): string[][] {
  const text = readFileSync(new URL(`../../reference/${file}`, import.meta.url), 'utf8');
  // The reference files are plain: no quoted fields, no embedded commas.
  return text
    .trim()
    .split('\n')
    .slice(1)
    .map((line) => line.trim().split(','));
}

export const MUNICIPALITIES: readonly Municipality[] = readCsv('municipalities.csv').map(
  ([code, name, region]) => ({
    code: Number(code),
    name: name ?? '',
    regionCode: Number(region),
  }),
);

export const REGIONS: readonly Region[] = readCsv('regions.csv').map(([code, name, nameEn]) => ({
  code: Number(code),
  name: name ?? '',
  nameEn: nameEn ?? '',
}));

export const MUNICIPALITY_CODES: ReadonlySet<number> = new Set(MUNICIPALITIES.map((m) => m.code));
export const REGION_CODES: ReadonlySet<number> = new Set(REGIONS.map((r) => r.code));

export function regionName(code: number, lang: 'da' | 'en'): string {
  const region = REGIONS.find((r) => r.code === code);
  return region ? (lang === 'da' ? region.name : region.nameEn) : String(code);
}
