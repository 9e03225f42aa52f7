// Why the PPC must (or need not) be told: the four cases of the PPC rules, Art. 7, each marked as it applies (APPI Art. 26).
import { Alert, Group, List, Stack, Text, ThemeIcon } from '@mantine/core';
import { IconAlertTriangle, IconCheck, IconInfoCircle, IconMinus } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { reportablePeopleThreshold, type IncidentDetail } from '../../../../src-shared/registers';
import { Section } from '../customers/RecordSections';

/** The cases in the order of the rules (Art. 7 (i)–(iv)); the keys are the core's `reportableBecause`. */
export const reportRules = ['specialCare', 'financial', 'unlawful', 'overThreshold'] as const;

export function ReportabilitySection({ incident }: { incident: IncidentDetail }) {
  const { t } = useTranslation();
  const applies = new Set(incident.reportableBecause);
  return (
    <Section id="incident-reportability" title={t('incidentView.sections.reportability')}>
      <Stack gap="sm">
        {incident.reportable ? (
          <Alert color="red" variant="light" icon={<IconAlertTriangle aria-hidden />} title={t('incidentView.reportability.yesTitle')} data-testid="reportability-verdict" data-reportable="true">
            <Text size="sm">{t('incidentView.reportability.yes')}</Text>
          </Alert>
        ) : (
          <Alert color="gray" variant="light" icon={<IconInfoCircle aria-hidden />} title={t('incidentView.reportability.noTitle')} data-testid="reportability-verdict" data-reportable="false">
            <Text size="sm">{t('incidentView.reportability.no')}</Text>
          </Alert>
        )}
        <Text size="sm" fw={600}>
          {t('incidentView.reportability.rulesTitle')}
        </Text>
        <List spacing="xs" listStyleType="none" data-testid="report-rules">
          {reportRules.map((rule, n) => {
            const yes = applies.has(rule);
            return (
              <List.Item key={rule} data-rule={rule} data-applies={String(yes)}>
                <Group gap="sm" wrap="nowrap" align="flex-start">
                  <ThemeIcon size="sm" radius="xl" color={yes ? 'red' : 'gray'} variant={yes ? 'filled' : 'light'} mt={2} aria-hidden>
                    {yes ? <IconCheck size={12} /> : <IconMinus size={12} />}
                  </ThemeIcon>
                  <Stack gap={0}>
                    <Text size="sm" fw={yes ? 700 : 500}>
                      {t(`incidents.reportableBecause.${rule}`)}
                      <Text span size="xs" c={yes ? 'red.8' : 'dimmed'} ml={6}>
                        {yes ? t('incidentView.reportability.applies') : t('incidentView.reportability.doesNotApply')}
                      </Text>
                    </Text>
                    <Text size="xs" c="dimmed">
                      {t(`incidentView.reportability.rules.${rule}`, { article: n + 1, threshold: reportablePeopleThreshold.toLocaleString() })}
                    </Text>
                  </Stack>
                </Group>
              </List.Item>
            );
          })}
        </List>
        <Text size="xs" c="dimmed">
          {t('incidentView.reportability.note')}
        </Text>
      </Stack>
    </Section>
  );
}
