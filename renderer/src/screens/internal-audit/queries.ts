// The internal audit through TanStack Query: plans, findings, corrective actions, reviews, the home screen's counts,
// and what every change does with its answer (everything of the area is asked again).
import { keepPreviousData, useQuery, useQueryClient } from '@tanstack/react-query';
import { useCallback } from 'react';
import type { CorrectionShow, FindingGrade, FindingShow, FindingTargetKind } from '../../../../src-shared/api/internal-audit';
import { unwrap } from '../../app/client';
import { useClient } from '../../app/client-context';

const root = 'internal-audit';
export const auditKeys = {
  all: [root] as const,
  plans: [root, 'plans'] as const,
  accounts: [root, 'accounts'] as const,
  findings: (filters: FindingFilters) => [root, 'findings', filters] as const,
  finding: (id: string) => [root, 'finding', id] as const,
  corrections: (show: CorrectionShow) => [root, 'corrections', show] as const,
  correction: (id: string) => [root, 'correction', id] as const,
  due: [root, 'due'] as const,
  reviews: [root, 'reviews'] as const,
  inputs: (from: string, to: string) => [root, 'inputs', from, to] as const,
  targets: (kind: FindingTargetKind, query: string) => [root, 'targets', kind, query] as const,
};

export interface FindingFilters {
  show: FindingShow;
  planId?: string;
  grade?: FindingGrade;
}

export function useAuditPlans(enabled = true) {
  const client = useClient();
  return useQuery({ queryKey: auditKeys.plans, queryFn: () => unwrap(client.call('auditplans.list', {})), enabled });
}

/** Active accounts, to name a lead auditor or an action's owner. */
export function useAuditAccounts(enabled = true) {
  const client = useClient();
  return useQuery({ queryKey: auditKeys.accounts, queryFn: () => unwrap(client.call('auditplans.accounts', {})), enabled });
}

export function useFindings(filters: FindingFilters) {
  const client = useClient();
  return useQuery({ queryKey: auditKeys.findings(filters), queryFn: () => unwrap(client.call('findings.list', filters)), placeholderData: keepPreviousData });
}

export function useFinding(id: string) {
  const client = useClient();
  // Asked afresh when shown: the actions under it move as owners report them.
  return useQuery({ queryKey: auditKeys.finding(id), queryFn: () => unwrap(client.call('findings.get', { id })), staleTime: 0 });
}

export function useCorrections(show: CorrectionShow) {
  const client = useClient();
  // Overdue moves with the calendar: asked again whenever the list is shown.
  return useQuery({ queryKey: auditKeys.corrections(show), queryFn: () => unwrap(client.call('corrections.list', { show })), placeholderData: keepPreviousData, staleTime: 0 });
}

export function useCorrection(id: string) {
  const client = useClient();
  return useQuery({ queryKey: auditKeys.correction(id), queryFn: () => unwrap(client.call('corrections.get', { id })), staleTime: 0 });
}

export function useAuditDue() {
  const client = useClient();
  return useQuery({ queryKey: auditKeys.due, queryFn: () => unwrap(client.call('corrections.dueCounts', {})), staleTime: 0 });
}

export function useReviews() {
  const client = useClient();
  return useQuery({ queryKey: auditKeys.reviews, queryFn: () => unwrap(client.call('managementReviews.list', {})) });
}

export function useReviewInputs(periodFrom: string, periodTo: string, enabled: boolean) {
  const client = useClient();
  return useQuery({ queryKey: auditKeys.inputs(periodFrom, periodTo), queryFn: () => unwrap(client.call('managementReviews.inputs', { periodFrom, periodTo })), enabled, staleTime: 0 });
}

export function useTargets(kind: FindingTargetKind, query: string, enabled: boolean) {
  const client = useClient();
  return useQuery({ queryKey: auditKeys.targets(kind, query), queryFn: () => unwrap(client.call('findings.targets', { kind, query })), enabled, placeholderData: keepPreviousData });
}

/** After any change: a plan's count of findings, a finding's status and the home screen's card all follow from it. */
export function useAuditChanged() {
  const queryClient = useQueryClient();
  return useCallback(() => void queryClient.invalidateQueries({ queryKey: auditKeys.all }), [queryClient]);
}
