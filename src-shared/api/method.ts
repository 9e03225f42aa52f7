// The building blocks of the contract: one `method(...)` per call the UI can make, grouped by area.
import type { z } from 'zod';
import type { Access } from '../roles';

/**
 * What the router records for a call:
 * - `write`: a change, recorded with the ids and field names the handler notes;
 * - `read`: a read of personal data, recorded likewise;
 * - `self`: the handler records its own events (sign-in, setup), because the database may be closed when the call starts;
 * - `none`: a pure UI helper that touches no personal data (its denials are still recorded).
 */
export type AuditKind = 'write' | 'read' | 'self' | 'none';

declare const outputBrand: unique symbol;
/** A phantom carrying the output type; it has no value at run time. */
export type Output<T> = { readonly [outputBrand]?: T };
export function type<T>(): Output<T> {
  return {};
}

export interface MethodSpec<I extends z.ZodType = z.ZodType, O = unknown> {
  input: I;
  output: Output<O>;
  access: Access;
  audit: AuditKind;
  /** Allowed while the desk is locked (unlock, sign-out, who-am-I). */
  whileLocked?: boolean;
  /** Allowed while the account must still change its temporary password. */
  beforePasswordChange?: boolean;
  /**
   * Opens personal data of customers: a staff account needs a current written confidentiality statement
   * (policy §4.1, APPI Art. 24). Officers are the ones who record statements, and the auditor sees no personal data.
   */
  needsStatement?: boolean;
  /**
   * Runs outside the router's database transaction: the call waits for a person (the save dialog), and the desk's one
   * connection must not wait with it. Only with audit `none` (nothing is written); session and permission still apply.
   */
  outsideTransaction?: boolean;
}

export function method<I extends z.ZodType, O>(spec: MethodSpec<I, O>): MethodSpec<I, O> {
  if (spec.outsideTransaction && spec.audit !== 'none') throw new Error('a call outside the transaction cannot be audited by the router');
  return spec;
}

/** Prefixes each method of an area with the area's name: `area('auth', { login })` gives `{ 'auth.login' }`. */
export function area<A extends string, T extends Record<string, MethodSpec>>(
  name: A,
  methods: T,
): { [K in keyof T as `${A}.${K & string}`]: T[K] } {
  return Object.fromEntries(Object.entries(methods).map(([k, v]) => [`${name}.${k}`, v])) as never;
}

export type InputOf<M> = M extends MethodSpec<infer I, unknown> ? z.input<I> : never;
export type ParsedInputOf<M> = M extends MethodSpec<infer I, unknown> ? z.output<I> : never;
export type OutputOf<M> = M extends MethodSpec<z.ZodType, infer O> ? O : never;
