import type { Hono } from 'hono';
import type { AppEnv } from '../../context.ts';
import { registerBenchmarkingPages } from './benchmarking.tsx';
import { registerEvaluationPages } from './midterm.tsx';
import { registerQualityPages } from './quality.tsx';
import { registerEvaluationRulePages } from './rules.tsx';

/** Benchmarking, data quality and the mid-term evaluation with its rules. Routes are tried in this order. */
export function registerEvaluationArea(app: Hono<AppEnv>): void {
  registerBenchmarkingPages(app);
  registerEvaluationRulePages(app);
  registerEvaluationPages(app);
  registerQualityPages(app);
}
