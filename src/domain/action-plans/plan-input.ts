/**
 * What a cluster may write in its plan: goals only for known account keys, activities only in
 * the spec's categories, no negative or absurd numbers, counts whole, a narrative of bounded
 * length. Issues name the plan form's fields, so they land where they were typed.
 */
import { AppError, type FieldIssue } from '../errors.ts';
import type { FigureKey } from '../evaluation/figures.ts';
import { type ActivityCategory, GOAL_KEYS, PLAN_CATEGORIES, type PlannedActivity } from './plans.ts';

export const NARRATIVE_MAX = 4000;
export const COMMENT_MAX = 2000;
/** A generous upper bound for a goal, a count or a budget: catches typing errors, not ambition. */
const VALUE_MAX = 1e12;

export interface PlanInput {
  /** Goal per account key; null or absent = no goal. */
  goals: Record<string, number | null | undefined>;
  /** Planned activities per category; a category with neither count nor budget is left out. */
  activities: Record<string, { plannedCount?: number | null; budgetDkk?: number | null }>;
  narrative: string;
}

export interface ValidPlan {
  goals: [FigureKey, number][];
  activities: [ActivityCategory, PlannedActivity][];
  narrative: string;
}

/** Field names as the plan form uses them, so issues land at their field. */
export const goalField = (key: string) => `goal-${key}`;
export const countField = (category: string) => `count-${category}`;
export const budgetField = (category: string) => `budget-${category}`;

function checkNumber(
  issues: FieldIssue[],
  field: string,
  value: number | null | undefined,
  integer: boolean,
): number | null {
  if (value === null || value === undefined) return null;
  if (!Number.isFinite(value)) issues.push({ field, message: 'notNumber' });
  else if (value < 0) issues.push({ field, message: 'negative' });
  else if (value > VALUE_MAX) issues.push({ field, message: 'tooLarge' });
  else if (integer && !Number.isInteger(value)) issues.push({ field, message: 'notInteger' });
  else return value;
  return null;
}

function checkGoals(issues: FieldIssue[], input: PlanInput['goals']): ValidPlan['goals'] {
  const goals: ValidPlan['goals'] = [];
  for (const [key, value] of Object.entries(input)) {
    const known = GOAL_KEYS.find((k) => k === key);
    if (!known) {
      issues.push({ field: goalField(key), message: 'unknownKey' });
      continue;
    }
    const v = checkNumber(issues, goalField(key), value, false);
    if (v !== null) goals.push([known, v]);
  }
  return goals;
}

function checkActivities(issues: FieldIssue[], input: PlanInput['activities']): ValidPlan['activities'] {
  const activities: ValidPlan['activities'] = [];
  for (const [category, a] of Object.entries(input)) {
    const known = PLAN_CATEGORIES.find((c) => c === category);
    if (!known) {
      issues.push({ field: countField(category), message: 'unknownCategory' });
      continue;
    }
    const count = checkNumber(issues, countField(category), a.plannedCount, true);
    const budget = checkNumber(issues, budgetField(category), a.budgetDkk, false);
    const countGiven = a.plannedCount !== null && a.plannedCount !== undefined;
    const budgetGiven = a.budgetDkk !== null && a.budgetDkk !== undefined;
    if (countGiven !== budgetGiven)
      issues.push({ field: countGiven ? budgetField(category) : countField(category), message: 'pair' });
    if (count !== null && budget !== null)
      activities.push([known, { plannedCount: count, budgetDkk: budget }]);
  }
  return activities;
}

/** Checks a plan; every problem at once, as a validation error with one issue per field. */
export function validatePlan(input: PlanInput): ValidPlan {
  const issues: FieldIssue[] = [];
  const goals = checkGoals(issues, input.goals);
  const activities = checkActivities(issues, input.activities);
  const narrative = input.narrative.trim();
  if (narrative.length > NARRATIVE_MAX) issues.push({ field: 'narrative', message: 'tooLong' });
  if (issues.length > 0) throw new AppError('validation', 'The action plan has errors', issues);
  return { goals, activities, narrative };
}
