// The signed-in person's date style (western year or Japanese era), set once at sign-in, read by every date on screen.
import { useSyncExternalStore } from 'react';
import type { DateStyle } from '../../../src-shared/preferences';

// A small store rather than a prop through every screen: dates are printed in dozens of tables and views.
let current: DateStyle = 'western';
const listeners = new Set<() => void>();

export function currentDateStyle(): DateStyle {
  return current;
}

/** Set at sign-in from the session, when the person changes it in My account, and back to western at sign-out. */
export function setDateStyle(style: DateStyle): void {
  if (style === current) return;
  current = style;
  for (const listener of listeners) listener();
}

function subscribe(listener: () => void): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

/** For a component that must print again when the style changes. */
export function useDateStyle(): DateStyle {
  return useSyncExternalStore(subscribe, currentDateStyle, currentDateStyle);
}
