// The customer search box: it keeps what is being typed, and hands on a query only once the input method has committed it.
import { TextInput } from '@mantine/core';
import { IconSearch } from '@tabler/icons-react';
import { memo, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';

/**
 * Japanese is typed through an input method: やまだ is composed, then converted to 山田 and committed. Searching the
 * half-typed reading would show (and audit) rows for words the person never meant, so a query leaves the box only
 * outside a composition. The box holds its own text, so a key re-renders the box and not the list.
 */
export const SearchBox = memo(function SearchBox({ initial, onQuery }: { initial: string; onQuery: (query: string, committed: boolean) => void }) {
  const { t } = useTranslation();
  const [text, setText] = useState(initial);
  const composing = useRef(false);
  return (
    <TextInput
      type="search"
      label={t('customers.search')}
      placeholder={t('customers.searchPlaceholder')}
      description={t('customers.searchHint')}
      leftSection={<IconSearch size={16} aria-hidden />}
      value={text}
      onChange={(e) => {
        const value = e.currentTarget.value;
        setText(value);
        if (!composing.current && !(e.nativeEvent as InputEvent).isComposing) onQuery(value, false);
      }}
      onCompositionStart={() => {
        composing.current = true;
      }}
      onCompositionEnd={(e) => {
        composing.current = false;
        onQuery(e.currentTarget.value, true);
      }}
      style={{ flex: 1 }}
      maxLength={200}
      autoFocus
      data-testid="customer-search"
      data-search-box
    />
  );
});
