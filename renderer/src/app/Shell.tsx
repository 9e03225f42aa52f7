// The signed-in desk: side navigation from the route table in labelled sections, a header with the person, language,
// lock and sign-out, and the keyboard's shortcuts that work on every screen.
import { ActionIcon, AppShell, Burger, Button, Group, NavLink, ScrollArea, Stack, Text, Tooltip } from '@mantine/core';
import { useDisclosure, useHotkeys } from '@mantine/hooks';
import { IconLock, IconLogout, IconShieldLock } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { LanguageSwitch } from '../components/LanguageSwitch';
import { useDateStyle } from '../components/date-style';
import { useIdleLock } from './idle-lock';
import { NavigateContext, RouteParamsContext, splitRoute } from './navigate';
import { routeGroups, routesFor } from './routes';
import { useSession, useSessionActions } from './session';

export function Shell({ route, onNavigate }: { route: string; onNavigate: (route: string) => void }) {
  const { t } = useTranslation();
  const session = useSession();
  const { lock, signOut } = useSessionActions();
  const [menuOpen, { toggle }] = useDisclosure(false);
  const entries = routesFor(session.permissions);
  const { name, params } = splitRoute(route);
  const current = entries.find((e) => e.route === name) ?? entries[0];
  // Choosing a screen in the menu starts it afresh, even the one already shown: the menu entry of 請求 leads back to
  // the register from an open request, as a person expects.
  const [visit, setVisit] = useState(0);
  // Dates are printed deep inside tables and views: a new date style shows the screen afresh rather than half-updated.
  const dateStyle = useDateStyle();

  useIdleLock(session.idleLockMinutes, () => void lock());
  // Ctrl+L (Cmd+L on macOS) locks at once, even while typing in a field.
  useHotkeys(
    [
      ['ctrl+L', () => void lock(), { preventDefault: true }],
      ['meta+L', () => void lock(), { preventDefault: true }],
    ],
    [],
  );
  // "/" goes to the screen's search box, as in mail and issue trackers; never while typing in a field (the default
  // ignored tags), where "/" is a character like any other.
  useHotkeys([['/', focusSearchBox]]);

  return (
    <AppShell header={{ height: 60 }} navbar={{ width: 260, breakpoint: 'sm', collapsed: { mobile: !menuOpen } }} padding="lg">
      <AppShell.Header>
        <Group h="100%" px="md" justify="space-between" wrap="nowrap">
          <Group gap="xs" wrap="nowrap">
            <Burger opened={menuOpen} onClick={toggle} hiddenFrom="sm" size="sm" aria-label={t('shell.toggleMenu')} />
            <IconShieldLock size={26} aria-hidden color="var(--mantine-color-indigo-7)" />
            <Text fw={700} visibleFrom="xs">
              {t('app.title')}
            </Text>
          </Group>
          <Group gap="md" wrap="nowrap">
            <Stack gap={0} align="flex-end" visibleFrom="sm" aria-label={t('shell.signedInAs')}>
              <Text size="sm" fw={600} data-testid="signed-in-name" lh={1.3}>
                {session.displayName}
              </Text>
              <Text size="xs" c="dimmed" data-testid="signed-in-role" lh={1.3}>
                {t(`roles.${session.role}`)}
              </Text>
            </Stack>
            <LanguageSwitch />
            <Tooltip label={t('shell.lockShortcut')} withArrow>
              <Button variant="default" size="sm" leftSection={<IconLock size={16} aria-hidden />} onClick={() => void lock()} aria-keyshortcuts="Control+L Meta+L">
                {t('shell.lock')}
              </Button>
            </Tooltip>
            <Tooltip label={t('shell.signOut')} withArrow>
              <ActionIcon variant="default" size="lg" aria-label={t('shell.signOut')} onClick={() => void signOut()}>
                <IconLogout size={18} aria-hidden />
              </ActionIcon>
            </Tooltip>
          </Group>
        </Group>
      </AppShell.Header>
      <AppShell.Navbar p="xs" component="nav" aria-label={t('shell.navigation')}>
        <ScrollArea>
          {routeGroups.map((group) => {
            const inGroup = entries.filter((entry) => entry.group === group);
            if (inGroup.length === 0) return null;
            return (
              <div key={group} role="group" aria-labelledby={`nav-group-${group}`} data-nav-group={group}>
                <Text id={`nav-group-${group}`} size="xs" fw={700} c="gray.7" px="sm" pt="sm" pb={4}>
                  {t(`nav.groups.${group}`)}
                </Text>
                {inGroup.map((entry) => (
                  <NavLink
                    key={entry.route}
                    component="button"
                    label={t(entry.labelKey)}
                    leftSection={<entry.icon size={18} aria-hidden />}
                    active={entry.route === current?.route}
                    aria-current={entry.route === current?.route ? 'page' : undefined}
                    onClick={() => {
                      onNavigate(entry.route);
                      setVisit((v) => v + 1);
                    }}
                    data-route={entry.route}
                    py={5}
                  />
                ))}
              </div>
            );
          })}
        </ScrollArea>
      </AppShell.Navbar>
      <AppShell.Main>
        <NavigateContext.Provider value={onNavigate}>
          {/* A link with another filter opens the list afresh, as the menu does. */}
          <RouteParamsContext.Provider value={params}>{current && <current.Screen key={`${visit}:${route}:${dateStyle}`} />}</RouteParamsContext.Provider>
        </NavigateContext.Provider>
      </AppShell.Main>
    </AppShell>
  );
}

/** The search box of the screen shown: the one element marked `data-search-box` that is visible (a list, not a dialog behind it). */
function focusSearchBox(): void {
  // A dialog keeps the focus while open: the list behind it waits.
  if (document.querySelector('[role="dialog"][aria-modal="true"]')) return;
  const boxes = Array.from(document.querySelectorAll<HTMLInputElement>('main [data-search-box]'));
  const box = boxes.find((b) => b.offsetParent !== null && !b.disabled);
  if (!box) return;
  box.focus();
  box.select();
}
