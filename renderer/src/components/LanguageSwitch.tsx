// The ja/en switch, on every screen including those before sign-in: the machine's choice before, the person's own after.
import { SegmentedControl } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useTranslation } from 'react-i18next';
import { useFollowPreferences, useSavePreferences } from '../app/preferences';
import { useDeskState } from '../app/session';
import { setLanguage, type Language } from '../i18n';
import { ErrorText } from '../app/errors';

export function LanguageSwitch() {
  const { t, i18n } = useTranslation();
  const signedIn = useDeskState().phase === 'signedIn';
  const savePreferences = useSavePreferences();
  // The switch is on every screen, so it is where the screen's language follows the desk's state (sign-in, sign-out).
  useFollowPreferences();

  const choose = async (language: Language) => {
    if (!signedIn) return setLanguage(language);
    const error = await savePreferences({ language });
    if (error) notifications.show({ color: 'red', title: t('preferences.notSaved'), message: <ErrorText error={error} /> });
  };

  return (
    <SegmentedControl
      aria-label={t('language.label')}
      size="xs"
      value={i18n.resolvedLanguage === 'en' ? 'en' : 'ja'}
      onChange={(value) => void choose(value as Language)}
      data={[
        // Each language is named in itself, so a person who cannot read the other one still finds theirs.
        { value: 'ja', label: <span lang="ja">{t('language.ja')}</span> },
        { value: 'en', label: <span lang="en">{t('language.en')}</span> },
      ]}
    />
  );
}
