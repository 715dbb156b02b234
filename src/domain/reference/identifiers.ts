/**
 * Danish identifiers used across the platform.
 * CVR: 8 digits, first not 0, weights 2,7,6,5,4,3,2,1, weighted digit sum divisible by 11.
 * DB07: 6-digit Danish industry code; its first two digits are a NACE rev. 2 division.
 */
const CVR_WEIGHTS = [2, 7, 6, 5, 4, 3, 2, 1] as const;

export function isValidCvr(value: string): boolean {
  if (!/^[1-9][0-9]{7}$/.test(value)) return false;
  let sum = 0;
  for (let i = 0; i < 8; i++) sum += Number(value[i]) * (CVR_WEIGHTS[i] as number);
  return sum % 11 === 0;
}

/** Completes 7 leading digits (first not 0) to a valid CVR, or returns null when no check digit fits. */
export function completeCvr(first7: string): string | null {
  if (!/^[1-9][0-9]{6}$/.test(first7)) throw new Error(`expected 7 digits, got ${first7}`);
  let sum = 0;
  for (let i = 0; i < 7; i++) sum += Number(first7[i]) * (CVR_WEIGHTS[i] as number);
  const check = (11 - (sum % 11)) % 11;
  return check === 10 ? null : `${first7}${check}`;
}

/** NACE rev. 2 divisions (first two digits of a DB07 code), by section A-U. */
export const DB07_SECTIONS: ReadonlyArray<{ section: string; from: number; to: number }> = [
  { section: 'A', from: 1, to: 3 },
  { section: 'B', from: 5, to: 9 },
  { section: 'C', from: 10, to: 33 },
  { section: 'D', from: 35, to: 35 },
  { section: 'E', from: 36, to: 39 },
  { section: 'F', from: 41, to: 43 },
  { section: 'G', from: 45, to: 47 },
  { section: 'H', from: 49, to: 53 },
  { section: 'I', from: 55, to: 56 },
  { section: 'J', from: 58, to: 63 },
  { section: 'K', from: 64, to: 66 },
  { section: 'L', from: 68, to: 68 },
  { section: 'M', from: 69, to: 75 },
  { section: 'N', from: 77, to: 82 },
  { section: 'O', from: 84, to: 84 },
  { section: 'P', from: 85, to: 85 },
  { section: 'Q', from: 86, to: 88 },
  { section: 'R', from: 90, to: 93 },
  { section: 'S', from: 94, to: 96 },
  { section: 'T', from: 97, to: 98 },
  { section: 'U', from: 99, to: 99 },
];

export function db07Section(code: string): string | null {
  if (!/^[0-9]{2,6}$/.test(code)) return null;
  const division = Number(code.slice(0, 2));
  return DB07_SECTIONS.find((s) => division >= s.from && division <= s.to)?.section ?? null;
}

/** A full DB07 code: 6 digits whose division exists. */
export function isValidDb07Code(value: string): boolean {
  return /^[0-9]{6}$/.test(value) && db07Section(value) !== null;
}

/** A stronghold prefix: 2-6 digits starting with an existing division. */
export function isValidDb07Prefix(value: string): boolean {
  return /^[0-9]{2,6}$/.test(value) && db07Section(value) !== null;
}

export function isValidMunicipalityCode(value: number, known: ReadonlySet<number>): boolean {
  return Number.isInteger(value) && known.has(value);
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** Whether an id from a path or form is a UUID at all: anything else is no row, not a database error. */
export const isUuid = (id: string): boolean => UUID.test(id);
