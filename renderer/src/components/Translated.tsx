// A translated sentence as an element, for text that outlives the render it was made in (toasts): it follows a language switch.
import { useTranslation } from 'react-i18next';

export function Translated({ k, values }: { k: string; values?: Record<string, string | number> }) {
  const { t } = useTranslation();
  return <>{t(k, values ?? {})}</>;
}
