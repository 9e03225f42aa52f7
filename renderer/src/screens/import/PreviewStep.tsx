// Step 2 of the import: what the file holds (encoding, counts), which column fills which field, the first rows, and every problem.
import { Alert, Badge, Button, Card, Group, Select, SimpleGrid, Stack, Table, Text, Title } from '@mantine/core';
import { IconAlertTriangle, IconArrowLeft, IconRefresh } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import type { ImportPreview } from '../../../../src-shared/api/customer-import';
import type { DeskErrorData } from '../../../../src-shared/errors';
import { importReasonTexts } from '../../../../src-shared/import-reasons';
import { cellBadge } from '../../components/badge';
import { ErrorAlert } from '../../components/ErrorAlert';
import { fieldLabel } from './import-file';

function Stat({ label, value, color, testId }: { label: string; value: number; color?: string; testId: string }) {
  const { i18n } = useTranslation();
  return (
    <Card withBorder radius="md" padding="sm">
      <Text size="xs" c="dimmed">
        {label}
      </Text>
      <Text size="xl" fw={700} c={color} data-testid={testId}>
        {new Intl.NumberFormat(i18n.language).format(value)}
      </Text>
    </Card>
  );
}

/** The reason of a problem in the user's language, from the same table the rejected-rows file reads. */
export function reasonText(reason: string, language: string): string {
  const texts = importReasonTexts[reason];
  if (!texts) return language === 'en' ? 'invalid value' : '値が正しくありません';
  // The shared texts are written to follow a column name ("E-mail": not an e-mail address); alone in a cell, English starts with a capital.
  return language === 'en' ? texts.en.charAt(0).toUpperCase() + texts.en.slice(1) : texts.ja;
}

export function PreviewStep({
  preview,
  choices,
  onChoose,
  dirty,
  onRemap,
  onBack,
  onCommit,
  busy,
  failure,
}: {
  preview: ImportPreview;
  /** header → field or `ignore`, as the user set them on this screen. */
  choices: Record<string, string>;
  onChoose: (header: string, field: string | null) => void;
  /** The choices differ from what this preview was made with. */
  dirty: boolean;
  onRemap: () => void;
  onBack: () => void;
  onCommit: () => void;
  busy: boolean;
  failure: DeskErrorData | null;
}) {
  const { t, i18n } = useTranslation();
  const lang = i18n.language;
  const options = [{ value: 'ignore', label: fieldLabel(t, 'ignore') }, ...preview.fields.map((f) => ({ value: f, label: fieldLabel(t, f) }))];
  const unresolved = preview.unknownHeaders.filter((h) => !choices[h]);
  const canCommit = !dirty && preview.unknownHeaders.length === 0 && preview.missingFields.length === 0 && preview.goodRows > 0;

  return (
    <Stack gap="lg">
      <section aria-labelledby="preview-summary">
        <Title order={2} size="h4" id="preview-summary" mb="xs">
          {t('customerImport.preview.summary')}
        </Title>
        <SimpleGrid cols={{ base: 2, md: 5 }} spacing="sm">
          <Card withBorder radius="md" padding="sm">
            <Text size="xs" c="dimmed">
              {t('customerImport.preview.encoding')}
            </Text>
            <Text size="md" fw={700} mt={6} data-testid="preview-encoding" data-encoding={preview.encoding}>
              {t(`customerImport.preview.encodings.${preview.encoding}`)}
            </Text>
          </Card>
          <Stat label={t('customerImport.preview.rows')} value={preview.rowCount} testId="preview-rows" />
          <Stat label={t('customerImport.preview.good')} value={preview.goodRows} color="teal" testId="preview-good" />
          <Stat label={t('customerImport.preview.rejected')} value={preview.rejectedRows} color={preview.rejectedRows ? 'red' : undefined} testId="preview-rejected" />
          <Stat label={t('customerImport.preview.duplicates')} value={preview.possibleDuplicates} color={preview.possibleDuplicates ? 'orange' : undefined} testId="preview-duplicates" />
        </SimpleGrid>
        {preview.possibleDuplicates > 0 && (
          <Text size="xs" c="dimmed" mt="xs">
            {t('customerImport.preview.duplicatesHint')}
          </Text>
        )}
      </section>

      <section aria-labelledby="preview-mapping">
        <Title order={2} size="h4" id="preview-mapping" mb={4}>
          {t('customerImport.preview.mapping')}
        </Title>
        <Text size="sm" c="dimmed" mb="xs">
          {t('customerImport.preview.mappingHint')}
        </Text>
        <Card withBorder radius="md" padding={0}>
          <Table verticalSpacing={4} data-testid="mapping-table">
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{t('customerImport.preview.header')}</Table.Th>
                <Table.Th>{t('customerImport.preview.field')}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {preview.headers.map((header) => {
                const unknown = preview.unknownHeaders.includes(header);
                const value = choices[header] ?? preview.mapping[header] ?? null;
                return (
                  <Table.Tr key={header} data-header={header} data-unknown={String(unknown)}>
                    <Table.Td>
                      <Group gap={6}>
                        <Text size="sm" fw={600}>
                          {header}
                        </Text>
                        {unknown && !choices[header] && (
                          <Badge {...cellBadge} color="orange" variant="light" size="sm">
                            {t('customerImport.preview.unknown')}
                          </Badge>
                        )}
                      </Group>
                    </Table.Td>
                    <Table.Td w={320}>
                      <Select
                        aria-label={`${t('customerImport.preview.field')}: ${header}`}
                        placeholder={t('customerImport.preview.chooseField')}
                        data={options}
                        value={value}
                        onChange={(v) => onChoose(header, v)}
                        searchable
                        size="xs"
                        error={unknown && !choices[header] ? true : undefined}
                        comboboxProps={{ withinPortal: true }}
                      />
                    </Table.Td>
                  </Table.Tr>
                );
              })}
            </Table.Tbody>
          </Table>
        </Card>
        {preview.missingFields.length > 0 && (
          <Alert color="red" variant="light" mt="xs" data-testid="missing-fields">
            {t('customerImport.preview.missing', { fields: preview.missingFields.map((f) => fieldLabel(t, f)).join(lang === 'en' ? ', ' : '、') })}
          </Alert>
        )}
        {(dirty || unresolved.length > 0) && (
          <Group mt="xs" gap="sm">
            <Button variant="light" size="sm" leftSection={<IconRefresh size={16} aria-hidden />} onClick={onRemap} loading={busy && dirty} disabled={!dirty}>
              {t('customerImport.preview.remap')}
            </Button>
            {dirty && (
              <Text size="sm" c="orange.8">
                {t('customerImport.preview.remapNeeded')}
              </Text>
            )}
          </Group>
        )}
      </section>

      <section aria-labelledby="preview-sample">
        <Title order={2} size="h4" id="preview-sample" mb="xs">
          {t('customerImport.preview.sample', { count: preview.sample.length })}
        </Title>
        <Card withBorder radius="md" padding={0}>
          <Table.ScrollContainer minWidth={720}>
            <Table verticalSpacing={4} fz="xs" striped data-testid="sample-table">
              <Table.Thead>
                <Table.Tr>
                  <Table.Th>{t('customerImport.preview.sampleRow')}</Table.Th>
                  {preview.headers.map((h) => (
                    <Table.Th key={h} style={{ whiteSpace: 'nowrap' }}>
                      {h}
                    </Table.Th>
                  ))}
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {preview.sample.map((row) => (
                  <Table.Tr key={row.row} data-row={row.row} data-refused={String(row.values === null)}>
                    <Table.Td style={{ whiteSpace: 'nowrap' }}>
                      {row.row}
                      {row.values === null && (
                        <Badge {...cellBadge} color="red" variant="light" size="xs" ml={4}>
                          {t('customerImport.preview.refused')}
                        </Badge>
                      )}
                    </Table.Td>
                    {row.cells.map((c, i) => (
                      <Table.Td key={i} style={{ whiteSpace: 'nowrap' }}>
                        {c}
                      </Table.Td>
                    ))}
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </Table.ScrollContainer>
        </Card>
      </section>

      <section aria-labelledby="preview-problems">
        <Group gap="xs" mb="xs">
          <Title order={2} size="h4" id="preview-problems">
            {t('customerImport.preview.problems')}
          </Title>
          {preview.problemsTotal > 0 && (
            <Badge {...cellBadge} color="red" variant="light" leftSection={<IconAlertTriangle size={12} aria-hidden />}>
              {t('customerImport.preview.problemsCount', { count: preview.problemsTotal })}
            </Badge>
          )}
        </Group>
        {preview.problems.length === 0 ? (
          <Text size="sm" c="dimmed">
            {t('customerImport.preview.noProblems')}
          </Text>
        ) : (
          <Card withBorder radius="md" padding={0}>
            <Table verticalSpacing={4} fz="sm" data-testid="problems-table">
              <Table.Thead>
                <Table.Tr>
                  <Table.Th w={80}>{t('customerImport.preview.row')}</Table.Th>
                  <Table.Th w={200}>{t('customerImport.preview.column')}</Table.Th>
                  <Table.Th>{t('customerImport.preview.reason')}</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {preview.problems.map((p, i) => (
                  <Table.Tr key={i} data-row={p.row} data-reason={p.reason}>
                    <Table.Td>{p.row}</Table.Td>
                    <Table.Td>{p.header === null ? t('customerImport.preview.wholeRow') : `${p.column}: ${p.header}`}</Table.Td>
                    <Table.Td>{reasonText(p.reason, lang)}</Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </Card>
        )}
        {preview.problemsTotal > preview.problems.length && (
          <Text size="xs" c="dimmed" mt={4}>
            {t('customerImport.preview.problemsCapped', { shown: preview.problems.length, total: preview.problemsTotal })}
          </Text>
        )}
      </section>

      <ErrorAlert error={failure} />
      <Group justify="space-between">
        <Button variant="default" leftSection={<IconArrowLeft size={16} aria-hidden />} onClick={onBack}>
          {t('customerImport.preview.back')}
        </Button>
        <Button onClick={onCommit} disabled={!canCommit} loading={busy && !dirty}>
          {t('customerImport.preview.commit', { count: preview.goodRows })}
        </Button>
      </Group>
    </Stack>
  );
}
