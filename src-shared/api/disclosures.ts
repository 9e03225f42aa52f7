// The disclosure package (APPI Art. 33): everything the desk holds about the person, as JSON and a Japanese PDF.
import { z } from 'zod';
import type { DisclosurePackage } from '../requests';
import { area, method, type } from './method';
import { saveTo } from './save-target';

const id = z.uuid({ message: 'id.format' });

export const disclosures = area('disclosures', {
  /** Needs an approved disclosure proposal and a verified ID copy; writes both files to the exports folder. */
  build: method({
    input: z.object({ requestId: id, saveTo }).strict(),
    output: type<DisclosurePackage>(),
    access: 'disclosures.build',
    audit: 'write',
    needsStatement: true,
  }),
});
