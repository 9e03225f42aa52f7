// The intake form's parts: what is asked (kind, purpose, channel, date), who asks (the person or a proxy), and how to answer.
import { Alert, Card, Group, NativeSelect, NumberInput, Radio, SegmentedControl, Select, SimpleGrid, Stack, Text, TextInput, Textarea, Title } from '@mantine/core';
import type { UseFormReturnType } from '@mantine/form';
import { IconInfoCircle, IconUserShield } from '@tabler/icons-react';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { disclosureForms, noticeLanguages, requestChannels, requesterKinds, requestKinds } from '../../../../src-shared/requests';
import { today } from '../../components/dates';
import { purposeTitle } from '../customers/ConsentsSection';
import { usePurposes } from '../customers/queries';
import type { IntakeValues } from './intake-values';

type Form = UseFormReturnType<IntakeValues>;

export function FormCard({ title, children, testId }: { title: string; children: ReactNode; testId?: string }) {
  return (
    <Card withBorder radius="md" padding="lg" component="fieldset" style={{ margin: 0 }} data-testid={testId}>
      <Title order={2} size="h4" mb="sm" component="legend" style={{ float: 'left', width: '100%' }}>
        {title}
      </Title>
      <div style={{ clear: 'both' }}>{children}</div>
    </Card>
  );
}

export function KindFields({ form }: { form: Form }) {
  const { t, i18n } = useTranslation();
  const purposes = usePurposes();
  return (
    <FormCard title={t('requestForm.sections.kind')}>
      <Stack gap="md">
        <Radio.Group label={t('requestForm.kind')} required {...form.getInputProps('kind')}>
          <SimpleGrid cols={{ base: 1, sm: 2, lg: 3 }} spacing="sm" mt={6}>
            {requestKinds.map((kind) => (
              <Radio.Card key={kind} value={kind} radius="md" p="sm" data-kind={kind} aria-label={t(`requests.kinds.${kind}`)}>
                <Group gap="sm" wrap="nowrap" align="flex-start">
                  <Radio.Indicator mt={2} />
                  <Stack gap={2}>
                    <Text size="sm" fw={700}>
                      {t(`requests.kinds.${kind}`)}
                    </Text>
                    <Text size="xs" c="dimmed">
                      {t(`requestForm.kindHelp.${kind}`)}
                    </Text>
                  </Stack>
                </Group>
              </Radio.Card>
            ))}
          </SimpleGrid>
        </Radio.Group>
        {form.values.kind === 'cessationOfPurpose' && (
          <Select
            required
            label={t('requestForm.purpose')}
            description={t('requestForm.purposeHint')}
            data={(purposes.data?.purposes ?? []).map((p) => ({ value: p.id, label: purposeTitle(p, i18n.language) }))}
            maw={520}
            {...form.getInputProps('purposeId')}
          />
        )}
        <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="sm">
          <NativeSelect label={t('requestForm.channel')} data={requestChannels.map((c) => ({ value: c, label: t(`requests.channels.${c}`) }))} {...form.getInputProps('channel')} />
          <TextInput type="date" required max={today()} label={t('requestForm.receivedOn')} description={t('requestForm.receivedOnHint')} {...form.getInputProps('receivedOn')} />
        </SimpleGrid>
      </Stack>
    </FormCard>
  );
}

export function RequesterFields({ form }: { form: Form }) {
  const { t } = useTranslation();
  const proxy = form.values.requesterKind === 'proxy';
  const optional = (key: string) => t('customerForm.optionalLabel', { label: t(key) });
  return (
    <FormCard title={t('requestForm.sections.requester')}>
      <Stack gap="md">
        <Stack gap={4}>
          <Text size="sm" fw={500}>
            {t('requestForm.requesterKind')}
          </Text>
          <SegmentedControl
            data={requesterKinds.map((k) => ({ value: k, label: t(`requests.requesterKinds.${k}`) }))}
            value={form.values.requesterKind}
            onChange={(v) => form.setFieldValue('requesterKind', v as IntakeValues['requesterKind'])}
            aria-label={t('requestForm.requesterKind')}
            style={{ alignSelf: 'flex-start' }}
            data-testid="requester-kind"
          />
        </Stack>
        {proxy && (
          <Card withBorder radius="sm" padding="md" bg="var(--mantine-color-gray-light)">
            <Stack gap="sm">
              <Alert color="blue" variant="light" icon={<IconUserShield aria-hidden />} py="xs">
                <Text size="sm">{t('requestForm.proxyNote')}</Text>
              </Alert>
              <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="sm">
                <TextInput required label={t('requestForm.proxyName')} {...form.getInputProps('proxy.name')} />
                <TextInput required label={t('requestForm.relationship')} placeholder={t('requestForm.relationshipPlaceholder')} {...form.getInputProps('proxy.relationship')} />
              </SimpleGrid>
              <Textarea required label={t('requestForm.authority')} description={t('requestForm.authorityHint')} autosize minRows={2} maxLength={500} {...form.getInputProps('proxy.authority')} />
            </Stack>
          </Card>
        )}
        <Text size="sm" c="dimmed">
          {proxy ? t('requestForm.identityOfPersonProxy') : t('requestForm.identityOfPerson')}
        </Text>
        <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="sm">
          <TextInput required label={t('requestForm.name')} placeholder="山田 太郎" {...form.getInputProps('requester.name')} />
          <TextInput label={optional('requestForm.nameKana')} placeholder="ヤマダ タロウ" {...form.getInputProps('requester.nameKana')} />
          <TextInput type="email" label={optional('requestForm.email')} placeholder="taro@example.jp" {...form.getInputProps('requester.email')} />
          <TextInput label={optional('requestForm.phone')} placeholder="090-1234-5678" {...form.getInputProps('requester.phone')} />
          <TextInput label={optional('requestForm.postalCode')} placeholder="150-0001" {...form.getInputProps('requester.postalCode')} />
          <TextInput type="date" max={today()} label={optional('requestForm.birthDate')} {...form.getInputProps('requester.birthDate')} />
        </SimpleGrid>
        <TextInput label={optional('requestForm.address')} placeholder={t('requestForm.addressPlaceholder')} {...form.getInputProps('requester.address')} />
      </Stack>
    </FormCard>
  );
}

export function AskedFields({ form }: { form: Form }) {
  const { t } = useTranslation();
  const disclosure = form.values.kind === 'disclosure';
  return (
    <FormCard title={t('requestForm.sections.asked')}>
      <Stack gap="md">
        <Textarea required label={t('requestForm.asked')} description={t('requestForm.askedHint')} autosize minRows={4} maxLength={4000} {...form.getInputProps('asked')} />
        {disclosure && (
          <>
            <Radio.Group label={t('requestForm.disclosureForm')} {...form.getInputProps('disclosureForm')}>
              <Stack gap={6} mt={6}>
                {disclosureForms.map((f) => (
                  <Radio key={f} value={f} label={t(`requests.disclosureForms.${f}`)} />
                ))}
              </Stack>
            </Radio.Group>
            <Alert color="blue" variant="light" icon={<IconInfoCircle aria-hidden />} py="xs" data-testid="art33-note">
              <Text size="sm">{t('requestForm.art33')}</Text>
            </Alert>
            <NumberInput
              label={t('customerForm.optionalLabel', { label: t('requestForm.fee') })}
              description={t('requestForm.feeHint')}
              min={0}
              max={100000}
              step={100}
              allowDecimal={false}
              allowNegative={false}
              thousandSeparator=","
              suffix={t('requestForm.yenSuffix')}
              maw={420}
              {...form.getInputProps('feeYen')}
            />
          </>
        )}
        <Radio.Group label={t('requestForm.noticeLanguage')} description={t('requestForm.noticeLanguageHint')} {...form.getInputProps('noticeLanguage')}>
          <Stack gap={6} mt={6}>
            {noticeLanguages.map((l) => (
              <Radio key={l} value={l} label={t(`requests.noticeLanguages.${l}`)} />
            ))}
          </Stack>
        </Radio.Group>
      </Stack>
    </FormCard>
  );
}
