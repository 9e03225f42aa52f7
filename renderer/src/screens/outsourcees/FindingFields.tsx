// The findings of a check, each with the follow-up asked for: what is to be done, by whom, and by when.
import { ActionIcon, Button, Card, Group, Paper, SimpleGrid, Stack, Text, TextInput, Textarea, Title } from '@mantine/core';
import type { UseFormReturnType } from '@mantine/form';
import { IconPlus, IconTrash } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { today } from '../../components/dates';
import { daysAfter, newKey, type EvaluationValues } from './form-values';

type Form = UseFormReturnType<EvaluationValues>;

export function FindingFields({ form }: { form: Form }) {
  const { t } = useTranslation();
  const findings = form.values.findings;
  // 30 days is the usual time an outsourcee is given to fix what a check found; the officer changes it as needed.
  const add = () => form.insertListItem('findings', { key: newKey(), finding: '', action: '', owner: '', dueOn: daysAfter(form.values.evaluatedOn || today(), 30) });
  return (
    <Card withBorder radius="md" padding="lg" component="section" aria-labelledby="findings-title">
      <Group justify="space-between" align="flex-start" mb="sm">
        <Stack gap={2} maw={680}>
          <Title order={2} size="h4" id="findings-title">
            {t('evaluationForm.findings')}
          </Title>
          <Text size="sm" c="dimmed">
            {t('evaluationForm.findingsHint')}
          </Text>
        </Stack>
        <Button variant="light" leftSection={<IconPlus size={16} aria-hidden />} onClick={add} data-testid="add-finding">
          {t('evaluationForm.addFinding')}
        </Button>
      </Group>
      {findings.length === 0 ? (
        <Text size="sm" c="dimmed">
          {t('evaluationForm.noFindingsYet')}
        </Text>
      ) : (
        <Stack gap="sm">
          {findings.map((f, i) => (
            <Paper key={f.key} withBorder p="sm" radius="sm" component="fieldset" aria-label={t('evaluationForm.findingNumber', { n: i + 1 })} data-testid="finding-fields" style={{ margin: 0 }}>
              <Group justify="space-between" mb={4}>
                <Text size="sm" fw={700}>
                  {t('evaluationForm.findingNumber', { n: i + 1 })}
                </Text>
                <ActionIcon variant="subtle" color="red" onClick={() => form.removeListItem('findings', i)} aria-label={t('evaluationForm.removeFinding', { n: i + 1 })}>
                  <IconTrash size={16} aria-hidden />
                </ActionIcon>
              </Group>
              <SimpleGrid cols={{ base: 1, md: 2 }} spacing="sm">
                <Textarea required autosize minRows={2} label={t('evaluationForm.finding')} {...form.getInputProps(`findings.${i}.finding`)} />
                <Textarea required autosize minRows={2} label={t('evaluationForm.action')} {...form.getInputProps(`findings.${i}.action`)} />
                <TextInput required label={t('evaluationForm.owner')} placeholder={t('evaluationForm.ownerPlaceholder')} {...form.getInputProps(`findings.${i}.owner`)} />
                <TextInput required type="date" min={form.values.evaluatedOn} label={t('evaluationForm.dueOn')} {...form.getInputProps(`findings.${i}.dueOn`)} />
              </SimpleGrid>
            </Paper>
          ))}
        </Stack>
      )}
    </Card>
  );
}
