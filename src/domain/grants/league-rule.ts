/**
 * The league rule of the cluster programme (seed 000, docs/grants.md): a cluster's league decides
 * which level of government is its responsible funder. World-class clusters: the ministry
 * (national); clusters of regional importance: the regions or the national board (Danmarks
 * Erhvervsfremmebestyrelse, national); small and emerging clusters: the municipalities.
 */
import type { clusterLeague, funderLevel, grantSource } from '../../db/schema/index.ts';

export type League = (typeof clusterLeague.enumValues)[number];
export type FunderLevel = (typeof funderLevel.enumValues)[number];
export type GrantSource = (typeof grantSource.enumValues)[number];

const RESPONSIBLE_LEVELS: Record<League, readonly FunderLevel[]> = {
  world_class: ['national'],
  regional: ['regional', 'national'],
  emerging: ['municipal'],
};

/** Whether a funder of this level may be the responsible funder of a cluster of this league without an override. */
export const followsLeagueRule = (league: League, level: FunderLevel): boolean =>
  RESPONSIBLE_LEVELS[league].includes(level);

/** The budget a level of government usually pays from: the form's default and the migration's rule. */
export const usualSource = (level: FunderLevel): GrantSource =>
  level === 'national'
    ? 'finance_act'
    : level === 'regional'
      ? 'regional_development_funds'
      : 'municipal_budget';
