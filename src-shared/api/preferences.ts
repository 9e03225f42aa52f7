// The signed-in person's own preferences that follow them from machine to machine: language and date style.
import { z } from 'zod';
import { dateStyles, screenLanguages, type Preferences } from '../preferences';
import { area, method, type } from './method';

export const preferences = area('preferences', {
  /** The signed-in person's preferences: no personal data of customers, so nothing to audit. */
  get: method({
    input: z.object({}).strict(),
    output: type<Preferences>(),
    access: 'self',
    audit: 'none',
  }),
  /** Saves one or both; what is left out stays as it was. */
  set: method({
    input: z
      .object({
        language: z.enum(screenLanguages).optional(),
        dateStyle: z.enum(dateStyles).optional(),
      })
      .strict(),
    output: type<Preferences>(),
    access: 'self',
    audit: 'write',
  }),
});
