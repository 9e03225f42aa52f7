// First run: is the desk set up, and creating the officer with the manager-in-charge.
import { z } from 'zod';
import { area, method, type } from './method';
import { displayName, loginId, manager, password } from './fields';

export const setup = area('setup', {
  status: method({
    input: z.object({}).strict(),
    output: type<{ needsSetup: boolean }>(),
    access: 'public',
    audit: 'none',
  }),
  createOfficer: method({
    input: z.object({ displayName, loginId, password, manager }).strict(),
    output: type<{ recoveryKey: string }>(),
    access: 'public',
    audit: 'self',
  }),
});
