// The actions one can filter the trail by: every method of the contract, each area as a prefix, and the sign-in events.
import { methodNames } from '../../../../src-shared/api';

/** Events the core records that are not methods of the contract (sign-in and lock happen before or around any call). */
const sessionEvents = ['auth.login', 'auth.logout', 'auth.lock', 'auth.unlock', 'auth.changePassword', 'auth.recover', 'auth.signinStateReset', 'desk.chainHeadReset', 'desk.damaged'];

export function actionOptions(): string[] {
  const areas = [...new Set(methodNames.map((m) => m.split('.')[0]!))].map((a) => `${a}.`);
  return [...new Set([...areas, ...sessionEvents, ...methodNames])].sort();
}
