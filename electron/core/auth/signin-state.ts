// signin.json: wrong-password counts and lockouts, and sign-in events waiting for the database to open.
// Sign-in happens before the data key is known, so this state cannot live in the encrypted database.
// It holds account ids and times only. Editing it can reset a lockout, but whoever can edit it can also copy the
// keyring and guess offline: argon2id, not this file, is the defence against that; the lockout guards the screen.
import { existsSync, readFileSync } from 'node:fs';
import { z } from 'zod';
import { writeFileAtomic } from '../files';
import type { AuditEventInput } from '../audit/chain';

const pendingEvent = z.object({
  at: z.string(),
  actorId: z.string().nullable(),
  actorRole: z.string().nullable(),
  action: z.string(),
  outcome: z.enum(['ok', 'denied', 'failed']),
  targetType: z.string().nullable(),
  targetId: z.string().nullable(),
  details: z.record(z.string(), z.unknown()).nullable(),
});

const stateSchema = z.object({
  version: z.literal(1),
  accounts: z.record(z.string(), z.object({ failures: z.number().int().min(0), lockedUntil: z.string().nullable() })),
  pending: z.array(pendingEvent),
});

type State = z.infer<typeof stateSchema>;

export class SigninState {
  private state: State;
  /** True when the file was there but unreadable; the next unlock records that in the audit trail. */
  wasDamaged: boolean;

  constructor(private readonly file: string) {
    let damaged = false;
    let state: State = { version: 1, accounts: {}, pending: [] };
    if (existsSync(file)) {
      try {
        state = stateSchema.parse(JSON.parse(readFileSync(file, 'utf8')));
      } catch {
        damaged = true;
      }
    }
    this.state = state;
    this.wasDamaged = damaged;
  }

  lockedUntil(accountId: string, now: Date): Date | null {
    const until = this.state.accounts[accountId]?.lockedUntil;
    return until && new Date(until) > now ? new Date(until) : null;
  }

  /** Counts a wrong password; returns the end of the lockout when this one reached the limit. */
  recordFailure(accountId: string, now: Date, limit: number, lockMinutes: number): Date | null {
    const entry = this.state.accounts[accountId] ?? { failures: 0, lockedUntil: null };
    // A lockout that has ended starts a fresh count.
    if (entry.lockedUntil && new Date(entry.lockedUntil) <= now) entry.lockedUntil = null;
    entry.failures += 1;
    let until: Date | null = null;
    if (entry.failures >= limit) {
      until = new Date(now.getTime() + lockMinutes * 60_000);
      entry.lockedUntil = until.toISOString();
      entry.failures = 0;
    }
    this.state.accounts[accountId] = entry;
    this.save();
    return until;
  }

  clear(accountId: string): void {
    if (!this.state.accounts[accountId]) return;
    delete this.state.accounts[accountId];
    this.save();
  }

  queue(event: AuditEventInput): void {
    this.state.pending.push({
      at: event.at,
      actorId: event.actorId ?? null,
      actorRole: event.actorRole ?? null,
      action: event.action,
      outcome: event.outcome,
      targetType: event.targetType ?? null,
      targetId: event.targetId ?? null,
      details: event.details ?? null,
    });
    this.save();
  }

  pending(): AuditEventInput[] {
    return this.state.pending.map((e) => ({ ...e }));
  }

  clearPending(): void {
    this.state.pending = [];
    this.wasDamaged = false;
    this.save();
  }

  private save(): void {
    writeFileAtomic(this.file, `${JSON.stringify(this.state)}\n`);
  }
}
