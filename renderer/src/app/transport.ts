// The one interface the renderer speaks to the core through; main.tsx chooses which transport carries it.
import type { Result } from '../../../src-shared/errors';

export type Transport = (method: string, input: unknown) => Promise<Result<unknown>>;

/** A call that never reached the core (the host stopped, the bridge failed). */
export function unreachable(): Result<never> {
  return { ok: false, error: { code: 'INTERNAL', message: 'transport.unreachable' } };
}
