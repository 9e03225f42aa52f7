// The audit trail: search it, check its chain, export signed audit files.
import { z } from 'zod';
import type { AuditRow, ChainStatus } from '../domain';
import { area, method, type } from './method';
import { saveTo } from './save-target';

const instant = z.iso.datetime({ offset: true, message: 'datetime.format' });

export const audit = area('audit', {
  search: method({
    input: z
      .object({
        from: instant.optional(),
        to: instant.optional(),
        actorId: z.string().trim().max(64).optional(),
        action: z.string().trim().max(64).optional(),
        /** A record id: finds events about it. */
        targetId: z.string().trim().max(64).optional(),
        outcome: z.enum(['ok', 'denied', 'failed']).optional(),
        page: z.number().int().min(0).default(0),
        pageSize: z.number().int().min(1).max(200).default(50),
        order: z.enum(['newest', 'oldest']).default('newest'),
      })
      .strict(),
    output: type<{ rows: AuditRow[]; total: number }>(),
    access: 'audit.read',
    audit: 'none',
  }),
  /** Recomputes the whole chain and names the signing key, for the screen's chain status. */
  status: method({
    input: z.object({}).strict(),
    output: type<{ chain: ChainStatus; fingerprint: string; installationId: string }>(),
    access: 'audit.read',
    audit: 'none',
  }),
  export: method({
    input: z.object({ from: instant.optional(), to: instant.optional(), saveTo }).strict(),
    output: type<{ path: string; csvPath: string; sigPath: string; allowedSignersPath: string; events: number }>(),
    access: 'audit.export',
    audit: 'write',
  }),
});
