// Whether a leak must be reported to the Personal Information Protection Commission (APPI Art. 26(1), rules Art. 7).
import { reportablePeopleThreshold, type IncidentDataCategory } from '../../../src-shared/registers';

/** The four cases of rules Art. 7, as i18n keys under `incidents.reportableBecause.`, in the rules' order. */
export const reportableRules = ['specialCare', 'financial', 'unlawful', 'overThreshold'] as const;
export type ReportableRule = (typeof reportableRules)[number];

export interface ReportableFacts {
  categories: readonly IncidentDataCategory[];
  peopleCount: number;
  unlawfulSuspected: boolean;
}

/**
 * Every rule that makes the incident reportable; empty when none does. The first three apply whatever the number of
 * people, even one (rules Art. 7(i)–(iii)); the last only above 1,000 people ("exceeds 1,000", Art. 7(iv)), so exactly
 * 1,000 is not reportable on that ground.
 */
export function reportableBecause(facts: ReportableFacts): ReportableRule[] {
  const applies: Record<ReportableRule, boolean> = {
    specialCare: facts.categories.includes('specialCare'),
    financial: facts.categories.includes('financial'),
    unlawful: facts.unlawfulSuspected,
    overThreshold: facts.peopleCount > reportablePeopleThreshold,
  };
  return reportableRules.filter((rule) => applies[rule]);
}
