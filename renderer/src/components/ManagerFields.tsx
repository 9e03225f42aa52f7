// The manager-in-charge of personal information (name, title, e-mail, phone), as entered at setup and in Settings.
import { SimpleGrid, TextInput } from '@mantine/core';
import type { GetInputPropsReturnType } from '@mantine/form';
import { useTranslation } from 'react-i18next';

type Field = 'name' | 'title' | 'email' | 'phone';

export function ManagerFields({ inputProps }: { inputProps: (field: Field) => GetInputPropsReturnType }) {
  const { t } = useTranslation();
  return (
    <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="md">
      <TextInput required label={t('fields.managerName')} autoComplete="off" {...inputProps('name')} />
      <TextInput required label={t('fields.managerTitle')} autoComplete="off" {...inputProps('title')} />
      <TextInput required type="email" label={t('fields.managerEmail')} autoComplete="off" {...inputProps('email')} />
      <TextInput required type="tel" label={t('fields.managerPhone')} autoComplete="off" {...inputProps('phone')} />
    </SimpleGrid>
  );
}
