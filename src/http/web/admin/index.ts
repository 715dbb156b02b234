import type { Hono } from 'hono';
import type { AppEnv } from '../../context.ts';
import { registerAuditLogPage } from './audit.tsx';
import { registerAdminHomePage } from './home.tsx';
import { registerJobPages } from './jobs.tsx';
import { registerOrganisationMergePages } from './organisation-merge.tsx';
import { registerOrganisationPages } from './organisations.tsx';
import { registerParticipantDataPages } from './participants.tsx';
import { registerUserDetailPages } from './user.tsx';
import { registerUserPages } from './users.tsx';

/** Administration: users, roles, participants' personal data, organisations, the audit log and the job queue. Routes are tried in this order. */
export function registerAdminArea(app: Hono<AppEnv>): void {
  registerAdminHomePage(app);
  registerUserPages(app);
  registerUserDetailPages(app);
  registerParticipantDataPages(app);
  registerOrganisationPages(app);
  registerOrganisationMergePages(app);
  registerAuditLogPage(app);
  registerJobPages(app);
}
