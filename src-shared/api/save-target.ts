// The place a person chose for an export in the operating system's save dialog, carried into the export call as a token.
import { z } from 'zod';

/**
 * A token the core handed out for a path chosen in the save dialog (never a path from the page: a renderer that
 * could name a path could write anywhere the person may). Absent: the exports folder, under the usual name.
 */
export const saveTo = z.string().uuid().optional();
