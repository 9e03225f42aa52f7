// notices.render: a notice to the person for a request, kept on the request and written to the outbox.
import type { notices } from '../../../src-shared/api/notices';
import type { Handlers } from '../handler';
import { writeNotice } from './render';

export const noticeHandlers: Handlers<typeof notices> = {
  'notices.render': async (input, ctx) => {
    const { row, audit } = await writeNotice(ctx, input.requestId, input.kind, input.language);
    Object.assign(ctx.audit, audit);
    return row;
  },
};
