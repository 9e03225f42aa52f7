// The checklist as a table: each criterion rated with a segmented control and a note, the four kinds of security
// measures first (they always apply); and the contract's privacy clauses, each there or not.
import { Card, SegmentedControl, Stack, Table, Text, TextInput, Title } from '@mantine/core';
import type { UseFormReturnType } from '@mantine/form';
import { useTranslation } from 'react-i18next';
import { alwaysApplicableCriteria, contractClauses, evaluationCriteria, ratings } from '../../../../src-shared/api/outsourcees';
import type { EvaluationValues } from './form-values';

type Form = UseFormReturnType<EvaluationValues>;

function FieldError({ error }: { error: React.ReactNode }) {
  if (!error) return null;
  return (
    <Text size="xs" c="red.8" role="alert" mt={4}>
      {error}
    </Text>
  );
}

const top = { verticalAlign: 'top' } as const;

export function ChecklistFields({ form }: { form: Form }) {
  const { t } = useTranslation();
  return (
    <Card withBorder radius="md" padding="lg" component="section" aria-labelledby="checklist-title">
      <Title order={2} size="h4" id="checklist-title">
        {t('evaluationForm.checklist')}
      </Title>
      <Text size="sm" c="dimmed" mb="sm">
        {t('evaluationForm.checklistHint')}
      </Text>
      <FieldError error={form.errors.criteria} />
      <Table.ScrollContainer minWidth={860}>
        <Table verticalSpacing="sm" data-testid="checklist">
          <Table.Thead>
            <Table.Tr>
              <Table.Th>{t('evaluationForm.criterion')}</Table.Th>
              <Table.Th>{t('evaluationForm.rating')}</Table.Th>
              <Table.Th w="30%">{t('evaluationForm.note')}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {evaluationCriteria.map((c) => {
              const label = t(`outsourcees.criteria.${c}.label`);
              const always = alwaysApplicableCriteria.includes(c);
              return (
                <Table.Tr key={c} data-criterion={c}>
                  <Table.Td style={top}>
                    <Text size="sm" fw={600}>
                      {label}
                    </Text>
                    <Text size="xs" c="dimmed">
                      {t(`outsourcees.criteria.${c}.hint`)}
                    </Text>
                  </Table.Td>
                  <Table.Td style={top}>
                    <SegmentedControl
                      size="xs"
                      aria-label={label}
                      value={form.values.criteria[c].rating}
                      onChange={(v) => form.setFieldValue(`criteria.${c}.rating`, v as EvaluationValues['criteria'][typeof c]['rating'])}
                      data={ratings.map((r) => ({ value: r, label: t(`outsourcees.ratings.${r}`), disabled: always && r === 'notApplicable' }))}
                    />
                    <FieldError error={form.errors[`criteria.${c}.rating`]} />
                  </Table.Td>
                  <Table.Td style={top}>
                    <TextInput size="xs" aria-label={t('evaluationForm.noteFor', { item: label })} {...form.getInputProps(`criteria.${c}.note`)} />
                  </Table.Td>
                </Table.Tr>
              );
            })}
          </Table.Tbody>
        </Table>
      </Table.ScrollContainer>
    </Card>
  );
}

export function ClauseFields({ form }: { form: Form }) {
  const { t } = useTranslation();
  return (
    <Card withBorder radius="md" padding="lg" component="section" aria-labelledby="clauses-title">
      <Title order={2} size="h4" id="clauses-title">
        {t('evaluationForm.clauses')}
      </Title>
      <Text size="sm" c="dimmed" mb="sm">
        {t('evaluationForm.clausesHint')}
      </Text>
      <Table.ScrollContainer minWidth={720}>
        <Table verticalSpacing="xs" data-testid="clauses">
          <Table.Tbody>
            {contractClauses.map((c) => {
              const label = t(`outsourcees.clauses.${c}`);
              return (
                <Table.Tr key={c} data-clause={c}>
                  <Table.Td style={top}>
                    <Text size="sm" fw={600} pt={4}>
                      {label}
                    </Text>
                  </Table.Td>
                  <Table.Td style={top}>
                    <Stack gap={0}>
                      <SegmentedControl
                        size="xs"
                        aria-label={label}
                        value={form.values.clauses[c].present}
                        onChange={(v) => form.setFieldValue(`clauses.${c}.present`, v as 'yes' | 'no')}
                        data={[
                          { value: 'yes', label: t('evaluationForm.clausePresent') },
                          { value: 'no', label: t('evaluationForm.clauseMissing') },
                        ]}
                      />
                      <FieldError error={form.errors[`clauses.${c}.present`]} />
                    </Stack>
                  </Table.Td>
                  <Table.Td style={top} w="40%">
                    <TextInput size="xs" aria-label={t('evaluationForm.noteFor', { item: label })} placeholder={t('evaluationForm.clauseNotePlaceholder')} {...form.getInputProps(`clauses.${c}.note`)} />
                  </Table.Td>
                </Table.Tr>
              );
            })}
          </Table.Tbody>
        </Table>
      </Table.ScrollContainer>
    </Card>
  );
}
