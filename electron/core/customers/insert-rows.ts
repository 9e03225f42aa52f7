// Many rows into one table in few statements: the SQL made once per table and row count, the values passed flat.
//
// Why not Kysely's insert builder here: it builds and compiles a node for every value, which cost more than SQLite's
// own work on bulk writes (2.3 s of JavaScript for 20,000 demo customers, 115 s projected at a million). The table
// and column names come from our own code, never from input; the values are always bound parameters.
import { CompiledQuery, type Kysely } from 'kysely';

/** SQLite's bound on a statement's parameters is 32,766 here (999 in old builds): chunks stay well below it. */
const maxParameters = 30_000;
/** Rows per statement at most: a longer VALUES list only costs parsing time. */
const maxRowsPerStatement = 500;

const statements = new Map<string, string>();

function statementFor(table: string, columns: readonly string[], rows: number): string {
  const key = `${table}\u0000${columns.join(',')}\u0000${rows}`;
  let text = statements.get(key);
  if (text === undefined) {
    const tuple = `(${columns.map(() => '?').join(', ')})`;
    text = `insert into "${table}" (${columns.map((c) => `"${c}"`).join(', ')}) values ${Array.from({ length: rows }, () => tuple).join(', ')}`;
    // A handful of tables times a few row counts: the map stays small.
    if (statements.size < 1000) statements.set(key, text);
  }
  return text;
}

/** Inserts `rows` (objects keyed by column; a missing value is NULL) in order. Run it inside the caller's transaction. */
export async function insertRows<Db>(db: Kysely<Db>, table: string, columns: readonly string[], rows: readonly Record<string, unknown>[]): Promise<void> {
  if (rows.length === 0) return;
  const perStatement = Math.max(1, Math.min(maxRowsPerStatement, Math.floor(maxParameters / columns.length)));
  for (let start = 0; start < rows.length; start += perStatement) {
    const chunk = rows.slice(start, start + perStatement);
    const values: unknown[] = [];
    for (const row of chunk) for (const column of columns) values.push(row[column] ?? null);
    await db.executeQuery(CompiledQuery.raw(statementFor(table, columns, chunk.length), values));
  }
}
