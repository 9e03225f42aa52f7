// Notices to the person (policy §7.2: by the e-mail address they gave): receipt, extension, result, refusal, from
// templates in Japanese and English, signed with the manager-in-charge; written as .eml, sent by SMTP when set up.
import { z } from 'zod';
import { noticeKinds, noticeLanguages, type NoticeRow } from '../requests';
import { area, method, type } from './method';

const id = z.uuid({ message: 'id.format' });

export const notices = area('notices', {
  /** Renders the notice, keeps its text on the request, writes the .eml to the outbox, and sends it when SMTP is set up. */
  render: method({
    input: z.object({ requestId: id, kind: z.enum(noticeKinds, { message: 'notice.kind' }), language: z.enum(noticeLanguages).optional() }).strict(),
    output: type<NoticeRow>(),
    access: 'notices.render',
    audit: 'write',
    needsStatement: true,
  }),
});
