// The internal audit: plans, findings, corrective actions, management reviews (issue #10): the handlers.
import type { auditPlans, findings, corrections, managementReviews } from '../../../src-shared/api/internal-audit';
import type { Handlers } from '../handler';
import { correctionHandlers } from './corrections';
import { findingHandlers } from './findings';
import { planHandlers } from './plans';
import { reviewHandlers } from './reviews';

export const internalAuditHandlers: Handlers<typeof auditPlans & typeof findings & typeof corrections & typeof managementReviews> = {
  ...planHandlers,
  ...findingHandlers,
  ...correctionHandlers,
  ...reviewHandlers,
};
