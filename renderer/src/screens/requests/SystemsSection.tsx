// The register of the company's systems that hold customers' data (order system, mail delivery, ...) and who answers for each.
import { Badge, Button, Checkbox, Group, Modal, SimpleGrid, Stack, Switch, Text, TextInput } from '@mantine/core';
import { useForm } from '@mantine/form';
import { notifications } from '@mantine/notifications';
import { IconPencil, IconPlus } from '@tabler/icons-react';
import { useQueryClient } from '@tanstack/react-query';
import { createColumnHelper, tableFeatures, useTable } from '@tanstack/react-table';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { DeskErrorData } from '../../../../src-shared/errors';
import type { CompanySystem } from '../../../../src-shared/requests';
import { useClient } from '../../app/client-context';
import { showCustomerError } from '../customers/form-errors';
import { useSession } from '../../app/session';
import { requiredError } from '../../app/validate';
import { cellBadge } from '../../components/badge';
import { DataTable } from '../../components/DataTable';
import { formatDateTime } from '../../components/dates';
import { ErrorAlert } from '../../components/ErrorAlert';
import { QueryError } from '../../components/QueryError';
import { Translated } from '../../components/Translated';
import { requestKeys, useSystems } from './queries';
import { SettingsCard } from './SettingsCard';

const features = tableFeatures({});
const helper = createColumnHelper<typeof features, CompanySystem>();
type Editing = { system: CompanySystem | null };

export function SystemsSection() {
  const { t, i18n } = useTranslation();
  const session = useSession();
  const [includeEnded, setIncludeEnded] = useState(false);
  const [editing, setEditing] = useState<Editing | null>(null);
  const systems = useSystems(includeEnded);
  const canManage = session.permissions.includes('systems.manage');
  const columns = useMemo(
    () =>
      helper.columns([
        helper.accessor('name', { header: () => t('systems.name'), cell: ({ getValue }) => <Text size="sm" fw={600}>{getValue()}</Text> }),
        helper.accessor('key', { header: () => t('systems.key'), cell: ({ getValue }) => <Text size="sm" ff="monospace">{getValue()}</Text> }),
        helper.accessor('ownerName', {
          header: () => t('systems.owner'),
          cell: ({ row }) => (
            <Stack gap={0}>
              <Text size="sm">{row.original.ownerName}</Text>
              <Text size="xs" c="dimmed" style={{ overflowWrap: 'anywhere' }}>
                {row.original.ownerContact}
              </Text>
            </Stack>
          ),
        }),
        helper.accessor('holdsEveryCustomer', {
          header: () => t('systems.holdsEveryCustomer'),
          cell: ({ getValue }) => (getValue() ? <Badge {...cellBadge} variant="light">{t('systems.everyCustomer')}</Badge> : <Text size="sm" c="dimmed">{t('systems.byIdentifier')}</Text>),
        }),
        helper.accessor('endedAt', {
          header: () => t('systems.state'),
          cell: ({ getValue }) =>
            getValue() ? <Badge {...cellBadge} color="gray" variant="light">{t('systems.endedOn', { at: formatDateTime(getValue(), i18n.language) })}</Badge> : <Badge {...cellBadge} color="teal" variant="light">{t('systems.inUse')}</Badge>,
        }),
        helper.display({
          id: 'actions',
          header: () => <span className="visually-hidden">{t('systems.actions')}</span>,
          cell: ({ row }) =>
            canManage ? (
              <Group justify="flex-end">
                <Button size="compact-sm" variant="default" leftSection={<IconPencil size={14} aria-hidden />} onClick={() => setEditing({ system: row.original })} aria-label={t('systems.editNamed', { name: row.original.name })}>
                  {t('systems.edit')}
                </Button>
              </Group>
            ) : null,
        }),
      ]),
    [t, i18n.language, canManage],
  );
  const table = useTable({ features, columns, data: systems.data?.rows ?? [], getRowId: (r) => r.id });
  return (
    <SettingsCard
      id="systems"
      title={t('systems.title')}
      description={t('systems.description')}
      action={
        canManage ? (
          <Button size="compact-md" variant="light" leftSection={<IconPlus size={16} aria-hidden />} onClick={() => setEditing({ system: null })} data-testid="add-system">
            {t('systems.add')}
          </Button>
        ) : undefined
      }
    >
      <Stack gap="sm">
        <Switch label={t('systems.includeEnded')} checked={includeEnded} onChange={(e) => setIncludeEnded(e.currentTarget.checked)} />
        <QueryError error={systems.error} />
        <DataTable table={table} caption={t('systems.title')} testId="systems-table" empty={systems.isPending ? t('common.loading') : t('systems.empty')} rowProps={(s) => ({ 'data-key': s.key })} />
      </Stack>
      <Modal opened={editing !== null} onClose={() => setEditing(null)} title={editing?.system ? t('systems.editTitle', { name: editing.system.name }) : t('systems.addTitle')} size="lg" closeOnClickOutside={false}>
        {editing && <SystemForm system={editing.system} onClose={() => setEditing(null)} />}
      </Modal>
    </SettingsCard>
  );
}

function SystemForm({ system, onClose }: { system: CompanySystem | null; onClose: () => void }) {
  const { t } = useTranslation();
  const client = useClient();
  const queryClient = useQueryClient();
  const [failure, setFailure] = useState<DeskErrorData | null>(null);
  const form = useForm({
    initialValues: {
      name: system?.name ?? '',
      key: system?.key ?? '',
      ownerName: system?.ownerName ?? '',
      ownerContact: system?.ownerContact ?? '',
      holdsEveryCustomer: system?.holdsEveryCustomer ?? false,
      ended: system ? system.endedAt !== null : false,
    },
    validate: { name: requiredError, key: requiredError, ownerName: requiredError, ownerContact: requiredError },
  });
  const submit = form.onSubmit(async (v) => {
    setFailure(null);
    const result = await client.call('systems.save', {
      ...(system ? { id: system.id } : {}),
      name: v.name.trim(),
      key: v.key.trim(),
      ownerName: v.ownerName.trim(),
      ownerContact: v.ownerContact.trim(),
      holdsEveryCustomer: v.holdsEveryCustomer,
      ended: v.ended,
    });
    if (!result.ok) return setFailure(showCustomerError(form, result.error));
    void queryClient.invalidateQueries({ queryKey: requestKeys.systems });
    notifications.show({ color: 'teal', message: <Translated k="systems.saved" values={{ name: result.value.name }} /> });
    onClose();
  });
  return (
    <form onSubmit={submit} noValidate aria-label={system ? t('systems.editTitle', { name: system.name }) : t('systems.addTitle')}>
      <Stack gap="md">
        <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="sm">
          <TextInput required data-autofocus label={t('systems.name')} placeholder={t('systems.namePlaceholder')} maxLength={100} {...form.getInputProps('name')} />
          <TextInput required label={t('systems.key')} description={t('systems.keyHint')} placeholder="注文システム" maxLength={64} {...form.getInputProps('key')} />
          <TextInput required label={t('systems.owner')} maxLength={100} {...form.getInputProps('ownerName')} />
          <TextInput required label={t('systems.contact')} placeholder="order-admin@example.co.jp" maxLength={254} {...form.getInputProps('ownerContact')} />
        </SimpleGrid>
        <Checkbox label={t('systems.holdsEveryCustomer')} description={t('systems.holdsEveryCustomerHint')} {...form.getInputProps('holdsEveryCustomer', { type: 'checkbox' })} />
        {system && <Checkbox label={t('systems.ended')} description={t('systems.endedHint')} {...form.getInputProps('ended', { type: 'checkbox' })} />}
        <ErrorAlert error={failure} />
        <Group justify="flex-end">
          <Button variant="default" onClick={onClose}>
            {t('common.cancel')}
          </Button>
          <Button type="submit" loading={form.submitting}>
            {t('common.save')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
