// Choosing what a finding concerns: the kind of record, then the record by part of its number or name. The desk offers
// numbers and names only (a request's requester stays out of the auditor's sight).
import { Select, SimpleGrid } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { findingTargetKinds, type FindingTargetKind } from '../../../../src-shared/api/internal-audit';
import { targetOptionLabel } from './labels';
import { useTargets } from './queries';

export interface ChosenTarget {
  kind: FindingTargetKind;
  id: string;
  label: string;
}

export function TargetPicker({ kind, chosen, onKind, onChosen, error }: { kind: FindingTargetKind | null; chosen: ChosenTarget | null; onKind: (k: FindingTargetKind | null) => void; onChosen: (c: ChosenTarget | null) => void; error?: ReactNode }) {
  const { t, i18n } = useTranslation();
  const [search, setSearch] = useState('');
  const [query] = useDebouncedValue(search.trim(), 250);
  // What is typed filters on the desk; the chosen record's own label is not a search.
  const asked = chosen && search === chosen.label ? '' : query;
  const options = useTargets(kind ?? 'request', asked, kind !== null);
  const rows = options.data?.rows ?? [];
  const data = rows.map((o) => ({ value: o.id, label: kind ? targetOptionLabel(t, i18n.language, kind, o) : o.label }));
  if (chosen && !data.some((d) => d.value === chosen.id)) data.unshift({ value: chosen.id, label: chosen.label });

  return (
    <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="md" style={{ alignItems: 'end' }}>
      <Select
        label={t('internalAudit.findingForm.targetKind')}
        description={t('internalAudit.findingForm.targetKindHint')}
        value={kind ?? 'none'}
        onChange={(v) => {
          onKind(v && v !== 'none' ? (v as FindingTargetKind) : null);
          onChosen(null);
          setSearch('');
        }}
        allowDeselect={false}
        data={[{ value: 'none', label: t('internalAudit.targets.none') }, ...findingTargetKinds.map((k) => ({ value: k, label: t(`internalAudit.targets.kinds.${k}`) }))]}
        data-testid="target-kind"
      />
      {kind && (
        <Select
          required
          label={t(`internalAudit.findingForm.targetOf.${kind}`)}
          placeholder={t('internalAudit.findingForm.targetSearch')}
          searchable
          searchValue={search}
          onSearchChange={setSearch}
          // The desk has already filtered by what was typed; the list shows its answer as it is.
          filter={({ options: all }) => all}
          nothingFoundMessage={options.isFetching ? t('common.loading') : t('internalAudit.findingForm.targetNone')}
          data={data}
          value={chosen?.id ?? null}
          onChange={(v, option) => onChosen(v && option ? { kind, id: v, label: option.label } : null)}
          error={error}
          data-testid="target-record"
        />
      )}
    </SimpleGrid>
  );
}
