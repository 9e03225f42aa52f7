// The tables of education: training sessions and attendance (APPI Art. 24) (issue #10), as Kysely sees them; kept in
// step with migration 11 by hand.

export interface TrainingSessionTable {
  id: string;
  number: string;
  held_on: string;
  topic: string;
  trainer: string;
  notes: string | null;
  pass_mark: number | null;
  material_name: string | null;
  material_mime: string | null;
  material: Buffer | null;
  created_at: string;
  created_by: string | null;
  updated_at: string;
  updated_by: string | null;
}

export interface TrainingAttendanceTable {
  session_id: string;
  /** `a:<account id>`, or `p:<name>|<department>` (normalised) for a person without an account. */
  person_key: string;
  account_id: string | null;
  person_name: string | null;
  department: string | null;
  score: number | null;
}

/** People without an account who are no longer on the lists (left the company, or no longer handle personal data). */
export interface TrainingPersonLeftTable {
  person_key: string;
  recorded_at: string;
  recorded_by: string | null;
}

export interface TrainingTables {
  training_sessions: TrainingSessionTable;
  training_attendance: TrainingAttendanceTable;
  training_people_left: TrainingPersonLeftTable;
}
