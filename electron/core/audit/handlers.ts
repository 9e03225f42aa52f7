// audit.*: searching the trail, checking its chain, exporting signed audit files.
import type { audit } from '../../../src-shared/api/audit';
import type { AuditRow } from '../../../src-shared/domain';
import { DeskError } from '../errors';
import { exportPath } from '../exports/target';
import type { Handlers } from '../handler';
import { eventFromRow, verifyChain } from './chain';
import { exportAudit } from './export';
import { sshFingerprint } from './sshsig';

/** Stored times are UTC ISO strings; a range given with any offset is compared in the same form. */
function utc(instant: string | undefined): string | undefined {
  return instant === undefined ? undefined : new Date(instant).toISOString();
}

export const auditHandlers: Handlers<typeof audit> = {
  'audit.search': async (input, { db, session }) => {
    let query = db.selectFrom('audit_events as e');
    const from = utc(input.from);
    const to = utc(input.to);
    if (from) query = query.where('e.at', '>=', from);
    if (to) query = query.where('e.at', '<', to);
    if (input.actorId) query = query.where('e.actor_id', '=', input.actorId);
    if (input.action) query = query.where('e.action', 'like', `${input.action.replace(/[%_\\]/g, '\\$&')}%`, );
    if (input.targetId) query = query.where('e.target_id', '=', input.targetId);
    if (input.outcome) query = query.where('e.outcome', '=', input.outcome);
    const { total } = await query.select((eb) => eb.fn.countAll<number>().as('total')).executeTakeFirstOrThrow();
    const rows = await query
      .leftJoin('accounts as a', 'a.id', 'e.actor_id')
      .selectAll('e')
      .select('a.display_name')
      .orderBy('e.seq', input.order === 'newest' ? 'desc' : 'asc')
      .limit(input.pageSize)
      .offset(input.page * input.pageSize)
      .execute();
    // The auditor sees ids only: an employee's name is personal data too, and the trail needs none to be checked.
    const showNames = session!.role === 'officer';
    return {
      total: Number(total),
      rows: rows.map(
        (row): AuditRow => ({
          ...eventFromRow(row),
          actorName: showNames ? row.display_name : null,
          hash: row.hash,
        }),
      ),
    };
  },

  'audit.status': async (_input, { db }) => {
    const installation = await db.selectFrom('installation').select(['installation_id', 'signing_public_key']).where('id', '=', 1).executeTakeFirst();
    if (!installation) throw new DeskError('INTEGRITY', 'installation.missing');
    return {
      chain: await verifyChain(db),
      fingerprint: sshFingerprint(installation.signing_public_key),
      installationId: installation.installation_id,
    };
  },

  'audit.export': async (input, ctx) => {
    const { db, desk, audit } = ctx;
    const from = utc(input.from);
    const to = utc(input.to);
    if (from && to && from >= to) throw new DeskError('VALIDATION', 'audit.rangeEmpty');
    // A path chosen in the save dialog: the CSV, signature and allowed_signers go beside it.
    const chosen = input.saveTo ? exportPath(ctx, input.saveTo, '', 'audit.jsonl') : undefined;
    const result = await exportAudit(db, { exportsDir: desk.exportsDir, chosen, range: { from, to }, now: desk.now() });
    Object.assign(audit, { targetType: 'auditExport', details: { from: from ?? null, to: to ?? null, events: result.events, head: result.head } });
    return { path: result.path, csvPath: result.csvPath, sigPath: result.sigPath, allowedSignersPath: result.allowedSignersPath, events: result.events };
  },
};
