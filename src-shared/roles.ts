// The roles of the privacy office and what each may do, declared once.
// The contract names a permission per method; the core checks it, the renderer uses it to hide what a role cannot use.

export const roles = ['officer', 'staff', 'auditor'] as const;
export type Role = (typeof roles)[number];

/** Each permission and the roles that hold it. */
export const permissionRoles = {
  /** Anything a signed-in person does to their own account: change password, see who they are. */
  self: ['officer', 'staff', 'auditor'],
  /** Read the desk's settings (manager-in-charge, lock timeout). Personal data of customers is not in them. */
  'settings.read': ['officer', 'staff', 'auditor'],
  /** Change the desk's settings. */
  'settings.manage': ['officer'],
  /** Regenerate the recovery key. */
  'recovery.manage': ['officer'],
  /** Create, change, disable and enable accounts; reset passwords; lift lockouts. */
  'accounts.manage': ['officer'],
  /** Record and renew written confidentiality statements, edit the statement text (APPI Art. 24). */
  'statements.manage': ['officer'],
  /** Read the audit trail. The trail holds ids and field names, never personal data, so the auditor may. */
  'audit.read': ['officer', 'auditor'],
  /** Export signed audit files. */
  'audit.export': ['officer', 'auditor'],
  /** Import customers from a CSV of the shop's systems or a partner (issue #4). Staff need a current statement too. */
  'customers.import': ['officer', 'staff'],
  /** Search, list and open customer records, masked for staff (policy §4.2). The auditor sees no customer. */
  'customers.read': ['officer', 'staff'],
  /** See a record in full, giving a reason (policy §4.2 need-to-know). */
  'customers.reveal': ['officer', 'staff'],
  /** Create and change customer records. */
  'customers.write': ['officer', 'staff'],
  /** Record and withdraw customers' consents to purposes of use. */
  'consents.write': ['officer', 'staff'],
  /** Read the purposes of use and the policy versions: no personal data, so the auditor may. */
  'purposes.read': ['officer', 'staff', 'auditor'],
  /** Change the purposes of use, which makes a new policy version (APPI Art. 17, 21). */
  'purposes.manage': ['officer'],
  /** The request register (issue #5): list and open requests. Staff need a current statement too. */
  'requests.read': ['officer', 'staff'],
  /** Register requests, link them to a record, move them on, comment, attach documents. */
  'requests.write': ['officer', 'staff'],
  /** Set the due date's extension (once, with a reason). */
  'requests.manage': ['officer'],
  /** Attach and check ID copies (policy §5.2 note). */
  'idcopies.check': ['officer', 'staff'],
  /** Propose what to do for a request: disclose, change fields, erase, cease. */
  'proposals.create': ['officer', 'staff'],
  /** Decide proposals (policy §7.2: four eyes; never one's own). */
  'proposals.decide': ['officer'],
  /** Build the disclosure package once approved. */
  'disclosures.build': ['officer', 'staff'],
  /** Render and send notices to the person. */
  'notices.render': ['officer', 'staff'],
  /** Keep the register of the company's systems and their owners. */
  'systems.manage': ['officer'],
  /** Record a system owner's confirmation that a change order was carried out. */
  'tasks.confirm': ['officer', 'staff'],
  /** Waive a system's task with a reason. */
  'tasks.waive': ['officer'],
  /** The partner register (issue #6): no customer's personal data, so the auditor may read it. */
  'partners.read': ['officer', 'staff', 'auditor'],
  /** Add, change and end partners. */
  'partners.manage': ['officer'],
  /** The provision and receipt registers (APPI Art. 29, 30): customer numbers, never names; the auditor may check them. */
  'provisions.read': ['officer', 'staff', 'auditor'],
  /** Record provisions to third parties and check consents. */
  'provisions.write': ['officer', 'staff'],
  /** Approve a provision under one of the policy's four exceptions (never one's own). */
  'provisions.approve': ['officer'],
  /** The leak incident register (APPI Art. 26). */
  'incidents.read': ['officer', 'staff', 'auditor'],
  /** Record incidents, their reports and the notices to the people affected. */
  'incidents.write': ['officer', 'staff'],
  /** Retention periods, previews and runs (APPI Art. 22). */
  'retention.manage': ['officer'],
  /** Make encrypted backups of the whole desk and choose where they go (issue #8). */
  'backup.manage': ['officer'],
  /** Rotate the data key: re-encrypt the database and rewrap it for every account and the recovery key. */
  'keys.rotate': ['officer'],
  // The Privacy Mark records (issue #10, JIS Q 15001). None holds a customer's personal data but the complaints.
  /** The personal information ledger and its risk assessments: kinds of data and counts, no person's data. */
  'ledger.read': ['officer', 'staff', 'auditor'],
  /** Draft ledger entries and their risk assessments. */
  'ledger.write': ['officer', 'staff'],
  /** Confirm an entry at its yearly review, approve its risk assessment, and retire it. */
  'ledger.approve': ['officer'],
  /** The complaints and consultations register (APPI Art. 40): its content may name a customer. */
  'complaints.read': ['officer', 'staff'],
  /** Record complaints, respond, link them to requests and incidents, close them. */
  'complaints.write': ['officer', 'staff'],
  /** Education records (APPI Art. 24): sessions, attendance, who is untrained; the auditor checks them. */
  'training.read': ['officer', 'auditor'],
  /** Record sessions and attendance, and set whether records need training within 12 months. */
  'training.manage': ['officer'],
  /** Outsourcee supervision (APPI Art. 25): selection checks and evaluations, which the auditor checks. */
  'outsourcees.read': ['officer', 'staff', 'auditor'],
  /** Record selection checks and yearly evaluations, with their evidence, and follow their findings up. */
  'outsourcees.evaluate': ['officer'],
  /** The internal audit: plans, findings, corrective actions and management reviews. */
  'internalAudit.read': ['officer', 'auditor'],
  /** Plan the year's internal audits and record their findings (the auditor's own work). */
  'internalAudit.record': ['officer', 'auditor'],
  /** Corrective actions: what each owner was asked to do; staff see and report on their own. */
  'corrections.read': ['officer', 'staff', 'auditor'],
  /** Report a corrective action done (its owner). */
  'corrections.report': ['officer', 'staff'],
  /** Open, assign, verify and close corrective actions, and record the management review (the officer only). */
  'corrections.manage': ['officer'],
  // The officer's day (issue #9).
  /** Management reports: figures and charts for a month or a date range; counts only, no person's data. */
  'reports.read': ['officer', 'auditor'],
  /** Hand requests on to a staff member or the officer, one or many at a time. */
  'requests.assign': ['officer'],
} as const satisfies Record<string, readonly Role[]>;

export type Permission = keyof typeof permissionRoles;

/** `public`: callable without a session (setup and sign-in only). `session`: any signed-in person, even while the desk is locked. */
export type Access = Permission | 'public' | 'session';

export function roleHas(role: Role, access: Access): boolean {
  if (access === 'public' || access === 'session') return true;
  return (permissionRoles[access] as readonly Role[]).includes(role);
}

export function permissionsOf(role: Role): Permission[] {
  return (Object.keys(permissionRoles) as Permission[]).filter((p) => roleHas(role, p));
}
