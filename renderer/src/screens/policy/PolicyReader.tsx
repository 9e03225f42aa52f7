// One version of the policy read in full, in Japanese or in English.
import { Badge, Card, Group, ScrollArea, SegmentedControl, Stack, Text, Title } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { PolicyVersionText } from '../../../../src-shared/registers';
import { cellBadge } from '../../components/badge';
import { formatDay } from '../../components/dates';
import type { TextLanguage } from './PolicyScreen';

export function PolicyReader({ version, current }: { version: PolicyVersionText; current: number }) {
  const { t, i18n } = useTranslation();
  const [language, setLanguage] = useState<TextLanguage>(i18n.language === 'en' ? 'en' : 'ja');
  const text = language === 'ja' ? version.textJa : version.textEn;
  return (
    <Card withBorder radius="md" padding="lg" component="section" aria-labelledby="policy-read" data-testid="policy-reader" data-version={version.version}>
      <Stack gap="sm">
        <Group justify="space-between" wrap="wrap">
          <Group gap="xs">
            <Title order={2} size="h4" id="policy-read">
              {t('policyVersions.readTitle', { version: version.version })}
            </Title>
            {version.version === current && (
              <Badge {...cellBadge} color="teal" variant="light">
                {t('policyVersions.current')}
              </Badge>
            )}
          </Group>
          <SegmentedControl
            value={language}
            onChange={(v) => setLanguage(v as TextLanguage)}
            data={[
              { value: 'ja', label: t('policyVersions.textJa') },
              { value: 'en', label: t('policyVersions.textEn') },
            ]}
            aria-label={t('policyVersions.textLanguage')}
            data-testid="reader-language"
          />
        </Group>
        <Text size="xs" c="dimmed">
          {t('policyVersions.dates', { posted: formatDay(version.postedOn, i18n.language), effective: formatDay(version.effectiveOn, i18n.language) })}
        </Text>
        {/* A scrolled text must be reachable by keyboard (WCAG 2.1.1): the viewport takes focus and names itself. */}
        <ScrollArea.Autosize mah={420} type="auto" offsetScrollbars viewportProps={{ tabIndex: 0, role: 'region', 'aria-label': t('policyVersions.readTitle', { version: version.version }) }}>
          <Text size="sm" component="div" lang={language} style={{ whiteSpace: 'pre-wrap', overflowWrap: 'anywhere', lineHeight: 1.8 }} data-testid="policy-text">
            {text}
          </Text>
        </ScrollArea.Autosize>
      </Stack>
    </Card>
  );
}
