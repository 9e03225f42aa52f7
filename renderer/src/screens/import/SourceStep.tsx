// Step 1 of the import: the file, and where it comes from; for a partner's file, the APPI Art. 30 receipt details.
import { Alert, Button, FileInput, Group, Radio, SimpleGrid, Stack, Text, TextInput, Textarea } from '@mantine/core';
import type { UseFormReturnType } from '@mantine/form';
import { IconFileTypeCsv, IconInfoCircle } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import type { DeskErrorData } from '../../../../src-shared/errors';
import { today } from '../../components/dates';
import { ErrorAlert } from '../../components/ErrorAlert';
import { formatBytes, tooLarge } from './import-file';

export interface SourceValues {
  file: File | null;
  source: 'shop' | 'partner';
  providerName: string;
  providerAddress: string;
  providerRepresentative: string;
  obtainedHow: string;
  receivedOn: string;
  items: string;
}

export function SourceStep({ form, onNext, busy, failure }: { form: UseFormReturnType<SourceValues>; onNext: () => void; busy: boolean; failure: DeskErrorData | null }) {
  const { t, i18n } = useTranslation();
  const file = form.values.file;
  const big = file !== null && tooLarge(file);
  return (
    <form
      onSubmit={form.onSubmit(() => onNext())}
      noValidate
      aria-label={t('customerImport.steps.file')}
    >
      <Stack gap="md" maw={860}>
        <FileInput
          required
          clearable
          accept=".csv,text/csv"
          label={t('customerImport.file')}
          placeholder={t('customerImport.filePlaceholder')}
          description={t('customerImport.fileHint')}
          leftSection={<IconFileTypeCsv size={18} aria-hidden />}
          {...form.getInputProps('file')}
          data-testid="import-file"
        />
        {big && (
          <Alert color="red" variant="light" role="alert" data-testid="import-too-large">
            {t('customerImport.fileTooLarge', { size: formatBytes(file.size, i18n.language) })}
          </Alert>
        )}
        <Radio.Group label={t('customerImport.source')} required {...form.getInputProps('source')}>
          <Stack gap={6} mt={6}>
            <Radio value="shop" label={t('customerImport.sources.shop')} />
            <Radio value="partner" label={t('customerImport.sources.partner')} />
          </Stack>
        </Radio.Group>
        {form.values.source === 'partner' && (
          <Stack gap="sm" data-testid="partner-fields">
            <Alert variant="light" color="indigo" icon={<IconInfoCircle aria-hidden />}>
              {t('customerImport.partnerExplain')}
            </Alert>
            <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="sm">
              <TextInput required label={t('customerImport.partner.providerName')} {...form.getInputProps('providerName')} />
              <TextInput required label={t('customerImport.partner.providerRepresentative')} {...form.getInputProps('providerRepresentative')} />
              <TextInput required label={t('customerImport.partner.providerAddress')} {...form.getInputProps('providerAddress')} />
              <TextInput required type="date" max={today()} label={t('customerImport.partner.receivedOn')} {...form.getInputProps('receivedOn')} />
            </SimpleGrid>
            <Textarea required autosize minRows={2} label={t('customerImport.partner.obtainedHow')} description={t('customerImport.partner.obtainedHowHint')} {...form.getInputProps('obtainedHow')} />
            <Textarea required autosize minRows={2} label={t('customerImport.partner.items')} description={t('customerImport.partner.itemsHint')} {...form.getInputProps('items')} />
          </Stack>
        )}
        <Text size="sm" c="dimmed">
          {t('customerImport.languageNote')}
        </Text>
        <ErrorAlert error={failure} />
        <Group justify="flex-end">
          <Button type="submit" loading={busy} disabled={big}>
            {t('customerImport.toPreview')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
