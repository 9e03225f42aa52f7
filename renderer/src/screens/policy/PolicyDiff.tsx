// The side-by-side diff of two policy versions: the older on the left, the newer on the right, with a legend of the marks.
import { Anchor, Group, Stack, Table, Text } from '@mantine/core';
import { useMemo, useState } from 'react';
import { Trans, useTranslation } from 'react-i18next';
import classes from './PolicyDiff.module.css';
import { changeCount, sideBySide, type DiffRow, type Side } from './policy-diff';

export function PolicyDiff({ oldText, newText, oldLabel, newLabel, language }: { oldText: string; newText: string; oldLabel: string; newLabel: string; language: 'ja' | 'en' }) {
  const { t } = useTranslation();
  const rows = useMemo(() => sideBySide(oldText, newText, language), [oldText, newText, language]);
  const counts = changeCount(rows);
  const [opened, setOpened] = useState<Set<number>>(new Set());
  const shown: DiffRow[] = rows.flatMap((r, i) => (r.kind === 'fold' && opened.has(i) ? r.rows : [r]));
  // Fold rows keep their index in `rows` so that opening one does not open another.
  const indexOf = new Map(rows.map((r, i) => [r, i]));
  return (
    <Stack gap="sm">
      <Legend />
      <Text size="sm" fw={600} data-testid="diff-summary" aria-live="polite">
        {counts.added + counts.removed === 0 ? t('policyVersions.diff.same') : t('policyVersions.diff.summary', { added: counts.added, removed: counts.removed })}
      </Text>
      <Table.ScrollContainer minWidth={760}>
        <Table className={classes.table} fz="sm" verticalSpacing={2} horizontalSpacing={6} withTableBorder data-testid="policy-diff" lang={language}>
          <colgroup>
            <col style={{ width: '3.2rem' }} />
            <col style={{ width: '1.6rem' }} />
            <col />
            <col style={{ width: '3.2rem' }} />
            <col style={{ width: '1.6rem' }} />
            <col />
          </colgroup>
          <Table.Thead>
            <Table.Tr>
              <Table.Th colSpan={3}>{oldLabel}</Table.Th>
              <Table.Th colSpan={3} className={classes.divider}>
                {newLabel}
              </Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {shown.map((row, i) =>
              row.kind === 'fold' ? (
                <Table.Tr key={`fold-${i}`}>
                  <Table.Td colSpan={6} ta="center" bg="var(--mantine-color-gray-light)">
                    <Anchor component="button" type="button" size="xs" onClick={() => setOpened(new Set([...opened, indexOf.get(row)!]))}>
                      {t('policyVersions.diff.unfold', { count: row.count })}
                    </Anchor>
                  </Table.Td>
                </Table.Tr>
              ) : (
                <Table.Tr key={i} data-change={row.left.kind === 'removed' || row.right.kind === 'added' ? 'changed' : 'same'}>
                  <Cells side={row.left} />
                  <Cells side={row.right} first />
                </Table.Tr>
              ),
            )}
          </Table.Tbody>
        </Table>
      </Table.ScrollContainer>
    </Stack>
  );
}

function Cells({ side, first }: { side: Side; first?: boolean }) {
  const { t } = useTranslation();
  const tone = side.kind === 'removed' ? classes.removed : side.kind === 'added' ? classes.added : side.kind === 'empty' ? classes.empty : '';
  const mark = side.kind === 'removed' ? '－' : side.kind === 'added' ? '＋' : '';
  return (
    <>
      <Table.Td className={`${classes.lineNo} ${tone} ${first ? classes.divider : ''}`}>{side.lineNo ?? ''}</Table.Td>
      <Table.Td className={`${classes.mark} ${tone}`} aria-label={mark ? t(`policyVersions.diff.${side.kind}`) : undefined}>
        {mark}
      </Table.Td>
      <Table.Td className={`${classes.text} ${tone}`} data-side={side.kind}>
        {side.parts.map((p, i) =>
          !p.changed ? (
            <span key={i}>{p.text}</span>
          ) : side.kind === 'removed' ? (
            <del key={i} className={classes.del}>
              {p.text}
            </del>
          ) : (
            <ins key={i} className={classes.ins}>
              {p.text}
            </ins>
          ),
        )}
      </Table.Td>
    </>
  );
}

function Legend() {
  const { t } = useTranslation();
  return (
    <Group gap="lg" wrap="wrap" data-testid="diff-legend" aria-label={t('policyVersions.diff.legend')}>
      <Group gap={6} wrap="nowrap">
        <Text span fw={700} className={classes.removed} px={6}>
          －
        </Text>
        <Text size="sm">
          <Trans i18nKey="policyVersions.diff.legendRemoved" components={{ del: <del className={classes.del} /> }} />
        </Text>
      </Group>
      <Group gap={6} wrap="nowrap">
        <Text span fw={700} className={classes.added} px={6}>
          ＋
        </Text>
        <Text size="sm">
          <Trans i18nKey="policyVersions.diff.legendAdded" components={{ ins: <ins className={classes.ins} /> }} />
        </Text>
      </Group>
    </Group>
  );
}
