// 教育・研修 (APPI Art. 24, JIS Q 15001): the sessions held, each employee's last training and who is untrained, and the
// officer's setting that ties customer records to a training within 12 months. A session opens in place.
import { Button, Group, Stack, Tabs } from '@mantine/core';
import { IconPlus } from '@tabler/icons-react';
import { useCallback, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { employeeFilters, type EmployeeFilter } from '../../../../src-shared/api/training';
import { useRouteParams } from '../../app/navigate';
import { useSession } from '../../app/session';
import { ScreenTitle } from '../../components/ScreenTitle';
import { EmployeesPanel } from './EmployeesPanel';
import { SessionForm } from './SessionForm';
import { SessionsPanel } from './SessionsPanel';
import { SessionView } from './SessionView';
import { SettingPanel } from './SettingPanel';

type Shown = { kind: 'register' } | { kind: 'new' } | { kind: 'session'; id: string } | { kind: 'edit'; id: string };
type Tab = 'sessions' | 'employees' | 'setting';

export function TrainingScreen() {
  const params = useRouteParams();
  // The home screen's counts open the per-employee list already filtered: `training?show=untrained`.
  const asked = params.get('show');
  const initialFilter = (employeeFilters as readonly string[]).includes(asked ?? '') ? (asked as EmployeeFilter) : null;
  const [shown, setShown] = useState<Shown>({ kind: 'register' });
  const [tab, setTab] = useState<Tab>(initialFilter ? 'employees' : 'sessions');
  const [filter, setFilter] = useState<EmployeeFilter>(initialFilter ?? 'all');
  const back = useCallback(() => setShown({ kind: 'register' }), []);
  const open = useCallback((id: string) => setShown({ kind: 'session', id }), []);

  if (shown.kind === 'new') return <SessionForm onSaved={open} onCancel={back} />;
  if (shown.kind === 'edit') return <SessionForm id={shown.id} onSaved={open} onCancel={() => open(shown.id)} />;
  if (shown.kind === 'session') return <SessionView key={shown.id} id={shown.id} onBack={back} onEdit={() => setShown({ kind: 'edit', id: shown.id })} />;
  return <Register tab={tab} setTab={setTab} filter={filter} setFilter={setFilter} onOpen={open} onNew={() => setShown({ kind: 'new' })} />;
}

function Register({ tab, setTab, filter, setFilter, onOpen, onNew }: { tab: Tab; setTab: (t: Tab) => void; filter: EmployeeFilter; setFilter: (f: EmployeeFilter) => void; onOpen: (id: string) => void; onNew: () => void }) {
  const { t } = useTranslation();
  const session = useSession();
  const canManage = session.permissions.includes('training.manage');
  const showUntrained = useCallback(() => {
    setFilter('untrained');
    setTab('employees');
  }, [setFilter, setTab]);
  return (
    <Stack gap="md">
      <Group justify="space-between" align="flex-start">
        <ScreenTitle title={t('training.title')} intro={t('training.intro')} />
        {canManage && (
          <Button leftSection={<IconPlus size={18} aria-hidden />} onClick={onNew}>
            {t('training.record')}
          </Button>
        )}
      </Group>
      <Tabs value={tab} onChange={(v) => setTab((v as Tab) ?? 'sessions')} keepMounted={false}>
        <Tabs.List mb="md">
          <Tabs.Tab value="sessions">{t('training.tabs.sessions')}</Tabs.Tab>
          <Tabs.Tab value="employees">{t('training.tabs.employees')}</Tabs.Tab>
          <Tabs.Tab value="setting">{t('training.tabs.setting')}</Tabs.Tab>
        </Tabs.List>
        <Tabs.Panel value="sessions">
          <SessionsPanel canManage={canManage} onOpen={onOpen} onNew={onNew} />
        </Tabs.Panel>
        <Tabs.Panel value="employees">
          <EmployeesPanel filter={filter} setFilter={setFilter} canManage={canManage} onOpenSession={onOpen} />
        </Tabs.Panel>
        <Tabs.Panel value="setting">
          <SettingPanel canManage={canManage} onShowUntrained={showUntrained} />
        </Tabs.Panel>
      </Tabs>
    </Stack>
  );
}
