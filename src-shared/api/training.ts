// Education (APPI Art. 24 supervision of employees; JIS Q 15001 awareness): training sessions with their material and
// attendance, who is untrained, and the officer's setting that ties customer records to a training within 12 months.
import { z } from 'zod';
import type { Role } from '../roles';
import { day } from './customer-input';
import { area, method, type } from './method';

const id = z.uuid({ message: 'id.format' });
const text = (max: number) => z.string().trim().min(1, { message: 'required' }).max(max, { message: 'tooLong' });

/**
 * JIS Q 15001 asks for education at least once a year: a training counts for 12 months, and the lists warn 30 days
 * before it runs out, as statements do.
 */
export const trainingValidMonths = 12;
export const trainingDueSoonDays = 30;

/**
 * Slides saved as PDF, or pictures of a handout: the types every upload check of the desk knows (electron/core/uploads.ts).
 * 30 MB: a 60-slide deck with pictures saved as PDF, still well inside the loopback host's 64 MB request.
 */
export const maxMaterialBytes = 30 * 1024 * 1024;
export const materialMimeTypes = ['application/pdf', 'image/png', 'image/jpeg', 'image/webp'] as const;
export type MaterialMimeType = (typeof materialMimeTypes)[number];

/** Spaces, 全角/半角 and case do not make another person: 「山口　花子」 and 「山口 花子」 are one. */
const sameKey = (text: string) => text.normalize('NFKC').toLowerCase().replace(/\s+/g, '');

/** The key of a person without an account (name and department), as the lists and attendance know them. */
export const personKey = (name: string, department: string | null | undefined) => `p:${sameKey(name)}|${sameKey(department ?? '')}`;
export const accountKey = (accountId: string) => `a:${accountId}`;

export const materialUpload = z
  .object({
    fileName: z.string().trim().min(1, { message: 'required' }).max(255, { message: 'tooLong' }),
    mimeType: z.enum(materialMimeTypes, { message: 'trainingMaterial.type' }),
    dataBase64: z
      .string()
      .min(1, { message: 'trainingMaterial.empty' })
      .max(Math.ceil((maxMaterialBytes * 4) / 3) + 4, { message: 'trainingMaterial.tooLarge' }),
  })
  .strict();

const score = z.number({ message: 'training.score' }).int({ message: 'training.score' }).min(0, { message: 'training.score' }).max(100, { message: 'training.score' });

/** One person who attended: an employee with an account, or (like statements) a person without one, by name and department. */
export const attendeeInput = z
  .object({
    accountId: id.optional(),
    personName: text(100).optional(),
    department: z.string().trim().max(100, { message: 'tooLong' }).optional(),
    /** The comprehension test's score, when the session had a test and the person took it. */
    score: score.nullable().optional(),
  })
  .strict()
  .refine((a) => (a.accountId === undefined) !== (a.personName === undefined), { message: 'training.whose', path: ['accountId'] });

export const sessionInput = z
  .object({
    heldOn: day,
    topic: text(200),
    trainer: text(100),
    notes: z.string().trim().max(4000, { message: 'tooLong' }).optional(),
    /** The comprehension test's pass mark; left out when the session had no test. */
    passMark: score.optional(),
    attendees: z.array(attendeeInput).min(1, { message: 'training.noAttendees' }).max(1000, { message: 'tooLong' }),
  })
  .strict();

export interface TrainingMaterialInfo {
  fileName: string;
  mimeType: string;
  bytes: number;
}

export interface TrainingSessionRow {
  id: string;
  /** `T-2026-0001`: numbered in order of recording within the year of recording. */
  number: string;
  heldOn: string;
  topic: string;
  trainer: string;
  passMark: number | null;
  attendeeCount: number;
  /** With a test: how many passed it. */
  passedCount: number | null;
  material: TrainingMaterialInfo | null;
}

/** `attended` (no test) and `passed` count as the person's training; `failed` and `notTaken` (a test not yet taken) do not. */
export type AttendanceResult = 'attended' | 'passed' | 'failed' | 'notTaken';

export interface TrainingAttendee {
  /** As `EmployeeTraining.key`. */
  key: string;
  accountId: string | null;
  name: string;
  department: string | null;
  role: Role | null;
  score: number | null;
  result: AttendanceResult;
}

export interface TrainingSessionDetail extends TrainingSessionRow {
  notes: string | null;
  attendees: TrainingAttendee[];
  recordedAt: string;
  recordedByName: string | null;
  updatedAt: string;
  updatedByName: string | null;
}

/** `overdue`: trained, but more than 12 months ago; `never`: no training on record. Both are "untrained". */
export type TrainingState = 'current' | 'dueSoon' | 'overdue' | 'never';
export const employeeFilters = ['all', 'untrained', 'dueSoon'] as const;
export type EmployeeFilter = (typeof employeeFilters)[number];

export interface EmployeeTraining {
  /** `a:<account id>` or `p:<name>|<department>` for a person without an account. */
  key: string;
  accountId: string | null;
  name: string;
  department: string | null;
  role: Role | null;
  /** The latest training that counts, from a session's attendance or from a statement's training date. */
  lastTrainedOn: string | null;
  source: 'session' | 'statement' | null;
  session: { id: string; number: string; topic: string } | null;
  /** The last day the training still counts (12 months on). */
  dueOn: string | null;
  state: TrainingState;
  /** A later session the person attended without passing its test (or without taking it). */
  notPassed: { id: string; number: string; heldOn: string } | null;
}

export interface TrainingSettings {
  requiredForCustomers: boolean;
  changedAt: string | null;
  changedByName: string | null;
  /** Active staff accounts the setting refuses today (or would, once on). */
  staffUntrained: number;
}

export const training = area('training', {
  /** Every session, newest first. */
  list: method({
    input: z.object({}).strict(),
    output: type<{ rows: TrainingSessionRow[] }>(),
    access: 'training.read',
    audit: 'none',
  }),
  get: method({
    input: z.object({ id }).strict(),
    output: type<TrainingSessionDetail>(),
    access: 'training.read',
    audit: 'none',
  }),
  record: method({
    input: sessionInput.extend({ material: materialUpload.optional() }).strict(),
    output: type<TrainingSessionDetail>(),
    access: 'training.manage',
    audit: 'write',
  }),
  /** Corrects a session: its details and attendance as a whole; the material is kept when left out, removed with null. */
  update: method({
    input: z.object({ id, session: sessionInput, material: materialUpload.nullable().optional() }).strict(),
    output: type<TrainingSessionDetail>(),
    access: 'training.manage',
    audit: 'write',
  }),
  material: method({
    input: z.object({ id }).strict(),
    output: type<{ fileName: string; mimeType: string; dataBase64: string }>(),
    access: 'training.read',
    audit: 'none',
  }),
  /** Per employee: the last training and where it comes from; `untrained` lists those overdue or never trained. */
  employees: method({
    input: z.object({ show: z.enum(employeeFilters).default('all') }).strict(),
    output: type<{ rows: EmployeeTraining[]; counts: { all: number; untrained: number; dueSoon: number } }>(),
    access: 'training.read',
    audit: 'none',
  }),
  /** A person without an account who has left (or no longer handles personal information): off the lists, or back on. */
  setLeft: method({
    input: z.object({ key: z.string().min(3).max(300).startsWith('p:', { message: 'training.personKey' }), left: z.boolean() }).strict(),
    output: type<{ key: string; left: boolean }>(),
    access: 'training.manage',
    audit: 'write',
  }),
  /** For the home screen's card. */
  due: method({
    input: z.object({}).strict(),
    output: type<{ untrained: number; dueSoon: number; requiredForCustomers: boolean }>(),
    access: 'training.read',
    audit: 'none',
  }),
  settings: method({
    input: z.object({}).strict(),
    output: type<TrainingSettings>(),
    access: 'training.read',
    audit: 'none',
  }),
  saveSettings: method({
    input: z.object({ requiredForCustomers: z.boolean() }).strict(),
    output: type<TrainingSettings>(),
    access: 'training.manage',
    audit: 'write',
  }),
});
