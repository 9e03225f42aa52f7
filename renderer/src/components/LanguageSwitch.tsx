// The ja/en switch, on every screen including those before sign-in.
import { SegmentedControl } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { setLanguage, type Language } from '../i18n';

export function LanguageSwitch() {
  const { t, i18n } = useTranslation();
  return (
    <SegmentedControl
      aria-label={t('language.label')}
      size="xs"
      value={i18n.resolvedLanguage === 'en' ? 'en' : 'ja'}
      onChange={(value) => setLanguage(value as Language)}
      data={[
        // Each language is named in itself, so a person who cannot read the other one still finds theirs.
        { value: 'ja', label: <span lang="ja">{t('language.ja')}</span> },
        { value: 'en', label: <span lang="en">{t('language.en')}</span> },
      ]}
    />
  );
}
