// プライバシーポリシーの版 (policy §8): every version with its dates and who recorded it, one read in full, two compared side by side.
import { Button, Card, Group, SegmentedControl, Select, Stack, Text, Title } from '@mantine/core';
import { IconArrowsLeftRight, IconFilePlus } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { PolicyVersionText } from '../../../../src-shared/registers';
import { useSession } from '../../app/session';
import { formatDay } from '../../components/dates';
import { QueryError } from '../../components/QueryError';
import { ScreenTitle } from '../../components/ScreenTitle';
import { PolicyDiff } from './PolicyDiff';
import { PolicyReader } from './PolicyReader';
import { PublishDialog } from './PublishDialog';
import { usePolicyVersions } from './queries';
import { VersionsTable } from './VersionsTable';

export type TextLanguage = 'ja' | 'en';

export function PolicyScreen() {
  const { t } = useTranslation();
  const session = useSession();
  const versions = usePolicyVersions();
  const [publishing, setPublishing] = useState(false);
  const [reading, setReading] = useState<number | null>(null);
  const [compare, setCompare] = useState<{ from: number; to: number } | null>(null);
  const data = versions.data;
  const canPublish = session.permissions.includes('purposes.manage');
  const byNumber = new Map((data?.versions ?? []).map((v) => [v.version, v]));
  const current = data ? byNumber.get(data.current) : undefined;
  // A new text starts from the newest version: one published to take effect later must not be silently undone.
  const latest = data?.versions[0];
  const read = byNumber.get(reading ?? data?.current ?? 0);
  // Until chosen, the comparison is of the version in force with the one before it.
  const pair = compare ?? (data && data.versions.length > 1 ? { from: data.versions[1]!.version, to: data.versions[0]!.version } : null);
  return (
    <Stack gap="lg">
      <Group justify="space-between" align="flex-start">
        <ScreenTitle title={t('policyVersions.title')} intro={t('policyVersions.intro')} />
        {canPublish && latest && (
          <Button leftSection={<IconFilePlus size={18} aria-hidden />} onClick={() => setPublishing(true)}>
            {t('policyVersions.publish.button')}
          </Button>
        )}
      </Group>
      <QueryError error={versions.error} />
      {data && (
        <>
          <Card withBorder radius="md" padding={0}>
            <VersionsTable
              versions={data.versions}
              current={data.current}
              reading={read?.version ?? null}
              onRead={setReading}
              onCompare={(v) => {
                const older = data.versions.find((x) => x.version < v);
                if (older) setCompare({ from: older.version, to: v });
                document.getElementById('policy-compare')?.scrollIntoView({ block: 'start' });
              }}
            />
          </Card>
          {read && <PolicyReader version={read} current={data.current} />}
          <CompareSection versions={data.versions} pair={pair} onChange={setCompare} />
        </>
      )}
      {latest && (
        <PublishDialog
          opened={publishing}
          latest={latest}
          onClose={() => setPublishing(false)}
          onPublished={(v) => {
            setPublishing(false);
            setReading(v.version);
            setCompare({ from: latest.version, to: v.version });
          }}
        />
      )}
    </Stack>
  );
}

function CompareSection({ versions, pair, onChange }: { versions: PolicyVersionText[]; pair: { from: number; to: number } | null; onChange: (p: { from: number; to: number }) => void }) {
  const { t, i18n } = useTranslation();
  const [language, setLanguage] = useState<TextLanguage>(i18n.language === 'en' ? 'en' : 'ja');
  const label = (v: PolicyVersionText) => t('policyVersions.versionLabel', { version: v.version, effective: formatDay(v.effectiveOn, i18n.language) });
  const options = versions.map((v) => ({ value: String(v.version), label: label(v) }));
  const from = versions.find((v) => v.version === pair?.from);
  const to = versions.find((v) => v.version === pair?.to);
  return (
    <Card withBorder radius="md" padding="lg" component="section" aria-labelledby="policy-compare" data-testid="policy-compare-section">
      <Stack gap="md">
        <Title order={2} size="h4" id="policy-compare">
          {t('policyVersions.diff.title')}
        </Title>
        {versions.length < 2 ? (
          <Text size="sm" c="dimmed">
            {t('policyVersions.diff.onlyOne')}
          </Text>
        ) : (
          <>
            <Group align="flex-end" gap="md" wrap="wrap">
              <Select label={t('policyVersions.diff.from')} data={options} value={pair ? String(pair.from) : null} allowDeselect={false} onChange={(v) => v && onChange({ from: Number(v), to: pair?.to ?? Number(v) })} w={280} data-testid="diff-from" />
              <IconArrowsLeftRight size={20} aria-hidden style={{ marginBottom: 8 }} />
              <Select label={t('policyVersions.diff.to')} data={options} value={pair ? String(pair.to) : null} allowDeselect={false} onChange={(v) => v && onChange({ from: pair?.from ?? Number(v), to: Number(v) })} w={280} data-testid="diff-to" />
              <SegmentedControl
                value={language}
                onChange={(v) => setLanguage(v as TextLanguage)}
                data={[
                  { value: 'ja', label: t('policyVersions.textJa') },
                  { value: 'en', label: t('policyVersions.textEn') },
                ]}
                aria-label={t('policyVersions.textLanguage')}
                data-testid="diff-language"
              />
            </Group>
            {from && to && (
              <PolicyDiff
                oldText={language === 'ja' ? from.textJa : from.textEn}
                newText={language === 'ja' ? to.textJa : to.textEn}
                oldLabel={label(from)}
                newLabel={label(to)}
                language={language}
              />
            )}
          </>
        )}
      </Stack>
    </Card>
  );
}
