// The machine a run measured: CPU, cores, memory, OS, Node, the driver's SQLCipher and SQLite, and how busy it was.
import { cpus, loadavg, release, totalmem, type } from 'node:os';
import { close, openRaw, versions } from './raw';

export interface Machine {
  cpu: string;
  cores: number;
  memoryBytes: number;
  os: string;
  node: string;
  sqlcipher: string;
  sqlite: string;
  date: string;
  /** 1-minute load average when the run began and ended: above the core count, other work shared the machine. */
  loadAverage: { start: number; end: number | null };
}

export async function describeMachine(): Promise<Machine> {
  // An in-memory database tells the versions of the bundled library.
  const db = await openRaw(':memory:', null);
  const v = await versions(db).finally(() => close(db));
  return {
    cpu: cpus()[0]?.model.trim() ?? 'unknown',
    cores: cpus().length,
    memoryBytes: totalmem(),
    os: `${type()} ${release()}`,
    node: process.version,
    sqlcipher: v.sqlcipher,
    sqlite: v.sqlite,
    date: new Date().toISOString(),
    loadAverage: { start: loadavg()[0]!, end: null },
  };
}

export function finishMachine(machine: Machine): Machine {
  return { ...machine, loadAverage: { ...machine.loadAverage, end: loadavg()[0]! } };
}
