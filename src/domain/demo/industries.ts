import { isValidDb07Code } from '../reference/identifiers.ts';
import type { Random } from './random.ts';

/**
 * DB07 codes the synthetic companies are drawn from: real codes across the sections where
 * cluster participants are found, so stronghold matching and section labels look realistic.
 */
const DB07_CATALOGUE: readonly string[] = [
  // A-B: agriculture, fishing, extraction
  '011100 014100 014600 016100 031100 032200 061000',
  // C: manufacturing
  '101100 101300 102000 105100 107100 108900 110500 110700',
  '131000 139200 141300 143900 151200 161000 171200 181200',
  '201400 201600 202000 203000 211000 212000 222100 222200 222900',
  '231900 236100 241000 244200 251100 256200 257300 259900',
  '261100 263000 264000 265100 266000 267000 271100 273200 279000',
  '281100 281300 281400 282200 282900 283000 284100 289200 289900',
  '291000 293200 301100 303000 310100 310900 325000 329900 331200 332000',
  // D-F: energy, water, waste, construction
  '351100 351300 353000 360000 370000 381100 382100 383200 390000',
  '411000 412000 421100 422100 429900 431200 432100 432200 433200 439900',
  // G-I: trade, transport, hospitality
  '452000 461400 463300 464900 466900 467300 471100 477100',
  '494100 501000 502000 521000 522200 522900 551000 553000 561010 563000',
  // J-N: information, finance, consultancy, research
  '581900 582900 592000 620100 620200 620300 631100 639900 649900 682040',
  '692000 702200 711100 711200 712000 721100 721900 731100 741000 749000',
  '791100 812100 829900',
  // Q-S: health, care, culture
  '862100 869000 881000 900400 932100 949900',
]
  .join(' ')
  .split(' ');

const matchesAny = (code: string, prefixes: readonly string[]) => prefixes.some((p) => code.startsWith(p));

/**
 * Draws industry codes inside or outside a cluster's stronghold prefixes. A prefix without a
 * catalogue code is padded with zeros (e.g. '7410' → '741000'), which is a real code for the
 * prefixes the demo uses.
 */
export function createIndustryPicker(strongholds: readonly string[]) {
  const inside = DB07_CATALOGUE.filter((c) => matchesAny(c, strongholds));
  for (const prefix of strongholds) {
    const padded = prefix.padEnd(6, '0');
    if (!inside.some((c) => c.startsWith(prefix)) && isValidDb07Code(padded)) inside.push(padded);
  }
  const outside = DB07_CATALOGUE.filter((c) => !matchesAny(c, strongholds));
  return {
    inside: (random: Random) => random.pick(inside),
    outside: (random: Random) => random.pick(outside),
  };
}

export { matchesAny as isInStronghold };
