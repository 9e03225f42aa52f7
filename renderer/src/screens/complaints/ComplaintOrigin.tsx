// 「苦情 C-2026-0001 から」 on a request or an incident: the complaint it came from, read from the same stored link as the
// complaint's own list of what followed, one click away. Shown only to those who may read complaints.
import { Anchor, Group, Paper, Text } from '@mantine/core';
import { IconMessageReport } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from '../../app/navigate';
import { useSession } from '../../app/session';
import { formatDay } from '../../components/dates';
import { useComplaintOrigins } from './queries';

export function ComplaintOrigin({ requestId, incidentId }: { requestId?: string; incidentId?: string }) {
  const { t, i18n } = useTranslation();
  const navigate = useNavigate();
  const mayRead = useSession().permissions.includes('complaints.read');
  const origins = useComplaintOrigins(requestId !== undefined ? { requestId } : { incidentId }, mayRead);
  const rows = origins.data?.rows ?? [];
  if (!mayRead || rows.length === 0) return null;
  return (
    <Paper withBorder radius="md" px="md" py="xs" bg="var(--mantine-color-grape-light)" data-testid="complaint-origin">
      <Group gap="sm" wrap="wrap">
        <IconMessageReport size={18} aria-hidden color="var(--mantine-color-grape-7)" />
        {rows.map((o) => (
          <Group key={o.id} gap={6} wrap="nowrap">
            <Anchor component="button" type="button" fw={700} size="sm" onClick={() => navigate(`complaints?open=${o.id}`)} data-testid="complaint-origin-link">
              {t(`complaintOrigin.from.${o.kind}`, { number: o.number })}
            </Anchor>
            <Text size="xs" c="dimmed">
              {t('complaintOrigin.received', { day: formatDay(o.receivedOn, i18n.language) })}
            </Text>
          </Group>
        ))}
      </Group>
    </Paper>
  );
}
