// The paths people chose in the save dialog, kept in memory behind single-use tokens that expire after a few minutes.
import { randomUUID } from 'node:crypto';
import type { Desk } from '../desk';

/** Long enough to press "export" after choosing; short enough that a forgotten token does not linger for the day. */
export const tokenLifetimeMs = 5 * 60_000;

interface Chosen {
  path: string;
  accountId: string;
  expiresAt: number;
}

/** Per desk (tests run several in one process); never on disk: a restart forgets every choice, which is the safe side. */
const chosenByDesk = new WeakMap<Desk, Map<string, Chosen>>();

function chosenOf(desk: Desk): Map<string, Chosen> {
  let chosen = chosenByDesk.get(desk);
  if (!chosen) chosenByDesk.set(desk, (chosen = new Map()));
  return chosen;
}

/** Keeps a chosen path for the signed-in account and returns the token that stands for it. */
export function keepChosenPath(desk: Desk, accountId: string, path: string): string {
  const chosen = chosenOf(desk);
  const now = desk.now().getTime();
  for (const [token, entry] of chosen) if (entry.expiresAt <= now) chosen.delete(token);
  const token = randomUUID();
  chosen.set(token, { path, accountId, expiresAt: now + tokenLifetimeMs });
  return token;
}

/**
 * The path behind a token, once: the token is gone after this, whatever follows. Null for an unknown, used or expired
 * token, or one handed to another account (a token says "this person chose this place", nobody else).
 */
export function takeChosenPath(desk: Desk, accountId: string, token: string): string | null {
  const chosen = chosenOf(desk);
  const entry = chosen.get(token);
  chosen.delete(token);
  if (!entry || entry.accountId !== accountId || entry.expiresAt <= desk.now().getTime()) return null;
  return entry.path;
}
