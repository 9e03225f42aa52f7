// The accounts a lead auditor or an owner is chosen from, as a select's options: name, role and department.
import type { TFunction } from 'i18next';
import type { AuditAccount } from '../../../../src-shared/api/internal-audit';

export function accountOptions(t: TFunction, rows: readonly AuditAccount[], roles?: readonly AuditAccount['role'][]) {
  return rows
    .filter((a) => !roles || roles.includes(a.role))
    .map((a) => {
      const role = t(`roles.${a.role}`);
      const about = a.department ? t('internalAudit.accountAbout', { role, department: a.department }) : role;
      return { value: a.id, label: t('internalAudit.accountOption', { name: a.displayName, about }) };
    });
}
