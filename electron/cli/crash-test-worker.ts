// The crash test's worker: started by crash-test.ts and killed by it at a random moment. It waits for "go" on stdin,
// signs in twice (an officer, and a staff member or the second officer), then runs a random mix of writes through the
// router: customer records, CSV imports, requests with their ID checks, proposals and four-eyes decisions (erasures
// and corrections), and audited reads. Before each call it prints what it is about to do; after each `{ ok: true }` it
// prints the acknowledgement, with the ids the desk gave. Lines go out with a synchronous write: once printed, an
// acknowledgement is the parent's to check, whatever happens next.
import { readFileSync, writeSync } from 'node:fs';
import { createInterface } from 'node:readline';
import { createCore, type Core } from '../core/core';
import { localDay } from '../core/dates';
import { shopCsv, shopPerson, shopRow, type CrashAccount } from './crash-test-desk';
import { random } from './demo/generate';
import type { Intent } from './crash-test-check';

export interface WorkerConfig {
  dataDir: string;
  exportsDir: string;
  seed: number;
  /** Numbers the worker's customers and files: unique in the run. */
  worker: number;
  officer: CrashAccount;
  other: CrashAccount;
  pngFile: string;
}

function say(line: object): void {
  const bytes = Buffer.from(`${JSON.stringify(line)}\n`);
  for (let off = 0; off < bytes.length; ) {
    try {
      off += writeSync(1, bytes, off);
    } catch (err) {
      // A pipe that is full for a moment: try again, the parent is reading.
      if ((err as NodeJS.ErrnoException).code !== 'EAGAIN') throw err;
    }
  }
}

interface Flow {
  kind: 'erase' | 'change';
  step: number;
  customerId?: string;
  customerNo?: string;
  requestId?: string;
  idCopyId?: string;
  proposalId?: string;
}

async function run(config: WorkerConfig): Promise<void> {
  const rng = random(config.seed);
  const pick = <T>(items: readonly T[]): T => items[Math.floor(rng() * items.length)]!;
  const quiet = { warn: () => undefined, error: (m: string) => process.stderr.write(`${m}\n`) };
  const officer = createCore({ dataDir: config.dataDir, exportsDir: config.exportsDir, log: quiet });
  const other = createCore({ dataDir: config.dataDir, exportsDir: config.exportsDir, log: quiet });
  const png = readFileSync(config.pngFile).toString('base64');
  const today = localDay(new Date());
  const prefix = `W${config.worker}`;
  let n = 0;
  let serial = 0;

  await Promise.all([
    officer.call('auth.login', config.officer).then((r) => r.ok || Promise.reject(new Error(`officer sign-in: ${JSON.stringify(r)}`))),
    other.call('auth.login', config.other).then((r) => r.ok || Promise.reject(new Error(`second sign-in: ${JSON.stringify(r)}`))),
  ]);
  say({ t: 'ready' });

  /** One call with its intent and, on `{ ok: true }`, its acknowledgement. */
  async function call<T>(core: Core, intent: Intent, input: unknown, ids: (value: T) => Record<string, unknown> = () => ({})): Promise<T | null> {
    const seq = ++serial;
    say({ t: 'intent', n: seq, intent });
    const result = await core.call(intent.method, input);
    if (!result.ok) {
      say({ t: 'refused', n: seq, error: result.error });
      return null;
    }
    say({ t: 'ack', n: seq, ids: ids(result.value as T) });
    return result.value as T;
  }

  const customerNo = () => `${prefix}-C${++n}`;
  const flows: Flow[] = [];

  async function createCustomer(core: Core): Promise<{ id: string; customerNo: string } | null> {
    const no = customerNo();
    const { phone, email, ...person } = shopPerson(no, config.worker * 1000 + n);
    const input = { ...person, phones: [{ number: phone, kind: 'mobile' }], emails: [{ address: email }], provenance: 'registration' };
    // What was sent is what must be stored (the answer is masked for staff).
    const record = await call<{ id: string }>(core, { method: 'customers.create', customerNo: no, name: person.name, addressLine1: person.addressLine1 }, input, (r) => ({ id: r.id }));
    return record ? { id: record.id, customerNo: no } : null;
  }

  async function importFile(): Promise<void> {
    const rows = 10 + Math.floor(rng() * 140);
    const bad = rng() < 0.3 ? 1 + Math.floor(rng() * 3) : 0;
    const filePrefix = `${prefix}-I${++n}-`;
    const people = Array.from({ length: rows + bad }, (_, i) => shopRow(shopPerson(`${filePrefix}${i + 1}`, i), i >= rows));
    const fileName = `${filePrefix}import.csv`;
    await call<{ importId: string; imported: number; rejectedPath?: string }>(
      pick([officer, other]),
      { method: 'customers.importCommit', fileName, prefix: filePrefix, rows, rejected: bad },
      { file: { fileName, dataBase64: shopCsv(people).toString('base64') }, language: 'ja' },
      (r) => ({ importId: r.importId, imported: r.imported, rejectedPath: r.rejectedPath ?? null }),
    );
  }

  /** One step of an erasure or a correction: customer, request, ID copy, its check, the proposal, the decision. */
  async function advance(flow: Flow): Promise<void> {
    const requestKind = flow.kind === 'erase' ? 'erasure' : 'correction';
    let ok: unknown = null;
    if (flow.step === 0) {
      const created = await createCustomer(pick([officer, other]));
      if (created) Object.assign(flow, { customerId: created.id, customerNo: created.customerNo });
      ok = created;
    } else if (flow.step === 1) {
      const intake = { kind: requestKind, channel: 'email', receivedOn: today, requesterKind: 'person', requester: { name: '本人', email: `${flow.customerNo!.toLowerCase()}@example.jp` }, asked: '登録情報への対応をお願いします。', customerId: flow.customerId };
      const detail = await call<{ id: string }>(other, { method: 'requests.create', customerId: flow.customerId!, requestKind }, intake, (r) => ({ id: r.id }));
      if (detail) flow.requestId = detail.id;
      ok = detail;
    } else if (flow.step === 2) {
      const image = { mediaType: 'image/png', dataBase64: png };
      const detail = await call<{ idCopies: { id: string }[] }>(other, { method: 'idcopies.attach', requestId: flow.requestId! }, { requestId: flow.requestId, documentType: 'driversLicence', side: 'front', image, redactions: [{ x: 0.6, y: 0.7, width: 0.3, height: 0.1 }] }, (r) => ({ id: r.idCopies.at(-1)!.id }));
      if (detail) flow.idCopyId = detail.idCopies.at(-1)!.id;
      ok = detail;
    } else if (flow.step === 3) {
      ok = await call(other, { method: 'idcopies.verify', idCopyId: flow.idCopyId! }, { id: flow.idCopyId, nameMatches: true, addressMatches: true, birthDateMatches: true, result: 'verified' });
    } else if (flow.step === 4) {
      const to = `訂正後${flow.customerNo}`;
      const input = flow.kind === 'erase' ? { requestId: flow.requestId, kind: 'erase' } : { requestId: flow.requestId, kind: 'change', changes: [{ field: 'addressLine1', to }] };
      const detail = await call<{ proposals: { id: string }[] }>(other, { method: 'proposals.create', requestId: flow.requestId!, proposalKind: flow.kind, customerId: flow.customerId!, ...(flow.kind === 'change' ? { to } : {}) }, input, (r) => ({ id: r.proposals.at(-1)!.id }));
      if (detail) flow.proposalId = detail.proposals.at(-1)!.id;
      ok = detail;
    } else {
      // Mostly approvals; a correction is sometimes refused, with its ground (APPI Art. 34).
      const reject = flow.kind === 'change' && rng() < 0.25;
      const input = reject ? { id: flow.proposalId, decision: 'reject', reason: { ground: 'contentIsAccurate', text: '登録内容が正しいことを確認しました。' } } : { id: flow.proposalId, decision: 'approve' };
      ok = await call(officer, { method: 'proposals.decide', proposalId: flow.proposalId!, decision: reject ? 'rejected' : 'approved', proposalKind: flow.kind, customerId: flow.customerId! }, input);
    }
    // A refused step ends its flow; the next flows start afresh.
    if (ok === null || flow.step === 5) flows.splice(flows.indexOf(flow), 1);
    else flow.step += 1;
  }

  async function read(): Promise<void> {
    const kind = pick(['search', 'get', 'list'] as const);
    const known = flows.find((f) => f.customerId && f.kind === 'change');
    if (kind === 'get' && known) await call(pick([officer, other]), { method: 'customers.get' }, { id: known.customerId });
    else if (kind === 'list') await call(officer, { method: 'requests.list' }, {});
    else await call(pick([officer, other]), { method: 'customers.search' }, { query: pick(['山田', 'サトウ', '神宮前', 'example']) });
  }

  for (;;) {
    const roll = rng();
    if (roll < 0.2) await createCustomer(pick([officer, other]));
    else if (roll < 0.35) await importFile();
    else if (roll < 0.8) {
      if (flows.length < 3 || rng() < 0.2) flows.push({ kind: rng() < 0.5 ? 'erase' : 'change', step: 0 });
      await advance(pick(flows));
    } else await read();
  }
}

async function main(): Promise<void> {
  const config = JSON.parse(process.argv[2]!) as WorkerConfig;
  // Loaded and waiting: the parent starts the next worker while it checks the last one's desk.
  const lines = createInterface({ input: process.stdin });
  for await (const line of lines) if (line.trim() === 'go') break;
  await run(config);
}

if (process.argv[1] && /crash-test-worker[^/\\]*\.(ts|mjs|js)$/.test(process.argv[1])) {
  main().catch((err: unknown) => {
    process.stderr.write(`crash-test worker: ${err instanceof Error ? (err.stack ?? err.message) : String(err)}\n`);
    process.exit(70);
  });
}
