// Choosing countries by ISO code with names in the person's language: the common ones listed, any other code typed in.
import { MultiSelect, Select, type MultiSelectProps, type SelectProps } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { countryOptions } from './countries';

/** A typed two-letter code becomes a choice of its own, so a country outside the common list can still be named. */
function typedCode(search: string): string | null {
  const s = search.trim();
  return /^[A-Za-z]{2}$/.test(s) ? s.toUpperCase() : null;
}

export function CountrySelect({ value, onChange, ...props }: Omit<SelectProps, 'data' | 'value' | 'onChange'> & { value: string; onChange: (code: string) => void }) {
  const { i18n } = useTranslation();
  const [search, setSearch] = useState('');
  return (
    <Select
      searchable
      allowDeselect={false}
      nothingFoundMessage="—"
      {...props}
      value={value}
      onChange={(v) => v && onChange(v)}
      searchValue={search}
      onSearchChange={setSearch}
      data={countryOptions(i18n.language, [value, typedCode(search)])}
    />
  );
}

export function CountriesSelect({ value, onChange, ...props }: Omit<MultiSelectProps, 'data' | 'value' | 'onChange'> & { value: string[]; onChange: (codes: string[]) => void }) {
  const { i18n } = useTranslation();
  const [search, setSearch] = useState('');
  return (
    <MultiSelect
      searchable
      {...props}
      value={value}
      onChange={(v) => onChange(v.map((c) => c.toUpperCase()))}
      searchValue={search}
      onSearchChange={setSearch}
      // Japan is home: a consent needs to name only the countries abroad (APPI Art. 28(1)).
      data={countryOptions(i18n.language, [...value, typedCode(search)]).filter((o) => o.value !== 'JP')}
    />
  );
}
