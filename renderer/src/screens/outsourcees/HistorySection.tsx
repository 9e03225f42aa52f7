// Every selection check and evaluation of the outsourcee, newest first: the latest open, the older ones a click away,
// and a corrected record kept and marked, never removed.
import { Accordion, Badge, Card, Group, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { EvaluationKind, OutsourceeDetail } from '../../../../src-shared/api/outsourcees';
import { cellBadge } from '../../components/badge';
import { formatDay } from '../../components/dates';
import { EvaluationRecord } from './EvaluationRecord';
import { KindBadge, ResultBadge, Score } from './labels';

export function HistorySection({ detail, onCorrect }: { detail: OutsourceeDetail; onCorrect: (kind: EvaluationKind, id: string) => void }) {
  const { t, i18n } = useTranslation();
  const lang = i18n.language;
  const latest = detail.evaluations.find((e) => !e.correctedBy);
  return (
    <Card withBorder radius="md" padding="lg" component="section" aria-labelledby="history-title" data-testid="outsourcee-history">
      <Title order={2} size="h4" id="history-title" mb="sm">
        {t('outsourceeView.history')}
      </Title>
      {detail.evaluations.length === 0 ? (
        <Text size="sm" c="dimmed" data-testid="history-empty">
          {t('outsourceeView.historyEmpty')}
        </Text>
      ) : (
        <Accordion multiple defaultValue={latest ? [latest.id] : []} variant="separated" chevronPosition="left">
          {detail.evaluations.map((e) => (
            <Accordion.Item key={e.id} value={e.id} data-testid="evaluation-record" data-number={e.number} data-kind={e.kind} data-corrected={String(e.correctedBy !== null)}>
              <Accordion.Control aria-label={t('outsourceeView.recordNamed', { number: e.number, kind: t(`outsourcees.kinds.${e.kind}`), day: formatDay(e.evaluatedOn, lang) })}>
                <Group gap="sm" wrap="wrap">
                  <Text size="sm" ff="monospace" c="dimmed">
                    {e.number}
                  </Text>
                  <KindBadge kind={e.kind} />
                  <Text size="sm" fw={600}>
                    {formatDay(e.evaluatedOn, lang)}
                  </Text>
                  <Score score={e.score} />
                  <ResultBadge result={e.result} size="xs" />
                  {e.correctedBy && (
                    <Badge {...cellBadge} size="xs" color="gray" variant="filled" data-testid="corrected-badge">
                      {t('outsourceeView.correctedBy', { number: e.correctedBy.number })}
                    </Badge>
                  )}
                  {e.corrects && (
                    <Badge {...cellBadge} size="xs" color="blue" variant="outline">
                      {t('outsourceeView.corrects', { number: e.corrects.number })}
                    </Badge>
                  )}
                </Group>
              </Accordion.Control>
              <Accordion.Panel>
                <EvaluationRecord evaluation={e} canCorrect={detail.outsourcee.isOutsourcee && !detail.outsourcee.endedOn && !e.correctedBy} onCorrect={() => onCorrect(e.kind, e.id)} />
              </Accordion.Panel>
            </Accordion.Item>
          ))}
        </Accordion>
      )}
    </Card>
  );
}
