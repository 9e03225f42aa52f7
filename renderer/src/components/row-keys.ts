// Row navigation in a list: ArrowUp and ArrowDown move between the rows that open (those a screen made focusable).
import type { KeyboardEvent } from 'react';

/**
 * For a table body's onKeyDown. Only a focused row moves, never a field or a button inside it; the browser scrolls the
 * row into view as it takes the focus, and Enter on it is the screen's own (it opens the row).
 */
export function moveBetweenRows(event: KeyboardEvent<HTMLTableSectionElement>): void {
  if (event.key !== 'ArrowDown' && event.key !== 'ArrowUp') return;
  if (event.altKey || event.ctrlKey || event.metaKey || event.shiftKey) return;
  const row = event.target as HTMLElement;
  if (row.tagName !== 'TR' || !row.hasAttribute('tabindex')) return;
  const rows = Array.from(event.currentTarget.querySelectorAll<HTMLElement>(':scope > tr[tabindex]'));
  const next = rows[rows.indexOf(row) + (event.key === 'ArrowDown' ? 1 : -1)];
  // At the first or last row the key does what it does elsewhere (scrolls the page).
  if (!next) return;
  event.preventDefault();
  next.focus();
}
