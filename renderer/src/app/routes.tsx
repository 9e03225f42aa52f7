// The screens of the signed-in desk: route, label, the permission that shows it, and the screen. The side navigation is this table filtered by the session's permissions.
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

export interface RouteEntry {
  route: string;
  labelKey: string;
  permission: Permission;
  icon: Icon;
  Screen: ComponentType;
}

export const routes: RouteEntry[] = [
  { route: 'home', labelKey: 'nav.home', permission: 'self', icon: IconHome, Screen: HomeScreen },
  { route: 'account', labelKey: 'nav.account', permission: 'self', icon: IconKey, Screen: MyAccountScreen },
  { route: 'requests', labelKey: 'nav.requests', permission: 'requests.read', icon: IconInbox, Screen: RequestsScreen },
  { route: 'request-new', labelKey: 'nav.requestNew', permission: 'requests.write', icon: IconFilePlus, Screen: NewRequestScreen },
  { route: 'customers', labelKey: 'nav.customers', permission: 'customers.read', icon: IconUserSearch, Screen: CustomersScreen },
  { route: 'customer-new', labelKey: 'nav.customerNew', permission: 'customers.write', icon: IconUserPlus, Screen: NewCustomerScreen },
  { route: 'marketing', labelKey: 'nav.marketing', permission: 'customers.read', icon: IconSpeakerphone, Screen: MarketingScreen },
  { route: 'customer-import', labelKey: 'nav.customerImport', permission: 'customers.import', icon: IconFileImport, Screen: ImportScreen },
  { route: 'customer-reviews', labelKey: 'nav.customerReviews', permission: 'customers.read', icon: IconUsersGroup, Screen: ReviewsScreen },
  { route: 'partners', labelKey: 'nav.partners', permission: 'partners.read', icon: IconBuildingStore, Screen: PartnersScreen },
  { route: 'provisions', labelKey: 'nav.provisions', permission: 'provisions.read', icon: IconShare, Screen: ProvisionsScreen },
  { route: 'receipts', labelKey: 'nav.receipts', permission: 'provisions.read', icon: IconTransferIn, Screen: ReceiptsScreen },
  { route: 'incidents', labelKey: 'nav.incidents', permission: 'incidents.read', icon: IconAlertOctagon, Screen: IncidentsScreen },
  { route: 'ledger', labelKey: 'nav.ledger', permission: 'ledger.read', icon: IconBook2, Screen: LedgerScreen },
  { route: 'complaints', labelKey: 'nav.complaints', permission: 'complaints.read', icon: IconMessageReport, Screen: ComplaintsScreen },
  { route: 'training', labelKey: 'nav.training', permission: 'training.read', icon: IconSchool, Screen: TrainingScreen },
  { route: 'outsourcees', labelKey: 'nav.outsourcees', permission: 'outsourcees.read', icon: IconBuildingFactory2, Screen: OutsourceesScreen },
  { route: 'internal-audit', labelKey: 'nav.internalAudit', permission: 'corrections.read', icon: IconClipboardCheck, Screen: InternalAuditScreen },
  { route: 'policy', labelKey: 'nav.policy', permission: 'purposes.read', icon: IconFileDiff, Screen: PolicyScreen },
  { route: 'retention', labelKey: 'nav.retention', permission: 'retention.manage', icon: IconHourglass, Screen: RetentionScreen },
  { route: 'accounts', labelKey: 'nav.accounts', permission: 'accounts.manage', icon: IconUsers, Screen: AccountsScreen },
  { route: 'statements', labelKey: 'nav.statements', permission: 'statements.manage', icon: IconFileCertificate, Screen: StatementsScreen },
  { route: 'audit', labelKey: 'nav.audit', permission: 'audit.read', icon: IconListSearch, Screen: AuditScreen },
  { route: 'settings', labelKey: 'nav.settings', permission: 'settings.manage', icon: IconSettings, Screen: SettingsScreen },
  { route: 'backup', labelKey: 'nav.backup', permission: 'backup.manage', icon: IconDatabaseExport, Screen: BackupScreen },
  { route: 'request-settings', labelKey: 'nav.requestSettings', permission: 'settings.manage', icon: IconAdjustmentsCog, Screen: RequestSettingsScreen },
];

export function routesFor(permissions: readonly Permission[]): RouteEntry[] {
  return routes.filter((r) => permissions.includes(r.permission));
}
