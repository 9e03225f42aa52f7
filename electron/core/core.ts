// The core as the edges see it: a desk on a data folder, and one `call` for every method of the contract.
import type { Api } from '../../src-shared/api';
import type { Result } from '../../src-shared/errors';
import { accountHandlers } from './accounts/handlers';
import { auditHandlers } from './audit/handlers';
import { authHandlers } from './auth/handlers';
import { Desk, type DeskOptions } from './desk';
import type { Handlers } from './handler';
import { createRouter } from './router';
import { settingsHandlers } from './settings/handlers';
import { setupHandlers } from './setup/handlers';
import { statementHandlers } from './statements/handlers';
import { customerHandlers } from './customers/handlers';
import { purposeHandlers } from './purposes/handlers';
import { consentHandlers } from './consents/handlers';
import { customerImportHandlers } from './customers/import/handlers';
import { requestHandlers } from './requests/handlers';
import { idCopyHandlers } from './idcopies/handlers';
import { proposalHandlers } from './proposals/handlers';
import { disclosureHandlers } from './disclosures/handlers';
import { noticeHandlers } from './notices/handlers';
import { taskHandlers } from './tasks/handlers';
import { partnerHandlers } from './partners/handlers';
import { provisionHandlers } from './provisions/handlers';
import { policyHandlers } from './policy/handlers';
import { incidentHandlers } from './incidents/handlers';
import { retentionHandlers } from './retention/handlers';
import { backupHandlers } from './backup/handlers';
import { ledgerHandlers } from './ledger/handlers';
import { complaintsHandlers } from './complaints/handlers';
import { trainingHandlers } from './training/handlers';
import { outsourceesHandlers } from './outsourcees/handlers';
import { internalAuditHandlers } from './internal-audit/handlers';
import { dashboardHandlers } from './dashboard/handlers';
import { reportHandlers } from './reports/handlers';
import { bulkHandlers } from './bulk/handlers';
import { preferenceHandlers } from './preferences/handlers';
import { saveTargetHandlers } from './exports/handlers';

export const handlers: Handlers<Api> = {
  ...setupHandlers,
  ...authHandlers,
  ...settingsHandlers,
  ...accountHandlers,
  ...statementHandlers,
  ...auditHandlers,
  ...customerHandlers,
  ...purposeHandlers,
  ...consentHandlers,
  ...customerImportHandlers,
  ...requestHandlers,
  ...idCopyHandlers,
  ...proposalHandlers,
  ...disclosureHandlers,
  ...noticeHandlers,
  ...taskHandlers,
  ...partnerHandlers,
  ...provisionHandlers,
  ...policyHandlers,
  ...incidentHandlers,
  ...retentionHandlers,
  ...backupHandlers,
  ...ledgerHandlers,
  ...complaintsHandlers,
  ...trainingHandlers,
  ...outsourceesHandlers,
  ...internalAuditHandlers,
  ...dashboardHandlers,
  ...reportHandlers,
  ...bulkHandlers,
  ...preferenceHandlers,
  ...saveTargetHandlers,
};

export interface Core {
  call(method: string, input: unknown): Promise<Result<unknown>>;
  /** Signs out and closes the database (app quit, host stop). */
  close(): Promise<void>;
  readonly desk: Desk;
}

export function createCore(options: DeskOptions): Core {
  const desk = new Desk(options);
  const router = createRouter(desk, handlers);
  return {
    desk,
    call: (method, input) => router.call(method, input),
    close: async () => {
      if (desk.session) await desk.audit({ actorId: desk.session.accountId, actorRole: desk.session.role, action: 'auth.logout', outcome: 'ok', details: { reason: 'quit' } }).catch(() => undefined);
      await desk.close();
    },
  };
}
