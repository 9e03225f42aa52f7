// The crash test's ledger: what the workers said they did (intents) and what the desk acknowledged, kept as what must
// now be true of the desk; and the checks after each kill: every acknowledged write is there, the one call that was
// under way at the kill is all there or not there at all (its audit event with it), SQLite's and SQLCipher's integrity
// checks pass and the audit chain verifies.
import { sql, type Kysely } from 'kysely';
import { api, type MethodName } from '../../src-shared/api';
import { verifyChain } from '../core/audit/chain';
import type { Database } from '../core/db/schema';

export type Intent =
  | { method: 'customers.create'; customerNo: string; name: string; addressLine1: string }
  | { method: 'customers.importCommit'; fileName: string; prefix: string; rows: number; rejected: number }
  | { method: 'requests.create'; customerId: string; requestKind: string }
  | { method: 'idcopies.attach'; requestId: string }
  | { method: 'idcopies.verify'; idCopyId: string }
  | { method: 'proposals.create'; requestId: string; proposalKind: 'erase' | 'change'; customerId: string; to?: string }
  | { method: 'proposals.decide'; proposalId: string; decision: 'approved' | 'rejected'; proposalKind: 'erase' | 'change'; customerId: string }
  | { method: 'customers.get' | 'customers.search' | 'requests.list' };

export type WorkerLine =
  | { t: 'ready' }
  | { t: 'intent'; n: number; intent: Intent }
  | { t: 'ack'; n: number; ids: Record<string, unknown> }
  | { t: 'refused'; n: number; error: { code: string; message: string } };

/** Methods whose every `{ ok: true }` appends exactly one `ok` event of their own name (audit 'read' or 'write'). */
export function auditedOnce(method: string): boolean {
  const audit = (api as Record<string, { audit: string }>)[method as MethodName]?.audit;
  return audit === 'read' || audit === 'write';
}

const reads = new Set(['customers.get', 'customers.search', 'requests.list']);
/** The workers' methods: their `ok` events are counted (a decision may append a notice's event too; that is not one). */
const watched = new Set(['customers.create', 'customers.importCommit', 'requests.create', 'idcopies.attach', 'idcopies.verify', 'proposals.create', 'proposals.decide', ...reads]);

interface Customer {
  customerNo: string;
  name: string;
  address: string;
  erased: boolean;
}

export class CrashLedger {
  private readonly customers = new Map<string, Customer>();
  private readonly imports = new Map<string, { prefix: string; rows: number }>();
  private readonly requests = new Map<string, string>();
  private readonly idCopies = new Map<string, { verified: boolean }>();
  private readonly proposals = new Map<string, { kind: 'erase' | 'change'; customerId: string; to?: string; state: 'open' | 'approved' | 'rejected' }>();
  /** `ok` events per method as last counted, and acknowledgements since. */
  private readonly counted = new Map<string, number>();
  private readonly ackedSince = new Map<string, number>();
  private readonly pending = new Map<number, Intent>();
  acknowledged = { writes: 0, reads: 0 };
  refusals: string[] = [];

  /** One line of the worker. */
  take(line: WorkerLine): void {
    if (line.t === 'intent') this.pending.set(line.n, line.intent);
    else if (line.t === 'refused') {
      const intent = this.pending.get(line.n);
      this.pending.delete(line.n);
      this.refusals.push(`${intent?.method}: ${line.error.code} ${line.error.message}`);
    } else if (line.t === 'ack') {
      const intent = this.pending.get(line.n);
      if (!intent) throw new Error(`an acknowledgement without its intent: ${line.n}`);
      this.pending.delete(line.n);
      this.acknowledge(intent, line.ids);
    }
  }

  private acknowledge(intent: Intent, ids: Record<string, unknown>): void {
    this.ackedSince.set(intent.method, (this.ackedSince.get(intent.method) ?? 0) + 1);
    if (reads.has(intent.method)) this.acknowledged.reads += 1;
    else this.acknowledged.writes += 1;
    this.apply(intent, ids);
  }

  /** What must now be true of the desk. */
  private apply(intent: Intent, ids: Record<string, unknown>): void {
    const id = ids.id as string;
    switch (intent.method) {
      case 'customers.create':
        this.customers.set(id, { customerNo: intent.customerNo, name: intent.name, address: intent.addressLine1, erased: false });
        break;
      case 'customers.importCommit':
        this.imports.set(ids.importId as string, { prefix: intent.prefix, rows: intent.rows });
        break;
      case 'requests.create':
        this.requests.set(id, intent.requestKind);
        break;
      case 'idcopies.attach':
        this.idCopies.set(id, { verified: false });
        break;
      case 'idcopies.verify':
        this.idCopies.set(intent.idCopyId, { verified: true });
        break;
      case 'proposals.create':
        this.proposals.set(id, { kind: intent.proposalKind, customerId: intent.customerId, to: intent.to, state: 'open' });
        break;
      case 'proposals.decide': {
        const proposal = this.proposals.get(intent.proposalId);
        const customer = this.customers.get(intent.customerId);
        if (!proposal || !customer) break;
        proposal.state = intent.decision;
        if (intent.decision === 'approved' && proposal.kind === 'erase') customer.erased = true;
        if (intent.decision === 'approved' && proposal.kind === 'change') customer.address = proposal.to!;
        break;
      }
    }
  }

  /** The audit counts as the desk holds them before any worker ran. */
  async baseline(db: Kysely<Database>): Promise<void> {
    for (const [method, n] of await okEvents(db)) this.counted.set(method, n);
  }

  /** After a kill: every check; returns how many acknowledged writes were checked and what was lost or half-done. */
  async check(db: Kysely<Database>): Promise<{ checked: number; losses: string[] }> {
    const losses: string[] = [];
    const integrity = await sql<{ integrity_check: string }>`PRAGMA integrity_check`.execute(db);
    if (integrity.rows.map((r) => r.integrity_check).join() !== 'ok') losses.push(`integrity_check: ${integrity.rows.map((r) => r.integrity_check).join('; ')}`);
    const pages = await sql`PRAGMA cipher_integrity_check`.execute(db);
    if (pages.rows.length > 0) losses.push(`cipher_integrity_check: ${pages.rows.length} pages`);
    const chain = await verifyChain(db);
    if (!chain.valid) losses.push(`audit chain broken at ${chain.brokenAt} (${chain.reason})`);

    const events = await okEvents(db);
    const underWay = [...this.pending.values()];
    this.pending.clear();
    for (const intent of underWay) {
      const applied = await this.settle(db, intent, losses);
      const delta = (events.get(intent.method) ?? 0) - (this.counted.get(intent.method) ?? 0) - (this.ackedSince.get(intent.method) ?? 0);
      // The call under way at the kill: its change and its audit event together, or neither.
      if (applied !== null && auditedOnce(intent.method) && delta !== (applied ? 1 : 0)) losses.push(`${intent.method} under way: change ${applied ? 'made' : 'absent'} but ${delta} audit events`);
      if (applied === null && delta === 1) await this.adoptLast(db, intent, losses);
      if (delta === 1) this.ackedSince.set(intent.method, (this.ackedSince.get(intent.method) ?? 0) + 1);
    }
    for (const [method, n] of events) {
      if (!watched.has(method) || !auditedOnce(method)) continue;
      const expected = (this.counted.get(method) ?? 0) + (this.ackedSince.get(method) ?? 0);
      if (n !== expected) losses.push(`${method}: ${n} ok events in the trail, ${expected} acknowledged`);
      this.counted.set(method, n);
    }
    this.ackedSince.clear();
    const checked = await this.checkFacts(db, losses);
    return { checked, losses };
  }

  /**
   * Whether the call under way at the kill was carried out whole (true), not at all (false), or cannot be told from its
   * intent (null: decided by its audit event). A part of it without the rest is a loss.
   */
  private async settle(db: Kysely<Database>, intent: Intent, losses: string[]): Promise<boolean | null> {
    if (intent.method === 'customers.create') {
      const row = await db.selectFrom('customers').select('id').where('customer_no', '=', intent.customerNo).executeTakeFirst();
      if (!row) return false;
      const phones = await db.selectFrom('customer_phones').select('customer_id').where('customer_id', '=', row.id).execute();
      if (phones.length !== 1) losses.push(`customers.create under way: ${intent.customerNo} without its phone`);
      this.customers.set(row.id, { customerNo: intent.customerNo, name: intent.name, address: intent.addressLine1, erased: false });
      return true;
    }
    if (intent.method === 'customers.importCommit') {
      const row = await db.selectFrom('customer_imports').select(['id', 'imported']).where('file_name', '=', intent.fileName).executeTakeFirst();
      const count = await customersLike(db, intent.prefix);
      if (row ? count !== intent.rows || row.imported !== intent.rows : count !== 0) losses.push(`import under way half-applied: ${row ? 'recorded' : 'not recorded'}, ${count} of ${intent.rows} rows`);
      if (row) this.imports.set(row.id, { prefix: intent.prefix, rows: intent.rows });
      return row !== undefined;
    }
    if (intent.method === 'idcopies.verify') {
      const row = await db.selectFrom('id_copies').select('result').where('id', '=', intent.idCopyId).executeTakeFirst();
      if (row?.result === 'verified') this.idCopies.set(intent.idCopyId, { verified: true });
      return row?.result === 'verified';
    }
    if (intent.method === 'proposals.decide') {
      const row = await db.selectFrom('proposals').select('state').where('id', '=', intent.proposalId).executeTakeFirst();
      const decided = row !== undefined && row.state !== 'open';
      // The proposal's new state and its effect on the record move together; checkFacts sees to the effect.
      if (decided) this.apply(intent, {});
      return decided;
    }
    return null;
  }

  /** The call under way did commit (its event is there): the record it made must be there too. */
  private async adoptLast(db: Kysely<Database>, intent: Intent, losses: string[]): Promise<void> {
    if (reads.has(intent.method)) return;
    const event = await db.selectFrom('audit_events').select('target_id').where('action', '=', intent.method).where('outcome', '=', 'ok').orderBy('seq', 'desc').limit(1).executeTakeFirst();
    const id = event?.target_id ?? '';
    const table = intent.method === 'requests.create' ? 'requests' : intent.method === 'idcopies.attach' ? 'id_copies' : 'proposals';
    const row = await db.selectFrom(table).select('id').where('id', '=', id).executeTakeFirst();
    if (!row) return void losses.push(`${intent.method} under way: its audit event names ${id}, which is not there`);
    if (intent.method === 'requests.create') this.requests.set(id, intent.requestKind);
    if (intent.method === 'idcopies.attach') this.idCopies.set(id, { verified: false });
    if (intent.method === 'proposals.create') this.proposals.set(id, { kind: intent.proposalKind, customerId: intent.customerId, to: intent.to, state: 'open' });
  }

  /** Every acknowledged write, as it must now be. */
  private async checkFacts(db: Kysely<Database>, losses: string[]): Promise<number> {
    let checked = 0;
    const customers = new Map((await db.selectFrom('customers').select(['id', 'customer_no', 'name', 'address_line1']).execute()).map((c) => [c.id, c]));
    const tombstones = new Set((await db.selectFrom('customer_tombstones').select('customer_id').execute()).map((t) => t.customer_id));
    for (const [id, want] of this.customers) {
      checked += 1;
      const row = customers.get(id);
      if (want.erased) {
        if (row || !tombstones.has(id)) losses.push(`customer ${want.customerNo} erased by an approved decision, but ${row ? 'still there' : 'no tombstone'}`);
      } else if (!row || row.customer_no !== want.customerNo || row.name !== want.name || row.address_line1 !== want.address) {
        losses.push(`customer ${want.customerNo}: ${row ? `found as ${row.customer_no} / ${row.address_line1}` : 'missing'}`);
      }
    }
    const imports = new Map((await db.selectFrom('customer_imports').select(['id', 'imported']).execute()).map((i) => [i.id, i.imported]));
    for (const [id, want] of this.imports) {
      checked += 1;
      const count = await customersLike(db, want.prefix);
      if (imports.get(id) !== want.rows || count !== want.rows) losses.push(`import ${want.prefix}: ${imports.has(id) ? `recorded ${imports.get(id)}` : 'not recorded'}, ${count} of ${want.rows} rows there`);
    }
    const requests = new Map((await db.selectFrom('requests').select(['id', 'kind']).execute()).map((r) => [r.id, r.kind as string]));
    for (const [id, kind] of this.requests) {
      checked += 1;
      if (requests.get(id) !== kind) losses.push(`request ${id} (${kind}): ${requests.get(id) ?? 'missing'}`);
    }
    const idCopies = new Map((await db.selectFrom('id_copies').select(['id', 'result']).execute()).map((c) => [c.id, c.result]));
    for (const [id, want] of this.idCopies) {
      checked += 1;
      if (!idCopies.has(id) || (want.verified && idCopies.get(id) !== 'verified')) losses.push(`ID copy ${id}: ${idCopies.has(id) ? `result ${idCopies.get(id)}` : 'missing'}`);
    }
    const proposals = new Map((await db.selectFrom('proposals').select(['id', 'state']).execute()).map((p) => [p.id, p.state]));
    for (const [id, want] of this.proposals) {
      checked += 1;
      if (proposals.get(id) !== want.state) losses.push(`proposal ${id} (${want.kind}): ${proposals.get(id) ?? 'missing'}, acknowledged ${want.state}`);
    }
    return checked;
  }
}

async function okEvents(db: Kysely<Database>): Promise<Map<string, number>> {
  const rows = await db.selectFrom('audit_events').select(['action', (eb) => eb.fn.countAll<number>().as('n')]).where('outcome', '=', 'ok').groupBy('action').execute();
  return new Map(rows.map((r) => [r.action, Number(r.n)]));
}

async function customersLike(db: Kysely<Database>, prefix: string): Promise<number> {
  const { n } = await db.selectFrom('customers').select((eb) => eb.fn.countAll<number>().as('n')).where('customer_no', 'like', `${prefix}%`).executeTakeFirstOrThrow();
  return Number(n);
}
