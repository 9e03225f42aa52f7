// The person's own display settings: screen language and date style, saved on their account as soon as chosen.
import { Group, Paper, Radio, Stack, Text, Title } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { DeskErrorData } from '../../../../src-shared/errors';
import { dateStyles, screenLanguages, type DateStyle, type ScreenLanguage } from '../../../../src-shared/preferences';
import { useSavePreferences } from '../../app/preferences';
import { useSession } from '../../app/session';
import { formatDay, today } from '../../components/dates';
import { ErrorAlert } from '../../components/ErrorAlert';
import { Translated } from '../../components/Translated';

export function PreferencesCard() {
  const { t, i18n } = useTranslation();
  const session = useSession();
  const save = useSavePreferences();
  const [failure, setFailure] = useState<DeskErrorData | null>(null);
  const day = today();

  const change = async (next: { language?: ScreenLanguage; dateStyle?: DateStyle }) => {
    setFailure(null);
    const error = await save(next);
    if (error) return setFailure(error);
    notifications.show({ color: 'teal', message: <Translated k="preferences.saved" /> });
  };

  return (
    <Paper withBorder p="lg" radius="md" maw={640} component="section" aria-labelledby="preferences-title" data-testid="preferences-card">
      <Stack gap="md">
        <Title order={2} size="h4" id="preferences-title">
          {t('preferences.title')}
        </Title>
        <Radio.Group
          label={t('preferences.language.label')}
          description={t('preferences.language.description')}
          value={session.language ?? ''}
          onChange={(value) => void change({ language: value as ScreenLanguage })}
        >
          <Group mt="xs" gap="lg">
            {screenLanguages.map((language) => (
              // Each language named in itself, as on the switch.
              <Radio key={language} value={language} label={<span lang={language}>{t(`language.${language}`)}</span>} />
            ))}
          </Group>
        </Radio.Group>
        {session.language === null && (
          <Text size="sm" c="gray.7" data-testid="language-unset">
            {t('preferences.language.unset')}
          </Text>
        )}
        <Radio.Group
          label={t('preferences.dateStyle.label')}
          description={t('preferences.dateStyle.description')}
          value={session.dateStyle}
          onChange={(value) => void change({ dateStyle: value as DateStyle })}
        >
          <Stack mt="xs" gap="xs">
            {dateStyles.map((style) => (
              <Radio key={style} value={style} label={t(`preferences.dateStyle.${style}`, { example: formatDay(day, i18n.language, style) })} />
            ))}
          </Stack>
        </Radio.Group>
        <ErrorAlert error={failure} />
      </Stack>
    </Paper>
  );
}
