// A desk for bulk work: the request register's desk (officer, staff with a statement, customers) and many requests.
import type { RequestIntake } from '../../../../src-shared/api/requests';
import type { RequestDetail } from '../../../../src-shared/requests';
import type { TestDesk } from '../../helpers/desk';
import { yamadaAsksDisclosure } from '../requests/setup';

/**
 * `count` requests received by e-mail from different people, starting on `firstDay` one calendar day apart: received
 * in October, all are overdue on 25 November 2026 (fourteen business days each).
 */
export async function registerRequests(desk: TestDesk, count: number, firstDay = '2026-10-01'): Promise<RequestDetail[]> {
  const made: RequestDetail[] = [];
  for (let i = 0; i < count; i++) {
    const receivedOn = new Date(Date.parse(`${firstDay}T00:00:00Z`) + i * 86_400_000).toISOString().slice(0, 10);
    const intake: RequestIntake = {
      ...yamadaAsksDisclosure,
      receivedOn,
      requester: { ...yamadaAsksDisclosure.requester, name: `依頼者 ${i + 1}`, email: `person${i + 1}@example.jp` },
    };
    made.push(await desk.ok<RequestDetail>('requests.create', intake));
  }
  return made;
}

export function db(desk: TestDesk) {
  return desk.core.desk.requireDb();
}

/** The trail's events of one action, oldest first. */
export function events(desk: TestDesk, action: string) {
  return db(desk).selectFrom('audit_events').selectAll().where('action', '=', action).orderBy('seq').execute();
}
