// The partner register's table: name, roles, country (abroad marked 外国), contract period, contact, ended; edit and end for the officer.
import { Badge, Button, Group, Stack, Text, VisuallyHidden } from '@mantine/core';
import { IconWorld } from '@tabler/icons-react';
import { createColumnHelper, tableFeatures, useTable } from '@tanstack/react-table';
import { useMemo, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { Partner } from '../../../../src-shared/registers';
import { cellBadge } from '../../components/badge';
import { DataTable } from '../../components/DataTable';
import { formatDay } from '../../components/dates';
import { countryLabel, isAbroad } from './countries';

const features = tableFeatures({});
const helper = createColumnHelper<typeof features, Partner>();

export function AbroadBadge() {
  const { t } = useTranslation();
  return (
    <Badge {...cellBadge} size="sm" color="orange" variant="filled" leftSection={<IconWorld size={12} aria-hidden />} data-testid="abroad-badge">
      {t('partners.abroad')}
    </Badge>
  );
}

/** An address that may wrap after its @ only, never inside a word. */
function EmailAddress({ address }: { address: string }) {
  const at = address.lastIndexOf('@');
  if (at < 0) return <>{address}</>;
  return (
    <>
      <span style={{ whiteSpace: 'nowrap' }}>{address.slice(0, at + 1)}</span>
      <wbr />
      <span style={{ whiteSpace: 'nowrap' }}>{address.slice(at + 1)}</span>
    </>
  );
}

export function PartnerTable({ rows, canManage, onEdit, onEnd, empty }: { rows: Partner[]; canManage: boolean; onEdit: (p: Partner) => void; onEnd: (p: Partner) => void; empty: ReactNode }) {
  const { t, i18n } = useTranslation();
  const lang = i18n.language;
  const columns = useMemo(
    () =>
      helper.columns([
        helper.accessor('name', {
          header: () => t('partners.columns.name'),
          cell: ({ row }) => (
            <Stack gap={2} miw={150}>
              <Text size="sm" fw={700}>
                {row.original.name}
              </Text>
              <Text size="xs" c="dimmed">
                {row.original.representative}
              </Text>
              {row.original.referenced && (
                <Badge {...cellBadge} size="xs" color="gray" variant="outline" data-testid="referenced-badge">
                  {t('partners.referenced')}
                </Badge>
              )}
            </Stack>
          ),
        }),
        helper.accessor('roles', {
          header: () => t('partners.columns.roles'),
          cell: ({ getValue }) => (
            <Group gap={4} maw={260}>
              {getValue().map((r) => (
                <Badge key={r} {...cellBadge} size="sm" variant="light" color={r === 'outsourcee' ? 'grape' : 'indigo'} data-role={r}>
                  {t(`partners.roles.${r}`)}
                </Badge>
              ))}
            </Group>
          ),
        }),
        helper.accessor('country', {
          header: () => t('partners.columns.country'),
          cell: ({ getValue }) => (
            <Stack gap={4} align="flex-start">
              <Text size="sm">
                {countryLabel(getValue(), lang)}
              </Text>
              {isAbroad(getValue()) && <AbroadBadge />}
            </Stack>
          ),
        }),
        helper.display({
          id: 'contract',
          header: () => t('partners.columns.contract'),
          cell: ({ row }) => {
            const { contractFrom, contractTo } = row.original;
            if (!contractFrom && !contractTo) return <Text size="sm" c="dimmed">—</Text>;
            // From and to on two lines: the register has many columns, and a period reads well stacked.
            return (
              <Text size="sm" style={{ whiteSpace: 'nowrap' }}>
                {t('partners.periodFrom', { from: formatDay(contractFrom, lang) })}
                <br />
                {formatDay(contractTo, lang)}
              </Text>
            );
          },
        }),
        helper.display({
          id: 'contact',
          header: () => t('partners.columns.contact'),
          cell: ({ row }) => (
            <Stack gap={0}>
              <Text size="sm">{row.original.contactName}</Text>
              <Text size="xs" c="dimmed">
                <EmailAddress address={row.original.contactEmail} />
              </Text>
              {row.original.contactPhone && (
                <Text size="xs" c="dimmed" ff="monospace">
                  {row.original.contactPhone}
                </Text>
              )}
            </Stack>
          ),
        }),
        helper.accessor('endedOn', {
          header: () => t('partners.columns.ended'),
          cell: ({ getValue }) =>
            getValue() ? (
              <Stack gap={2} align="flex-start">
                <Badge {...cellBadge} size="sm" color="gray" variant="filled" data-testid="ended-badge">
                  {t('partners.ended')}
                </Badge>
                <Text size="xs" style={{ whiteSpace: 'nowrap' }}>
                  {formatDay(getValue(), lang)}
                </Text>
              </Stack>
            ) : (
              <Text size="sm" c="dimmed">
                —
              </Text>
            ),
        }),
        ...(canManage
          ? [
              helper.display({
                id: 'actions',
                header: () => <VisuallyHidden>{t('partners.columns.actions')}</VisuallyHidden>,
                cell: ({ row }) => (
                  <Stack gap={6} align="stretch">
                    <Button size="compact-sm" variant="light" onClick={() => onEdit(row.original)} aria-label={t('partners.editNamed', { name: row.original.name })}>
                      {t('partners.edit')}
                    </Button>
                    <Button size="compact-sm" variant="default" color={row.original.endedOn ? undefined : 'red'} onClick={() => onEnd(row.original)} aria-label={t(row.original.endedOn ? 'partners.resumeNamed' : 'partners.endNamed', { name: row.original.name })}>
                      {row.original.endedOn ? t('partners.resume') : t('partners.endAction')}
                    </Button>
                  </Stack>
                ),
              }),
            ]
          : []),
      ]),
    [t, lang, canManage, onEdit, onEnd],
  );
  const table = useTable({ features, columns, data: rows, getRowId: (row) => row.id });
  return (
    <DataTable
      table={table}
      caption={t('partners.title')}
      testId="partners-table"
      empty={empty}
      rowProps={(p) => ({ 'data-partner': p.name, 'data-country': p.country, 'data-ended': String(p.endedOn !== null), style: p.endedOn ? { opacity: 0.7 } : undefined })}
    />
  );
}
