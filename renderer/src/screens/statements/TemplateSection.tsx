// The statement's text in Japanese and English (saving makes a new version), its versions, and a blank statement to print as PDF.
import { Accordion, Alert, Button, Card, Code, Group, SegmentedControl, Select, SimpleGrid, Stack, Text, Textarea, Title } from '@mantine/core';
import { useForm } from '@mantine/form';
import { notifications } from '@mantine/notifications';
import { IconFileTypePdf, IconPrinter } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { StatementTemplate } from '../../../../src-shared/domain';
import type { DeskErrorData } from '../../../../src-shared/errors';
import { useClient } from '../../app/client-context';
import { showErrorOnForm } from '../../app/errors';
import { requiredError } from '../../app/validate';
import { formatDateTime } from '../../components/dates';
import { ErrorAlert } from '../../components/ErrorAlert';
import { QueryError } from '../../components/QueryError';
import { Translated } from '../../components/Translated';
import { templateMade, useStatementsChanged, useTemplates } from './queries';

export function TemplateSection() {
  const templates = useTemplates();
  if (templates.error) return <QueryError error={templates.error} />;
  if (!templates.data) return null;
  const versions = templates.data.rows.slice().sort((a, b) => b.version - a.version);
  const latest = versions[0];
  if (!latest) return null;
  return (
    <>
      {/* A new key per version: after saving, the editor starts from the version just made. */}
      <TemplateEditor key={latest.version} latest={latest} versions={versions} />
      <PrintBlank key={`print-${latest.version}`} versions={versions} />
    </>
  );
}

function TemplateEditor({ latest, versions }: { latest: StatementTemplate; versions: StatementTemplate[] }) {
  const { t, i18n } = useTranslation();
  const client = useClient();
  const changed = useStatementsChanged();
  const [failure, setFailure] = useState<DeskErrorData | null>(null);
  const form = useForm({
    initialValues: { textJa: latest.textJa, textEn: latest.textEn },
    validate: { textJa: requiredError, textEn: requiredError },
  });
  const submit = form.onSubmit(async (values) => {
    setFailure(null);
    const result = await client.call('statements.saveTemplate', values);
    if (!result.ok) return setFailure(showErrorOnForm(form, result.error));
    notifications.show({ color: 'teal', message: <Translated k="statements.template.saved" values={{ version: result.value.version }} /> });
    changed();
  });
  return (
    <Card withBorder radius="md" padding="lg" component="section" aria-labelledby="template-title">
      <Group justify="space-between" align="flex-start" mb={4}>
        <Title order={2} size="h4" id="template-title">
          {t('statements.template.title')}
        </Title>
        <Text size="sm" c="dimmed" data-testid="template-latest">
          {t('statements.template.latest', { version: latest.version, date: templateMade(latest.createdAt, (d) => formatDateTime(d, i18n.language), t('statements.template.builtIn')) })}
        </Text>
      </Group>
      <Text size="sm" c="dimmed" mb="md">
        {t('statements.template.intro')}
      </Text>
      <form onSubmit={submit} noValidate aria-label={t('statements.template.title')}>
        <Stack gap="md">
          <SimpleGrid cols={{ base: 1, md: 2 }}>
            <Textarea required lang="ja" label={t('statements.template.ja')} autosize minRows={8} maxRows={18} {...form.getInputProps('textJa')} />
            <Textarea required lang="en" label={t('statements.template.en')} autosize minRows={8} maxRows={18} {...form.getInputProps('textEn')} />
          </SimpleGrid>
          <ErrorAlert error={failure} />
          <Group>
            <Button type="submit" loading={form.submitting} disabled={!form.isDirty()}>
              {t('statements.template.save')}
            </Button>
          </Group>
        </Stack>
      </form>
      <Title order={3} size="h5" mt="lg" mb="xs">
        {t('statements.template.history')}
      </Title>
      <Accordion variant="contained" chevronPosition="left" data-testid="template-history">
        {versions.map((v) => (
          <Accordion.Item key={v.version} value={String(v.version)}>
            <Accordion.Control>{t('statements.template.historyItem', { version: v.version, date: templateMade(v.createdAt, (d) => formatDateTime(d, i18n.language), t('statements.template.builtIn')) })}</Accordion.Control>
            <Accordion.Panel>
              <SimpleGrid cols={{ base: 1, md: 2 }}>
                <Text size="sm" lang="ja" style={{ whiteSpace: 'pre-wrap' }}>
                  {v.textJa}
                </Text>
                <Text size="sm" lang="en" style={{ whiteSpace: 'pre-wrap' }}>
                  {v.textEn}
                </Text>
              </SimpleGrid>
            </Accordion.Panel>
          </Accordion.Item>
        ))}
      </Accordion>
    </Card>
  );
}

function PrintBlank({ versions }: { versions: StatementTemplate[] }) {
  const { t, i18n } = useTranslation();
  const client = useClient();
  const [version, setVersion] = useState<string>(String(versions[0]!.version));
  const [language, setLanguage] = useState<'ja' | 'en'>(i18n.language === 'en' ? 'en' : 'ja');
  const [busy, setBusy] = useState(false);
  const [failure, setFailure] = useState<DeskErrorData | null>(null);
  const [path, setPath] = useState<string | null>(null);
  const print = async () => {
    setBusy(true);
    setFailure(null);
    setPath(null);
    const result = await client.call('statements.printBlank', { version: Number(version), language });
    setBusy(false);
    if (!result.ok) return setFailure(result.error);
    setPath(result.value.path);
  };
  return (
    <Card withBorder radius="md" padding="lg" component="section" aria-labelledby="print-title">
      <Title order={2} size="h4" id="print-title">
        {t('statements.print.title')}
      </Title>
      <Text size="sm" c="dimmed" mt={4} mb="md">
        {t('statements.print.intro')}
      </Text>
      <Group align="flex-end" gap="md">
        <Select
          label={t('statements.print.version')}
          w={220}
          allowDeselect={false}
          value={version}
          onChange={(v) => v && setVersion(v)}
          data={versions.map((v) => ({ value: String(v.version), label: t('statements.version', { version: v.version }) }))}
        />
        <Stack gap={4}>
          <Text size="sm" fw={500} id="print-language-label">
            {t('statements.print.language')}
          </Text>
          <SegmentedControl
            aria-labelledby="print-language-label"
            value={language}
            onChange={(v) => setLanguage(v as 'ja' | 'en')}
            data={[
              { value: 'ja', label: t('statements.print.ja') },
              { value: 'en', label: t('statements.print.en') },
            ]}
          />
        </Stack>
        <Button leftSection={<IconPrinter size={16} aria-hidden />} loading={busy} onClick={() => void print()}>
          {t('statements.print.submit')}
        </Button>
      </Group>
      <Stack mt="md" gap="xs">
        <ErrorAlert error={failure} />
        {path && (
          <Alert color="teal" variant="light" icon={<IconFileTypePdf aria-hidden />} title={t('statements.print.done')}>
            <Code block data-testid="blank-statement-path" style={{ wordBreak: 'break-all', whiteSpace: 'pre-wrap' }}>
              {path}
            </Code>
          </Alert>
        )}
      </Stack>
    </Card>
  );
}
