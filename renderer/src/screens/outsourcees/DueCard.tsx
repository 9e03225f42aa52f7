// The home screen's card for outsourcee supervision: what is due or overdue, each figure linking to its filtered list (issue #10).
import { Anchor, Card, Group, Stack, Text, ThemeIcon, Title } from '@mantine/core';
import { IconAlertTriangle, IconBuildingFactory2, IconCircleCheck, IconClockHour4 } from '@tabler/icons-react';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { OutsourceeFilter } from '../../../../src-shared/api/outsourcees';
import { useNavigate } from '../../app/navigate';
import { QueryError } from '../../components/QueryError';
import { useOutsourcees } from './queries';

function Figure({ count, show, label, late, testId }: { count: number; show: OutsourceeFilter; label: string; late: boolean; testId: string }) {
  const navigate = useNavigate();
  const color = late ? 'red.8' : 'orange.8';
  return (
    <Group gap="xs" wrap="nowrap" data-testid={testId} data-count={count}>
      {late ? <IconAlertTriangle size={16} aria-hidden color="var(--mantine-color-red-8)" /> : <IconClockHour4 size={16} aria-hidden color="var(--mantine-color-orange-8)" />}
      <Anchor component="button" type="button" size="sm" c={color} fw={700} onClick={() => navigate(`outsourcees?show=${show}`)} ta="left">
        {label}
      </Anchor>
    </Group>
  );
}

export function OutsourceesDueCard() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const list = useOutsourcees('all');
  const c = list.data?.counts;
  let body: ReactNode = null;
  if (c) {
    const figures = [
      c.overdue > 0 && <Figure key="overdue" testId="due-overdue" count={c.overdue} show="overdue" late label={t('outsourceesCard.overdue', { count: c.overdue })} />,
      c.selectionMissing > 0 && <Figure key="selection" testId="due-selection" count={c.selectionMissing} show="overdue" late label={t('outsourceesCard.selectionMissing', { count: c.selectionMissing })} />,
      c.findingsOverdue > 0 && <Figure key="findings" testId="due-findings" count={c.findingsOverdue} show="findingsOverdue" late label={t('outsourceesCard.findingsOverdue', { count: c.findingsOverdue })} />,
      c.dueSoon > 0 && <Figure key="soon" testId="due-soon" count={c.dueSoon} show="dueSoon" late={false} label={t('outsourceesCard.dueSoon', { count: c.dueSoon })} />,
    ].filter(Boolean);
    body =
      figures.length > 0 ? (
        <Stack gap={6}>{figures}</Stack>
      ) : (
        <Group gap="xs" wrap="nowrap" data-testid="outsourcees-nothing-due">
          <IconCircleCheck size={18} aria-hidden color="var(--mantine-color-teal-7)" />
          <Text size="sm">
            {c.outsourcees === 0 ? t('outsourceesCard.noOutsourcees') : t('outsourceesCard.nothingDue')}
          </Text>
        </Group>
      );
  }
  return (
    <Card withBorder radius="md" padding="lg" component="section" aria-labelledby="outsourcees-due-title" data-testid="outsourcees-due-card">
      <Stack gap="sm">
        <Group gap="xs" wrap="nowrap">
          <ThemeIcon variant="light" color="grape" size="md" radius="md" aria-hidden>
            <IconBuildingFactory2 size={18} />
          </ThemeIcon>
          <Title order={3} size="h5" id="outsourcees-due-title">
            {t('nav.outsourcees')}
          </Title>
        </Group>
        <QueryError error={list.error} />
        {body}
        {c && c.outsourcees > 0 && (
          <Anchor component="button" type="button" ta="left" size="xs" c="dimmed" onClick={() => navigate('outsourcees?show=all')} data-testid="outsourcees-due-all">
            {t('outsourceesCard.total', { count: c.outsourcees })}
          </Anchor>
        )}
      </Stack>
    </Card>
  );
}
