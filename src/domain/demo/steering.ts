import type { Tx } from '../../db/client.ts';
import { supportSteeringContributions } from '../../db/schema/index.ts';
import { slugFromTitle } from '../content/slug.ts';
import { organisationId } from './organisations.ts';

/**
 * The support function's steering group in the demo (seed 002): the ministry pays 2.6 mio. kr. a
 * year and the five regions 2.4 mio. kr. between them. The even split between the regions is
 * invented for the demo.
 */
const MINISTRY = 'Uddannelses- og Forskningsministeriet';
const REGIONS = [
  'Region Nordjylland',
  'Region Midtjylland',
  'Region Syddanmark',
  'Region Hovedstaden',
  'Region Sjælland',
];
const YEARS = [2026, 2027];

/** The steering group's contributions; returns how many. */
export async function insertDemoSteeringGroup(tx: Tx): Promise<number> {
  const rows = YEARS.flatMap((year) => [
    { funderId: organisationId(slugFromTitle(MINISTRY)), year, amountDkk: 2_600_000 },
    ...REGIONS.map((r) => ({
      funderId: organisationId(slugFromTitle(r)),
      year,
      amountDkk: 2_400_000 / REGIONS.length,
    })),
  ]);
  await tx.insert(supportSteeringContributions).values(rows);
  return rows.length;
}
