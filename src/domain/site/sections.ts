/**
 * The sections of the site a person may use, in the order the navigation lists them. Built from
 * the policy, so the navigation shows what a role may use and no view decides it by role.
 */
import { clustersWorkedFor } from '../catalogue/policy.ts';
import { can, type Principal } from '../policy/policy.ts';
import { usesSurveys } from '../surveys/policy.ts';

export const SECTIONS = [
  'home',
  'clusters',
  'landscape',
  'results',
  'clusterForum',
  'labels',
  'news',
  'events',
  'calls',
  'search',
  'workspace',
  'coordination',
  'surveys',
  'notifications',
  'account',
  'admin',
  'login',
] as const;
export type Section = (typeof SECTIONS)[number];

const everyone = () => true;

const mayUse: Record<Section, (p: Principal | null) => boolean> = {
  home: everyone,
  clusters: everyone,
  landscape: everyone,
  results: everyone,
  clusterForum: everyone,
  labels: everyone,
  news: everyone,
  events: everyone,
  calls: everyone,
  search: everyone,
  // The workspace page opens for anyone signed in; it is offered to those who work for a cluster.
  workspace: (p) => clustersWorkedFor(p).length > 0,
  coordination: (p) => can(p, 'coordination.view'),
  surveys: usesSurveys,
  notifications: (p) => can(p, 'notifications.view'),
  account: (p) => can(p, 'account.view'),
  admin: (p) => can(p, 'admin.view'),
  login: (p) => p === null,
};

/** The sections `p` may use (a visitor when null), in navigation order. */
export function sectionsFor(p: Principal | null): Section[] {
  return SECTIONS.filter((s) => mayUse[s](p));
}
