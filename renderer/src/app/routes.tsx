// The screens of the signed-in desk: route, label, the permission that shows it, and the screen. The side navigation is this table filtered by the session's permissions.
import { IconHome, IconKey, IconSettings, type Icon } from '@tabler/icons-react';
import type { ComponentType } from 'react';
import type { Permission } from '../../../src-shared/roles';
import { MyAccountScreen } from '../screens/account/MyAccountScreen';
import { HomeScreen } from '../screens/home/HomeScreen';
import { SettingsScreen } from '../screens/settings/SettingsScreen';

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
  { route: 'settings', labelKey: 'nav.settings', permission: 'settings.manage', icon: IconSettings, Screen: SettingsScreen },
];

export function routesFor(permissions: readonly Permission[]): RouteEntry[] {
  return routes.filter((r) => permissions.includes(r.permission));
}
