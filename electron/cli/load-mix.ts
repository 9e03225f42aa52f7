// The load test's workload: what an officer's open windows do at once, in proportions of an ordinary busy day.
import sharp from 'sharp';
import type { Result } from '../../src-shared/errors';
import { demoCustomer, random } from './demo/generate';
import { surnames } from './demo/lists';

/** One call over HTTP, timed by the caller's clock. */
export type Call = (method: string, input: unknown) => Promise<Result<unknown>>;

/** What the clients share: ids to work on, grown by the writes, and today's date as the desk counts it. */
export interface Pools {
  customers: string[];
  requests: string[];
  advertiserId: string;
  today: string;
  idCopy: string;
  /** A customer number nobody has yet. */
  nextCustomerNo(): string;
}

/**
 * Refusals that are the desk keeping its rules, not faults: named by code and message, per method. Anything else
 * that is not `ok` (a validation error of our own input, INTERNAL, a busy database) counts as an error.
 */
export const expectedRefusals: Record<string, string[]> = {
  // Four eyes: the officer who proposed cannot decide (policy §7.2); every window is the same officer.
  'proposals.decide': ['FORBIDDEN proposal.ownProposal'],
  'proposals.create': ['CONFLICT proposal.alreadyOpen'],
  'consents.withdraw': ['CONFLICT consent.notGiven'],
  // Another window may have withdrawn it a moment earlier.
  'provisionConsents.withdraw': ['CONFLICT provisionConsent.notGiven'],
  'provisions.create': ['VALIDATION provision.nobodyIncluded'],
};

export interface Operation {
  name: string;
  weight: number;
  run(call: Call, pools: Pools, rng: () => number): Promise<void>;
}

const pick = <T>(rng: () => number, items: readonly T[]): T => items[Math.floor(rng() * items.length)]!;

/** Searches as people type them: surnames in kanji, kana and romaji, a phone prefix, a customer number. */
function query(rng: () => number): string {
  const [kanji, kana, romaji] = pick(rng, surnames);
  return pick(rng, [kanji, kana, romaji.toLowerCase(), kana.slice(0, 2), '090-12', `C-00${Math.floor(rng() * 100)}`]);
}

async function value<T>(call: Call, method: string, input: unknown): Promise<T | null> {
  const result = await call(method, input);
  return result.ok ? (result.value as T) : null;
}

export const operations: Operation[] = [
  { name: 'search', weight: 20, run: (call, _p, rng) => call('customers.search', { query: query(rng), pageSize: 50 }).then(() => undefined) },
  { name: 'open record', weight: 14, run: (call, p, rng) => call('customers.get', { id: pick(rng, p.customers) }).then(() => undefined) },
  {
    name: 'reveal',
    weight: 5,
    run: (call, p, rng) => call('customers.reveal', { id: pick(rng, p.customers), reason: { kind: 'inquiry', text: '電話でのお問い合わせに回答するため' } }).then(() => undefined),
  },
  {
    name: 'create customer',
    weight: 5,
    async run(call, p, rng) {
      const customer = { ...demoCustomer(Math.floor(rng() * 1e6), random(Math.floor(rng() * 2 ** 31)), { receiptIds: [], today: p.today }), customerNo: p.nextCustomerNo() };
      const created = await value<{ id: string }>(call, 'customers.create', customer);
      if (created) p.customers.push(created.id);
    },
  },
  {
    // A consent given at the counter, and one withdrawn by e-mail (refused when there was none to withdraw).
    name: 'consents',
    weight: 5,
    async run(call, p, rng) {
      await call('consents.record', { customerId: pick(rng, p.customers), purposeId: '3.6', channel: 'counter', givenOn: p.today });
      await call('consents.withdraw', { customerId: pick(rng, p.customers), purposeId: '3.6', channel: 'email' });
    },
  },
  {
    // Intake to decision: the request, its ID copy checked, a comment, the proposal, and the (refused) self-decision.
    name: 'request',
    weight: 4,
    async run(call, p, rng) {
      const customerId = pick(rng, p.customers);
      const request = await value<{ id: string }>(call, 'requests.create', {
        kind: 'disclosure',
        channel: 'email',
        receivedOn: p.today,
        requesterKind: 'person',
        requester: { name: '請求者 本人' },
        asked: '保有個人データの開示をお願いします。',
        disclosureForm: 'electronic',
        customerId,
      });
      if (!request) return;
      p.requests.push(request.id);
      const attached = await value<{ idCopies: { id: string }[] }>(call, 'idcopies.attach', {
        requestId: request.id,
        documentType: 'driversLicence',
        image: { mediaType: 'image/png', dataBase64: p.idCopy },
        redactions: [{ x: 0.6, y: 0.7, width: 0.3, height: 0.1 }],
      });
      if (attached) await call('idcopies.verify', { id: attached.idCopies.at(-1)!.id, nameMatches: true, addressMatches: true, birthDateMatches: true, result: 'verified' });
      await call('requests.comment', { id: request.id, text: '受付番号を本人に通知済み' });
      const proposed = await value<{ proposals: { id: string; state: string }[] }>(call, 'proposals.create', { requestId: request.id, kind: 'disclose' });
      const open = proposed?.proposals.find((x) => x.state === 'open');
      if (open) await call('proposals.decide', { id: open.id, decision: 'approve' });
    },
  },
  {
    name: 'request register',
    weight: 8,
    async run(call, p, rng) {
      await call('requests.list', {});
      if (p.requests.length > 0) await call('requests.get', { id: pick(rng, p.requests) });
    },
  },
  {
    name: 'provision',
    weight: 4,
    async run(call, p, rng) {
      const customerIds = [pick(rng, p.customers), pick(rng, p.customers), pick(rng, p.customers)];
      for (const customerId of customerIds.slice(0, 2)) await call('provisionConsents.record', { customerId, partnerRole: 'advertiser', givenOn: p.today, channel: 'web' });
      await call('provisions.check', { partnerId: p.advertiserId, basis: 'consent', customerIds });
      await call('provisions.create', { partnerId: p.advertiserId, providedOn: p.today, items: '氏名、メールアドレス', basis: 'consent', customerIds });
    },
  },
  { name: 'partners', weight: 4, run: (call) => call('partners.list', {}).then(() => undefined) },
  {
    name: 'provision registers',
    weight: 4,
    async run(call) {
      await call('provisions.list', {});
      await call('receipts.list', {});
    },
  },
  {
    name: 'office registers',
    weight: 4,
    async run(call) {
      await call('incidents.list', {});
      await call('statements.list', {});
      await call('policy.versions', {});
    },
  },
  { name: 'audit', weight: 5, run: (call, _p, rng) => call('audit.search', { page: Math.floor(rng() * 5), pageSize: 50 }).then(() => undefined) },
  {
    // What an open window does by itself: keeps the session alive and reads the settings.
    name: 'window',
    weight: 3,
    async run(call) {
      await call('auth.heartbeat', {});
      await call('settings.get', {});
    },
  },
];

/** A card-sized scan for the ID copies, made once. */
export async function idCopyImage(): Promise<string> {
  const png = await sharp({ create: { width: 640, height: 400, channels: 3, background: { r: 228, g: 234, b: 240 } } }).png().toBuffer();
  return png.toString('base64');
}

/** Picks an operation by weight. */
export function chooser(rng: () => number): () => Operation {
  const total = operations.reduce((sum, op) => sum + op.weight, 0);
  return () => {
    let r = rng() * total;
    for (const op of operations) {
      r -= op.weight;
      if (r <= 0) return op;
    }
    return operations.at(-1)!;
  };
}
