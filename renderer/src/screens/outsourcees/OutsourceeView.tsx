// One outsourcee: what the contract agreed, where its supervision stands, the findings still open, and every
// selection check and evaluation, newest first.
import { Anchor, Button, Card, Center, Group, Loader, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import { IconArrowLeft, IconClipboardCheck, IconClipboardList } from '@tabler/icons-react';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { EvaluationKind, OutsourceeDetail } from '../../../../src-shared/api/outsourcees';
import { useNavigate } from '../../app/navigate';
import { useSession } from '../../app/session';
import { formatDay } from '../../components/dates';
import { QueryError } from '../../components/QueryError';
import { countryLabel } from '../partners/countries';
import { HistorySection } from './HistorySection';
import { DueLabel, ResultBadge, Score, SelectionMissingBadge } from './labels';
import { OpenFindingsSection } from './OpenFindingsSection';
import { useOutsourcee } from './queries';

type OnRecord = (kind: EvaluationKind, corrects?: string) => void;

export function OutsourceeView({ partnerId, onBack, onRecord }: { partnerId: string; onBack: () => void; onRecord: OnRecord }) {
  const { t } = useTranslation();
  const detail = useOutsourcee(partnerId);
  const d = detail.data;
  return (
    <Stack gap="md" data-testid="outsourcee-view" data-due={d?.outsourcee.due}>
      <Group>
        <Button variant="subtle" leftSection={<IconArrowLeft size={16} aria-hidden />} onClick={onBack} px={4}>
          {t('outsourceeView.back')}
        </Button>
      </Group>
      <QueryError error={detail.error} />
      {!d && detail.isPending && (
        <Center py="xl">
          <Group gap="sm" role="status">
            <Loader size="sm" aria-hidden />
            <Text size="sm">{t('common.loading')}</Text>
          </Group>
        </Center>
      )}
      {d && (
        <>
          <Header detail={d} onRecord={onRecord} />
          <OpenFindingsSection detail={d} />
          <HistorySection detail={d} onCorrect={(kind, id) => onRecord(kind, id)} />
        </>
      )}
    </Stack>
  );
}

function Fact({ label, children }: { label: string; children: ReactNode }) {
  return (
    <Stack gap={0}>
      <Text size="xs" c="dimmed">
        {label}
      </Text>
      <Text size="sm" component="div" style={{ overflowWrap: 'anywhere', whiteSpace: 'pre-line' }}>
        {children}
      </Text>
    </Stack>
  );
}

function Header({ detail, onRecord }: { detail: OutsourceeDetail; onRecord: OnRecord }) {
  const { t, i18n } = useTranslation();
  const lang = i18n.language;
  const session = useSession();
  const navigate = useNavigate();
  const { outsourcee: o, partner } = detail;
  const canEvaluate = session.permissions.includes('outsourcees.evaluate') && o.isOutsourcee && !o.endedOn;
  return (
    <Card withBorder radius="md" padding="lg" data-testid="outsourcee-header">
      <Stack gap="md">
        <Group justify="space-between" align="flex-start" wrap="wrap" gap="md">
          <Stack gap={4} maw={620}>
            <Text size="sm" c="dimmed">
              {t('outsourceeView.kicker')}
            </Text>
            <Title order={1} size="h2">
              {o.name}
            </Title>
            <Text size="sm" c="dimmed">
              {partner.representative} / {partner.address}
            </Text>
            {session.permissions.includes('partners.read') && (
              <Anchor component="button" type="button" size="sm" onClick={() => navigate('partners?role=outsourcee')} ta="left">
                {t('outsourceeView.openPartner')}
              </Anchor>
            )}
          </Stack>
          {canEvaluate && (
            <Group gap="sm">
              <Button variant="default" leftSection={<IconClipboardList size={16} aria-hidden />} onClick={() => onRecord('selection')} data-testid="record-selection">
                {t('outsourceeView.recordSelection')}
              </Button>
              <Button leftSection={<IconClipboardCheck size={16} aria-hidden />} onClick={() => onRecord('periodic')} data-testid="record-evaluation">
                {t('outsourceeView.recordEvaluation')}
              </Button>
            </Group>
          )}
        </Group>
        <SimpleGrid cols={{ base: 1, sm: 2, lg: 4 }} spacing="md">
          <Fact label={t('outsourceeView.nextDue')}>
            <Stack gap={2} data-testid="next-due">
              {o.nextDueOn && <Text size="sm">{formatDay(o.nextDueOn, lang)}</Text>}
              <DueLabel due={o.due} daysToDue={o.daysToDue} />
            </Stack>
          </Fact>
          <Fact label={t('outsourcees.columns.selection')}>
            {o.lastSelection ? (
              <Group gap={6}>
                <Text size="sm">{formatDay(o.lastSelection.evaluatedOn, lang)}</Text>
                <Score score={o.lastSelection.score} />
                <ResultBadge result={o.lastSelection.result} size="xs" />
              </Group>
            ) : (
              <SelectionMissingBadge />
            )}
          </Fact>
          <Fact label={t('outsourcees.columns.evaluation')}>
            {o.lastEvaluation ? (
              <Group gap={6}>
                <Text size="sm">{formatDay(o.lastEvaluation.evaluatedOn, lang)}</Text>
                <Score score={o.lastEvaluation.score} />
                <ResultBadge result={o.lastEvaluation.result} size="xs" />
              </Group>
            ) : (
              <Text size="sm" c="dimmed">
                {t('outsourcees.noEvaluation')}
              </Text>
            )}
          </Fact>
          <Fact label={t('outsourceeView.contract')}>
            {o.contractFrom || o.contractTo ? `${formatDay(o.contractFrom, lang)} 〜 ${formatDay(o.contractTo, lang)}` : '—'}
            {o.endedOn && (
              <Text size="xs" c="dimmed">
                {t('outsourcees.ended', { day: formatDay(o.endedOn, lang) })}
              </Text>
            )}
          </Fact>
        </SimpleGrid>
        <SimpleGrid cols={{ base: 1, md: 2 }} spacing="md">
          <Fact label={t('outsourceeView.securityMeasures')}>{partner.securityMeasures}</Fact>
          <Stack gap="sm">
            <Fact label={t('outsourceeView.country')}>{countryLabel(o.country, lang)}</Fact>
            <Fact label={t('outsourceeView.contact')}>
              {partner.contactName}
              <Text size="xs" c="dimmed">
                {partner.contactEmail}
              </Text>
            </Fact>
          </Stack>
        </SimpleGrid>
      </Stack>
    </Card>
  );
}
