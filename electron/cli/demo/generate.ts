// Deterministic demo customers: the same seed gives the same people, drawn from lists.ts by our own small generator.
import type { CustomerInput } from '../../../src-shared/api/customer-input';
import { containsCardNumber } from '../../../src-shared/card-numbers';
import { buildings, givenNames, goods, mailDomains, places, surnames, surveyAnswers, systems } from './lists';

/** mulberry32: tiny, fast and deterministic; nothing here needs a cryptographic generator. */
export function random(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

type Rng = () => number;
const int = (rng: Rng, min: number, max: number) => min + Math.floor(rng() * (max - min + 1));
const pick = <T>(rng: Rng, items: readonly T[]): T => items[Math.floor(rng() * items.length)]!;
const pad = (n: number, width: number) => String(n).padStart(width, '0');

/** Surnames by a Zipf-like weight, so 佐藤 is common and the last ones rare, as in a real customer base. */
const surnameWeights = surnames.map((_, i) => 1 / (i + 2));
const surnameTotal = surnameWeights.reduce((a, b) => a + b, 0);
function pickSurname(rng: Rng) {
  let r = rng() * surnameTotal;
  for (let i = 0; i < surnames.length; i++) {
    r -= surnameWeights[i]!;
    if (r <= 0) return surnames[i]!;
  }
  return surnames[surnames.length - 1]!;
}

function day(rng: Rng, fromYear: number, toYear: number): string {
  const y = int(rng, fromYear, toYear);
  const m = int(rng, 1, 12);
  const last = new Date(Date.UTC(y, m, 0)).getUTCDate();
  return `${y}-${pad(m, 2)}-${pad(int(rng, 1, last), 2)}`;
}

function token(rng: Rng, length: number): string {
  // Letters between the digits: an id that could read as a card number would (rightly) be refused by the desk.
  let out = '';
  for (let i = 0; i < length; i++) out += i % 3 === 2 ? pick(rng, [...'abcdefghjkmnpqrstuvwxyz']) : pick(rng, [...'0123456789abcdef']);
  return out;
}

export interface DemoOptions {
  /** Receipt ids for the partner provenance; without them every customer registered with us. */
  receiptIds: string[];
  /** The last day anything can have happened (the desk's today). */
  today: string;
}

export function demoCustomer(index: number, rng: Rng, options: DemoOptions): CustomerInput {
  const [sur, surKana, surRomaji] = pickSurname(rng);
  const [given, givenKana, givenRomaji] = pick(rng, givenNames);
  const [prefecture, city, postal, district, areaCode] = pick(rng, places);
  const thisYear = Number(options.today.slice(0, 4));
  const mobile = `${pick(rng, ['090', '080', '070'])}-${pad(int(rng, 0, 9999), 4)}-${pad(int(rng, 0, 9999), 4)}`;
  const localDigits = 10 - areaCode.length;
  const landline = `${areaCode}-${pad(int(rng, 1000, 9999), 4).slice(0, localDigits - 4)}-${pad(int(rng, 0, 9999), 4)}`;
  const registered = day(rng, thisYear - 6, thisYear - 1);
  const partner = options.receiptIds.length > 0 && rng() < 0.1;
  const orders = Array.from({ length: int(rng, 0, 4) }, (_, k) => {
    const [item, price] = pick(rng, goods);
    const qty = int(rng, 1, 3);
    return { orderId: `ORD-${thisYear - 1}-${pad(index * 5 + k, 7)}`, orderedOn: day(rng, thisYear - 2, thisYear - 1), items: `${item} ×${qty}`, amount: price * qty };
  });
  const kinds = ['cookie', 'device', 'advertising', 'ip', 'location'] as const;
  const identifiers = kinds
    .filter(() => rng() < 0.35)
    .map((kind) => {
      const value =
        kind === 'ip' ? `203.0.113.${int(rng, 1, 254)}`
        : kind === 'location' ? `${(35 + rng()).toFixed(3)},${(139 + rng()).toFixed(3)}`
        : `${kind.slice(0, 3)}-${token(rng, 24)}`;
      const firstSeen = day(rng, thisYear - 2, thisYear - 1);
      return { kind, value: containsCardNumber(value) ? `${kind}-x${index}` : value, system: systems[kind], firstSeen, lastSeen: options.today };
    });
  const marketing = rng() < 0.3;
  const consents: NonNullable<CustomerInput['consents']> = [
    { purposeId: '3.1', on: registered, channel: 'web' },
    { purposeId: '3.2', on: registered, channel: 'web' },
  ];
  // About 30% opted into marketing (§3.6); a few of them have since withdrawn.
  if (marketing) consents.push(rng() < 0.05 ? { purposeId: '3.6', state: 'withdrawn', on: options.today, channel: 'email' } : { purposeId: '3.6', on: registered, channel: pick(rng, ['web', 'email', 'post'] as const) });
  const local = `${givenRomaji}.${surRomaji}`.toLowerCase();
  return {
    customerNo: `C-${pad(index + 1, 7)}`,
    name: `${sur} ${given}`,
    nameKana: `${surKana} ${givenKana}`,
    nameRomaji: `${surRomaji} ${givenRomaji}`,
    birthDate: rng() < 0.9 ? day(rng, 1940, 2005) : undefined,
    postalCode: `${postal}-${pad(int(rng, 1, 9999), 4)}`,
    prefecture: prefecture as CustomerInput['prefecture'],
    city,
    addressLine1: `${district}${int(rng, 1, 5)}-${int(rng, 1, 20)}-${int(rng, 1, 30)}`,
    addressLine2: rng() < 0.4 ? `${pick(rng, buildings)}${district}${int(rng, 1, 12)}0${int(rng, 1, 9)}` : undefined,
    provenance: partner ? 'partner' : 'registration',
    receiptId: partner ? pick(rng, options.receiptIds) : undefined,
    phones: rng() < 0.3 ? [{ number: mobile, kind: 'mobile' }, { number: landline, kind: 'home' }] : [{ number: mobile, kind: 'mobile' }],
    emails: [{ address: `${local}${index}@${pick(rng, mailDomains)}` }],
    paymentMethods: rng() < 0.7 ? [{ brand: pick(rng, ['visa', 'mastercard', 'jcb', 'amex'] as const), last4: pad(int(rng, 0, 9999), 4), expiry: `${int(rng, thisYear, thisYear + 5)}-${pad(int(rng, 1, 12), 2)}` }] : [],
    orders,
    identifiers,
    feedback: rng() < 0.1 ? [{ kind: 'survey', receivedOn: day(rng, thisYear - 1, thisYear - 1), text: pick(rng, surveyAnswers) }] : [],
    consents,
  };
}
