// contract -> handlers: session, lock, permission, validation, then the handler in a transaction with its audit event.
import type { z } from 'zod';
import { api, isMethodName, type Api, type MethodName } from '../../src-shared/api';
import type { MethodSpec } from '../../src-shared/api/method';
import type { DeskErrorData, Result } from '../../src-shared/errors';
import { roleHas } from '../../src-shared/roles';
import { appendEvent } from './audit/chain';
import type { Desk } from './desk';
import { DeskError } from './errors';
import type { AuditNote, Ctx, Handlers } from './handler';
import { lockSession } from './auth/service';
import { localDay } from './dates';
import { hasCurrentStatement } from './statements/store';
import { trainingShortfall } from './training/requirement';

export interface Router {
  call(method: string, input: unknown): Promise<Result<unknown>>;
}

/** Zod's issues name the path and the rule, never the value: a password or card number must not echo back. */
function validationError(error: z.ZodError): DeskError {
  const issues = error.issues.slice(0, 20).map((i) => ({ path: i.path.join('.'), message: i.message.includes(' ') ? i.code : i.message }));
  return new DeskError('VALIDATION', 'validation.input', { issues });
}

/**
 * A lone surrogate (half an emoji, cut at a length limit) cannot be stored faithfully (SQLite turns it into U+FFFD)
 * nor hashed into the audit chain's canonical JSON: refused as bad input before it reaches a handler.
 */
const loneSurrogate = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;
function malformedTextPath(value: unknown, path: string[] = [], depth = 0): string | null {
  if (typeof value === 'string') return loneSurrogate.test(value) ? path.join('.') : null;
  if (depth > 32 || value === null || typeof value !== 'object') return null;
  for (const [key, item] of Object.entries(value)) {
    if (loneSurrogate.test(key)) return [...path, '?'].join('.');
    const found = malformedTextPath(item, [...path, key], depth + 1);
    if (found !== null) return found;
  }
  return null;
}

export function createRouter(desk: Desk, handlers: Handlers<Api>): Router {
  async function run(name: MethodName, rawInput: unknown): Promise<unknown> {
    const spec = api[name] as MethodSpec;
    // Session, lock and permission come before validation: a caller who may not call a method learns nothing
    // of its input rules, and every refusal is the same whatever was sent.
    const session = desk.session;
    if (spec.access !== 'public') {
      // A database found damaged mid-session closed the desk: every call names the damage, not a lost session.
      if (!session || !desk.db) throw desk.damage?.error ?? new DeskError('UNAUTHENTICATED', 'auth.required');
      const now = desk.now().getTime();
      if (!session.locked && now - session.lastActivity > session.idleLockMinutes * 60_000) {
        // The core keeps the idle lock too, whatever the window does.
        await lockSession(desk, 'idle');
      }
      if (session.locked && !spec.whileLocked) throw new DeskError('SESSION_LOCKED', 'auth.sessionLocked');
      if (!session.locked) session.lastActivity = now;
      if (!roleHas(session.role, spec.access)) {
        await desk.audit({ actorId: session.accountId, actorRole: session.role, action: name, outcome: 'denied', details: { code: 'FORBIDDEN' } });
        throw new DeskError('FORBIDDEN', 'auth.forbidden', { method: name });
      }
      if (session.mustChangePassword && !spec.beforePasswordChange) throw new DeskError('FORBIDDEN', 'auth.mustChangePassword');
      if (spec.needsStatement && session.role === 'staff') await requireStatement(desk, name);
    }

    const malformed = malformedTextPath(rawInput);
    if (malformed !== null) {
      const error = new DeskError('VALIDATION', 'validation.input', { issues: [{ path: malformed, message: 'text.malformed' }] });
      await recordRefusal(name, error);
      throw error;
    }
    const parsed = spec.input.safeParse(rawInput ?? {});
    if (!parsed.success) {
      const error = validationError(parsed.error);
      await recordRefusal(name, error);
      throw error;
    }

    const handler = handlers[name] as (input: unknown, ctx: Ctx) => Promise<unknown>;
    // A call that waits for a person (the save dialog) runs without a transaction: it would hold the one connection.
    if (spec.audit === 'self' || (spec.audit === 'none' && (!desk.db || spec.outsideTransaction))) {
      return handler(parsed.data, { desk, session, db: desk.db!, audit: {}, afterCommit: (work) => void work() });
    }
    const afterCommit: (() => Promise<void>)[] = [];
    try {
      const result = await desk.transaction(async (tx) => {
        const note: AuditNote = {};
        const value = await handler(parsed.data, { desk, session, db: tx, audit: note, afterCommit: (work) => afterCommit.push(work) });
        if (spec.audit !== 'none') {
          await appendEvent(tx, {
            at: desk.now().toISOString(),
            actorId: session?.accountId ?? null,
            actorRole: session?.role ?? null,
            action: name,
            outcome: 'ok',
            targetType: note.targetType ?? null,
            targetId: note.targetId ?? null,
            fields: note.fields ?? null,
            details: note.details ?? null,
          });
        }
        return value;
      });
      for (const work of afterCommit) {
        // The call's change is committed and stays; a failure here is logged, not turned into a failed call.
        await work().catch((err: unknown) => desk.log.error(`${name}: work after commit failed`, err));
      }
      return result;
    } catch (err) {
      // The change rolled back; the refusal itself is recorded after it.
      if (err instanceof DeskError) await recordRefusal(name, err);
      throw err;
    }
  }

  /**
   * A refusal by the rules (a bad input, the last officer, a statement that already exists...) is recorded for a
   * signed-in person: the trail shows what was tried and why it was refused. Code and key only, never the details.
   */
  async function recordRefusal(name: MethodName, err: DeskError): Promise<void> {
    const session = desk.session;
    if (!session || !desk.db) return;
    await desk.audit({ actorId: session.accountId, actorRole: session.role, action: name, outcome: err.code === 'FORBIDDEN' ? 'denied' : 'failed', details: { code: err.code, reason: err.key } });
  }

  return {
    async call(method, input) {
      if (!isMethodName(method)) return { ok: false, error: { code: 'NOT_FOUND', message: 'method.unknown' } };
      try {
        return { ok: true, value: await run(method, input) };
      } catch (err) {
        const error = await toErrorData(desk, method, err);
        return { ok: false, error };
      }
    },
  };
}

/**
 * Policy §4.1: staff open customers' personal data only with a current written confidentiality statement; and, when the
 * officer has said so, only with a training within the last 12 months (APPI Art. 24, JIS Q 15001 awareness).
 */
async function requireStatement(desk: Desk, method: MethodName): Promise<void> {
  const session = desk.session!;
  const db = desk.requireDb();
  const today = localDay(desk.now());
  const refuse = async (code: string, key: string, more: Record<string, unknown> = {}): Promise<never> => {
    const manager = await db.selectFrom('manager_in_charge').select(['name', 'email', 'phone']).where('id', '=', 1).executeTakeFirst();
    await desk.audit({ actorId: session.accountId, actorRole: session.role, action: method, outcome: 'denied', details: { code } });
    // Whom to ask: the manager-in-charge, whose contact every notice carries anyway.
    throw new DeskError('FORBIDDEN', key, { askName: manager?.name ?? null, askEmail: manager?.email ?? null, askPhone: manager?.phone ?? null, ...more });
  };
  if (!(await hasCurrentStatement(db, session.accountId, today))) await refuse('STATEMENT_REQUIRED', 'statements.required');
  const shortfall = await trainingShortfall(db, session.accountId, today);
  // The person's own last training date, so the refusal can say how long ago it was; the trail gets the code only.
  if (shortfall) await refuse('TRAINING_REQUIRED', 'training.required', { lastTrainedOn: shortfall.lastTrainedOn });
}

async function toErrorData(desk: Desk, method: MethodName, err: unknown): Promise<DeskErrorData> {
  if (err instanceof DeskError) return err.toData();
  // A full disk, a read-only folder or a damaged page, met outside a desk transaction: a clear message, not a fault.
  const known = desk.knownFault(err);
  if (known) return known.toData();
  // An unexpected fault: the log gets the stack, the screen a plain message, the audit trail the fact.
  desk.log.error(`${method} failed`, err);
  const session = desk.session;
  if (session && desk.db) {
    await desk
      .audit({ actorId: session.accountId, actorRole: session.role, action: method, outcome: 'failed', details: { code: 'INTERNAL' } })
      .catch(() => undefined);
  }
  return { code: 'INTERNAL', message: 'internal' };
}
