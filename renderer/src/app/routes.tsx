// The screens of the signed-in desk: route, label, the permission that shows it, its menu section, and the screen. The side navigation is this table filtered by the session's permissions.
import { IconFileCertificate, IconHome, IconKey, IconListSearch, IconSettings, IconUsers, type Icon } from '@tabler/icons-react';
import { IconFileImport, IconSpeakerphone, IconUserPlus, IconUserSearch, IconUsersGroup } from '@tabler/icons-react';
import { IconAdjustmentsCog, IconFilePlus, IconInbox } from '@tabler/icons-react';
import type { ComponentType } from 'react';
import type { Permission } from '../../../src-shared/roles';
import { MyAccountScreen } from '../screens/account/MyAccountScreen';
import { AccountsScreen } from '../screens/accounts/AccountsScreen';
import { AuditScreen } from '../screens/audit/AuditScreen';
import { StatementsScreen } from '../screens/statements/StatementsScreen';
import { HomeScreen } from '../screens/home/HomeScreen';
import { CustomersScreen } from '../screens/customers/CustomersScreen';
import { MarketingScreen } from '../screens/customers/MarketingScreen';
import { NewCustomerScreen } from '../screens/customers/NewCustomerScreen';
import { ImportScreen } from '../screens/import/ImportScreen';
import { ReviewsScreen } from '../screens/import/ReviewsScreen';
import { SettingsScreen } from '../screens/settings/SettingsScreen';
import { NewRequestScreen } from '../screens/requests/NewRequestScreen';
import { RequestSettingsScreen } from '../screens/requests/RequestSettingsScreen';
import { RequestsScreen } from '../screens/requests/RequestsScreen';
import { IconAlertOctagon, IconFileDiff, IconHourglass } from '@tabler/icons-react';
import { IncidentsScreen } from '../screens/incidents/IncidentsScreen';
import { PolicyScreen } from '../screens/policy/PolicyScreen';
import { RetentionScreen } from '../screens/retention/RetentionScreen';
import { IconBuildingStore, IconShare, IconTransferIn } from '@tabler/icons-react';
import { PartnersScreen } from '../screens/partners/PartnersScreen';
import { ProvisionsScreen } from '../screens/provisions/ProvisionsScreen';
import { ReceiptsScreen } from '../screens/provisions/ReceiptsScreen';
import { IconDatabaseExport } from '@tabler/icons-react';
import { BackupScreen } from '../screens/backup/BackupScreen';
import { IconBook2, IconBuildingFactory2, IconClipboardCheck, IconMessageReport, IconSchool } from '@tabler/icons-react';
import { LedgerScreen } from '../screens/ledger/LedgerScreen';
import { ComplaintsScreen } from '../screens/complaints/ComplaintsScreen';
import { TrainingScreen } from '../screens/training/TrainingScreen';
import { OutsourceesScreen } from '../screens/outsourcees/OutsourceesScreen';
import { InternalAuditScreen } from '../screens/internal-audit/InternalAuditScreen';
import { IconChartBar } from '@tabler/icons-react';
import { ReportsScreen } from '../screens/reports/ReportsScreen';

/**
 * The side menu's sections, in the order an officer's day runs: the work that comes in, the registers the law asks
 * to keep (APPI Art. 25–30 and the Privacy Mark's records), the desk's administration, and the person's own account.
 */
export const routeGroups = ['daily', 'records', 'admin', 'self'] as const;
export type RouteGroup = (typeof routeGroups)[number];

export interface RouteEntry {
  route: string;
  labelKey: string;
  permission: Permission;
  icon: Icon;
  Screen: ComponentType;
  group: RouteGroup;
}

export const routes: RouteEntry[] = [
  { route: 'home', labelKey: 'nav.home', permission: 'self', icon: IconHome, Screen: HomeScreen, group: 'daily' },
  { route: 'requests', labelKey: 'nav.requests', permission: 'requests.read', icon: IconInbox, Screen: RequestsScreen, group: 'daily' },
  { route: 'request-new', labelKey: 'nav.requestNew', permission: 'requests.write', icon: IconFilePlus, Screen: NewRequestScreen, group: 'daily' },
  { route: 'customers', labelKey: 'nav.customers', permission: 'customers.read', icon: IconUserSearch, Screen: CustomersScreen, group: 'daily' },
  { route: 'customer-new', labelKey: 'nav.customerNew', permission: 'customers.write', icon: IconUserPlus, Screen: NewCustomerScreen, group: 'daily' },
  { route: 'marketing', labelKey: 'nav.marketing', permission: 'customers.read', icon: IconSpeakerphone, Screen: MarketingScreen, group: 'daily' },
  { route: 'customer-import', labelKey: 'nav.customerImport', permission: 'customers.import', icon: IconFileImport, Screen: ImportScreen, group: 'daily' },
  { route: 'customer-reviews', labelKey: 'nav.customerReviews', permission: 'customers.read', icon: IconUsersGroup, Screen: ReviewsScreen, group: 'daily' },
  { route: 'partners', labelKey: 'nav.partners', permission: 'partners.read', icon: IconBuildingStore, Screen: PartnersScreen, group: 'records' },
  { route: 'provisions', labelKey: 'nav.provisions', permission: 'provisions.read', icon: IconShare, Screen: ProvisionsScreen, group: 'records' },
  { route: 'receipts', labelKey: 'nav.receipts', permission: 'provisions.read', icon: IconTransferIn, Screen: ReceiptsScreen, group: 'records' },
  { route: 'incidents', labelKey: 'nav.incidents', permission: 'incidents.read', icon: IconAlertOctagon, Screen: IncidentsScreen, group: 'records' },
  { route: 'ledger', labelKey: 'nav.ledger', permission: 'ledger.read', icon: IconBook2, Screen: LedgerScreen, group: 'records' },
  { route: 'complaints', labelKey: 'nav.complaints', permission: 'complaints.read', icon: IconMessageReport, Screen: ComplaintsScreen, group: 'records' },
  { route: 'training', labelKey: 'nav.training', permission: 'training.read', icon: IconSchool, Screen: TrainingScreen, group: 'records' },
  { route: 'outsourcees', labelKey: 'nav.outsourcees', permission: 'outsourcees.read', icon: IconBuildingFactory2, Screen: OutsourceesScreen, group: 'records' },
  { route: 'internal-audit', labelKey: 'nav.internalAudit', permission: 'corrections.read', icon: IconClipboardCheck, Screen: InternalAuditScreen, group: 'records' },
  { route: 'reports', labelKey: 'nav.reports', permission: 'reports.read', icon: IconChartBar, Screen: ReportsScreen, group: 'records' },
  { route: 'policy', labelKey: 'nav.policy', permission: 'purposes.read', icon: IconFileDiff, Screen: PolicyScreen, group: 'admin' },
  { route: 'retention', labelKey: 'nav.retention', permission: 'retention.manage', icon: IconHourglass, Screen: RetentionScreen, group: 'admin' },
  { route: 'accounts', labelKey: 'nav.accounts', permission: 'accounts.manage', icon: IconUsers, Screen: AccountsScreen, group: 'admin' },
  { route: 'statements', labelKey: 'nav.statements', permission: 'statements.manage', icon: IconFileCertificate, Screen: StatementsScreen, group: 'admin' },
  { route: 'audit', labelKey: 'nav.audit', permission: 'audit.read', icon: IconListSearch, Screen: AuditScreen, group: 'admin' },
  { route: 'settings', labelKey: 'nav.settings', permission: 'settings.manage', icon: IconSettings, Screen: SettingsScreen, group: 'admin' },
  { route: 'backup', labelKey: 'nav.backup', permission: 'backup.manage', icon: IconDatabaseExport, Screen: BackupScreen, group: 'admin' },
  { route: 'request-settings', labelKey: 'nav.requestSettings', permission: 'settings.manage', icon: IconAdjustmentsCog, Screen: RequestSettingsScreen, group: 'admin' },
  { route: 'account', labelKey: 'nav.myAccount', permission: 'self', icon: IconKey, Screen: MyAccountScreen, group: 'self' },
];

export function routesFor(permissions: readonly Permission[]): RouteEntry[] {
  return routes.filter((r) => permissions.includes(r.permission));
}
