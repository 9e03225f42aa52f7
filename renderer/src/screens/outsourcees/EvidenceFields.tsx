// The evidence files of a check: chosen from disk (PDF or picture, checked again by the core), each with its kind;
// a correction may keep the files of the record it replaces.
import { ActionIcon, Button, Card, Checkbox, FileButton, Group, Select, Stack, Table, Text, Title } from '@mantine/core';
import type { UseFormReturnType } from '@mantine/form';
import { IconPaperclip, IconTrash } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { evidenceKinds, evidenceMimeTypes, maxEvidenceFiles, type EvidenceInfo, type EvidenceKind } from '../../../../src-shared/api/outsourcees';
import { FieldMessage } from '../../app/errors';
import { formatBytes } from '../requests/files';
import { evidenceProblem, newKey, type EvaluationValues } from './form-values';

type Form = UseFormReturnType<EvaluationValues>;

/** What a file most likely is, from its name: the officer can change it. */
function guessKind(name: string): EvidenceKind {
  if (/登録証|認証|certif|iso|27001|pマーク|privacy ?mark/i.test(name)) return 'certificate';
  if (/訪問|監査|visit|audit/i.test(name)) return 'onSiteReport';
  if (/チェック|回答|question/i.test(name)) return 'questionnaire';
  if (/契約|覚書|contract|agreement/i.test(name)) return 'contract';
  return 'whitePaper';
}

export function EvidenceFields({ form, kept }: { form: Form; kept: EvidenceInfo[] }) {
  const { t, i18n } = useTranslation();
  const [problem, setProblem] = useState<{ name: string; key: string } | null>(null);
  const files = form.values.evidence;
  const room = maxEvidenceFiles - files.length - form.values.keepEvidence.length;
  const add = (chosen: File[]) => {
    setProblem(null);
    form.clearFieldError('evidence');
    for (const file of chosen.slice(0, Math.max(0, room))) {
      const bad = evidenceProblem(file);
      if (bad) {
        setProblem({ name: file.name, key: bad });
        continue;
      }
      form.insertListItem('evidence', { key: newKey(), kind: guessKind(file.name), file });
    }
  };
  return (
    <Card withBorder radius="md" padding="lg" component="section" aria-labelledby="evidence-title">
      <Group justify="space-between" align="flex-start" mb="sm">
        <Stack gap={2} maw={680}>
          <Title order={2} size="h4" id="evidence-title">
            {t('evaluationForm.evidence')}
          </Title>
          <Text size="sm" c="dimmed">
            {form.values.kind === 'periodic' ? t('evaluationForm.evidenceHintPeriodic') : t('evaluationForm.evidenceHintSelection')}
          </Text>
        </Stack>
        <FileButton multiple onChange={add} accept={evidenceMimeTypes.join(',')} disabled={room <= 0}>
          {(props) => (
            <Button {...props} variant="light" leftSection={<IconPaperclip size={16} aria-hidden />} data-testid="add-evidence">
              {t('evaluationForm.addEvidence')}
            </Button>
          )}
        </FileButton>
      </Group>
      <Stack gap="xs">
        {kept.length > 0 && (
          <Stack gap={4} data-testid="keep-evidence">
            <Text size="sm" fw={600}>
              {t('evaluationForm.keepEvidence')}
            </Text>
            {kept.map((e) => (
              <Checkbox
                key={e.id}
                label={`${t(`outsourcees.evidenceKinds.${e.kind}`)}: ${e.fileName}`}
                checked={form.values.keepEvidence.includes(e.id)}
                onChange={(ev) => form.setFieldValue('keepEvidence', ev.currentTarget.checked ? [...form.values.keepEvidence, e.id] : form.values.keepEvidence.filter((id) => id !== e.id))}
              />
            ))}
          </Stack>
        )}
        {files.length === 0 && kept.length === 0 ? (
          <Text size="sm" c="dimmed">
            {t('evaluationForm.noEvidenceYet')}
          </Text>
        ) : (
          files.length > 0 && (
            <Table verticalSpacing={4} data-testid="evidence-files">
              <Table.Tbody>
                {files.map((f, i) => (
                  <Table.Tr key={f.key} data-file={f.file.name}>
                    <Table.Td style={{ overflowWrap: 'anywhere' }}>
                      <Text size="sm">{f.file.name}</Text>
                      <Text size="xs" c="dimmed">
                        {formatBytes(f.file.size, i18n.language)}
                      </Text>
                      {form.errors[`evidence.${i}.file`] && (
                        <Text size="xs" c="red.8" role="alert">
                          {form.errors[`evidence.${i}.file`]}
                        </Text>
                      )}
                    </Table.Td>
                    <Table.Td w={260}>
                      <Select
                        size="xs"
                        aria-label={t('evaluationForm.evidenceKindFor', { name: f.file.name })}
                        allowDeselect={false}
                        data={evidenceKinds.map((k) => ({ value: k, label: t(`outsourcees.evidenceKinds.${k}`) }))}
                        {...form.getInputProps(`evidence.${i}.kind`)}
                      />
                    </Table.Td>
                    <Table.Td w={40}>
                      <ActionIcon variant="subtle" color="red" onClick={() => form.removeListItem('evidence', i)} aria-label={t('evaluationForm.removeEvidence', { name: f.file.name })}>
                        <IconTrash size={16} aria-hidden />
                      </ActionIcon>
                    </Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          )
        )}
        {problem && (
          <Text size="sm" c="red.8" role="alert" data-testid="evidence-problem">
            {problem.name}: <FieldMessage message={problem.key} />
          </Text>
        )}
        {form.errors.evidence && (
          <Text size="sm" c="red.8" role="alert">
            {form.errors.evidence}
          </Text>
        )}
        <Text size="xs" c="dimmed">
          {t('evaluationForm.evidenceLimits', { files: maxEvidenceFiles })}
        </Text>
      </Stack>
    </Card>
  );
}
