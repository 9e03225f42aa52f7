// Esc goes back from an opened record, request or incident to its list, as the Back button beside its title does.
import { useEffect, useRef } from 'react';

/**
 * Never while a dialog is open (Esc closes the dialog, and only that), nor from a field, where Esc belongs to the field
 * (it clears a search, closes a dropdown, cancels an input method's conversion) and going back would lose what was typed.
 */
export function useBackOnEscape(onBack: () => void): void {
  const back = useRef(onBack);
  back.current = onBack;
  useEffect(() => {
    const onKeyDown = (event: KeyboardEvent) => {
      if (event.key !== 'Escape' || event.defaultPrevented || event.isComposing) return;
      if (event.altKey || event.ctrlKey || event.metaKey || event.shiftKey) return;
      const target = event.target instanceof HTMLElement ? event.target : null;
      if (target && isTypedInto(target)) return;
      if (document.querySelector('[role="dialog"][aria-modal="true"], [role="alertdialog"], [role="menu"]')) return;
      back.current();
    };
    document.addEventListener('keydown', onKeyDown);
    return () => document.removeEventListener('keydown', onKeyDown);
  }, []);
}

/** A field that takes typing (a radio, a checkbox or a button has no use for Esc, so from there it still goes back). */
function isTypedInto(element: HTMLElement): boolean {
  if (element.isContentEditable || element.tagName === 'TEXTAREA' || element.tagName === 'SELECT') return true;
  if (element.tagName !== 'INPUT') return false;
  return !['radio', 'checkbox', 'button', 'submit', 'reset', 'file', 'range', 'color'].includes((element as HTMLInputElement).type);
}
