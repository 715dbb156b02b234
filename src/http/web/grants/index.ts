import type { Hono } from 'hono';
import type { AppEnv } from '../../context.ts';
import { registerAgreementPages } from './agreements.tsx';
import { registerChangeRequestPages } from './change-requests.tsx';
import { registerFinancialReportPages } from './financial-reports.tsx';
import { registerGrantFollowUpPages } from './follow-up.tsx';
import { registerGrantPages } from './grants.tsx';
import { registerGrantImportPages } from './import.tsx';
import { registerPaymentPages } from './payments.tsx';

/** The grants register (docs/grants.md). Routes are tried in this order. */
export function registerGrantsArea(app: Hono<AppEnv>): void {
  registerGrantImportPages(app);
  registerAgreementPages(app);
  registerPaymentPages(app);
  registerGrantPages(app);
  registerGrantFollowUpPages(app);
  registerChangeRequestPages(app);
  registerFinancialReportPages(app);
}
