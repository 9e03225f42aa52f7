// The rows a person has ticked, kept outside React's state: ticking one row re-renders that row's box and the count, never the list.
import { useState, useSyncExternalStore } from 'react';
import { useTranslation } from 'react-i18next';
import { bulkLimit } from '../../../../src-shared/api/bulk';
import classes from './selection.module.css';

/**
 * A small store: the customer list is benchmarked at a million rows (npm run bench), and a selection in the list's
 * state would redraw every visible row on each tick. Each box subscribes to its own id's answer instead.
 */
export interface Selection {
  has(id: string): boolean;
  toggle(id: string): void;
  /** Ticks (or unticks) these rows; never past the bulk limit, so what is ticked can always be sent in one call. */
  setMany(ids: string[], on: boolean): void;
  clear(): void;
  /** The ticked rows, those on screen first in the list's order (so a preview reads like the list), then the others. */
  ids(): string[];
  size(): number;
  /** The rows on screen now, for the "select all on this page" box. */
  setVisible(ids: string[]): void;
  visible(): string[];
  subscribe(listener: () => void): () => void;
}

export function createSelection(): Selection {
  let chosen = new Set<string>();
  let shown: string[] = [];
  const listeners = new Set<() => void>();
  const changed = () => listeners.forEach((l) => l());
  return {
    has: (id) => chosen.has(id),
    toggle(id) {
      chosen = new Set(chosen);
      if (chosen.has(id)) chosen.delete(id);
      else if (chosen.size < bulkLimit) chosen.add(id);
      changed();
    },
    setMany(ids, on) {
      chosen = new Set(chosen);
      for (const id of ids) {
        if (!on) chosen.delete(id);
        else if (chosen.size < bulkLimit) chosen.add(id);
      }
      changed();
    },
    clear() {
      if (chosen.size === 0) return;
      chosen = new Set();
      changed();
    },
    ids: () => {
      const onScreen = shown.filter((id) => chosen.has(id));
      const seen = new Set(onScreen);
      return [...onScreen, ...[...chosen].filter((id) => !seen.has(id))];
    },
    size: () => chosen.size,
    setVisible(ids) {
      shown = ids;
      changed();
    },
    visible: () => shown,
    subscribe(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
  };
}

/** One store for the life of a screen. */
export function useSelectionStore(): Selection {
  const [selection] = useState(createSelection);
  return selection;
}

export function useSelectedCount(selection: Selection): number {
  return useSyncExternalStore(selection.subscribe, selection.size);
}

function useIsSelected(selection: Selection, id: string): boolean {
  return useSyncExternalStore(selection.subscribe, () => selection.has(id));
}

type PageState = 'none' | 'some' | 'all';
function usePageState(selection: Selection): PageState {
  return useSyncExternalStore(selection.subscribe, () => {
    const shown = selection.visible();
    const ticked = shown.filter((id) => selection.has(id)).length;
    return ticked === 0 ? 'none' : ticked === shown.length ? 'all' : 'some';
  });
}

/** A row's box: a plain checkbox (cheap at a screenful of virtual rows), named by the row so a screen reader says which. */
export function SelectBox({ selection, id, label }: { selection: Selection; id: string; label: string }) {
  const selected = useIsSelected(selection, id);
  return (
    <input
      type="checkbox"
      className={classes.box}
      checked={selected}
      onChange={() => selection.toggle(id)}
      onClick={(e) => e.stopPropagation()}
      onKeyDown={(e) => e.stopPropagation()}
      aria-label={label}
      data-testid="select-row"
    />
  );
}

/** The header's box: ticks every row on this page (up to the bulk limit), or unticks them. */
export function SelectPageBox({ selection }: { selection: Selection }) {
  const { t } = useTranslation();
  const state = usePageState(selection);
  const count = useSyncExternalStore(selection.subscribe, () => selection.visible().length);
  return (
    <input
      type="checkbox"
      className={classes.box}
      checked={state === 'all' && count > 0}
      ref={(el) => {
        if (el) el.indeterminate = state === 'some';
      }}
      disabled={count === 0}
      onChange={() => selection.setMany(selection.visible(), state !== 'all')}
      aria-label={t('bulk.selectPage', { count: Math.min(count, bulkLimit) })}
      data-testid="select-page"
    />
  );
}
