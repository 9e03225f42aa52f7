// ID copy checks (policy §5.2 note, APPI Art. 37): attach a redacted copy, record the checklist, view the stored copy.
import { randomUUID } from 'node:crypto';
import { idCopyMediaTypes, maxIdCopyBytes, type idcopies } from '../../../src-shared/api/idcopies';
import type { Role } from '../../../src-shared/roles';
import type { Session } from '../desk';
import { DeskError } from '../errors';
import type { Handlers } from '../handler';
import { readRequestDetail } from '../requests/read';
import { loadRequest, moveRequest, requireOpen } from '../requests/store';
import { loadIdCopy, readIdCopyRow } from './read';
import { checkUpload, type UploadRules } from '../uploads';
import { maxIdCopyPixels, redactIdCopy, type RedactedImage } from './redact';
import { checkOutcome, refuseUnkeepableCopy } from './rules';

/**
 * Images only (a PDF copy is turned into an image of its page in the window), up to 20 MB, the bytes what the type
 * says, and no more pixels than a phone's photo of a card: refused from the header, before a pixel is decoded.
 */
const idCopyRules: UploadRules = {
  types: idCopyMediaTypes,
  maxBytes: maxIdCopyBytes,
  maxPixels: maxIdCopyPixels,
  keys: { type: 'idCopy.mediaMismatch', empty: 'file.empty', tooLarge: 'file.tooLarge', unreadable: 'idCopy.unreadable', activeContent: 'idCopy.mediaMismatch', pdfLocked: 'idCopy.mediaMismatch', tooManyPixels: 'idCopy.tooManyPixels' },
};

function viewer(session: Session | null): { accountId: string; role: Role } {
  if (!session) throw new DeskError('UNAUTHENTICATED', 'auth.required');
  return { accountId: session.accountId, role: session.role };
}

export const idCopyHandlers: Handlers<typeof idcopies> = {
  'idcopies.attach': async (input, ctx) => {
    const actor = viewer(ctx.session);
    const request = await loadRequest(ctx.db, input.requestId);
    requireOpen(request);
    refuseUnkeepableCopy(input);

    // The original lives only in this buffer: never written, never logged, zeroed once the redacted copy exists.
    const original = await checkUpload({ dataBase64: input.image.dataBase64, type: input.image.mediaType }, idCopyRules);
    let redacted: RedactedImage;
    try {
      redacted = await redactIdCopy(original, input.image.mediaType, input.redactions);
    } finally {
      original.fill(0);
    }

    const now = ctx.desk.now();
    const id = randomUUID();
    await ctx.db
      .insertInto('id_copies')
      .values({
        id,
        request_id: request.id,
        document_type: input.documentType,
        side: input.side,
        media_type: redacted.mediaType,
        width: redacted.width,
        height: redacted.height,
        sha256: redacted.sha256,
        image: redacted.image,
        redactions: JSON.stringify(input.redactions),
        masking_confirmed: input.maskingConfirmed.length > 0 ? JSON.stringify(input.maskingConfirmed) : null,
        attached_at: now.toISOString(),
        attached_by: actor.accountId,
        result: null,
        check_details: null,
        not_verified_reason: null,
        verified_at: null,
        verified_by: null,
        erase_on: null,
        erased_at: null,
      })
      .execute();
    if (request.state === 'received') await moveRequest(ctx.db, request, 'identityCheck', { accountId: actor.accountId, now }, 'idcopies.attach');
    ctx.audit.targetType = 'idCopy';
    ctx.audit.targetId = id;
    ctx.audit.details = { requestId: request.id, documentType: input.documentType, side: input.side, redactions: input.redactions.length, sha256: redacted.sha256 };
    return readRequestDetail(ctx.db, request.id, { ...actor, now });
  },

  'idcopies.verify': async (input, ctx) => {
    const actor = viewer(ctx.session);
    const copy = await loadIdCopy(ctx.db, input.id);
    // What was checked must still be there to be looked at; after erasure only the recorded result remains.
    if (copy.erased_at !== null) throw new DeskError('CONFLICT', 'idCopy.erased');
    const request = await loadRequest(ctx.db, copy.request_id);
    requireOpen(request);
    const { check, reason } = checkOutcome(input, request.requester_kind === 'proxy');
    const now = ctx.desk.now();
    await ctx.db
      .updateTable('id_copies')
      .set({ result: input.result, check_details: JSON.stringify(check), not_verified_reason: reason, verified_at: now.toISOString(), verified_by: actor.accountId })
      .where('id', '=', copy.id)
      .execute();
    if (input.result === 'verified' && request.state === 'identityCheck') {
      await moveRequest(ctx.db, request, 'inProgress', { accountId: actor.accountId, now }, 'idcopies.verify');
    }
    // The reason is free text about a person: it stays in the table, the trail has the ids and the result.
    ctx.audit.targetType = 'idCopy';
    ctx.audit.targetId = copy.id;
    ctx.audit.fields = ['result', 'check'];
    ctx.audit.details = { requestId: request.id, result: input.result };
    return readRequestDetail(ctx.db, request.id, { ...actor, now });
  },

  'idcopies.view': async (input, ctx) => {
    const copy = await loadIdCopy(ctx.db, input.id);
    const stored = await ctx.db.selectFrom('id_copies').select('image').where('id', '=', copy.id).executeTakeFirstOrThrow();
    ctx.audit.targetType = 'idCopy';
    ctx.audit.targetId = copy.id;
    ctx.audit.details = { requestId: copy.request_id };
    return { ...(await readIdCopyRow(ctx.db, copy)), dataBase64: stored.image ? stored.image.toString('base64') : null };
  },
};
