// Provision and receipt registers through TanStack Query: the pages of each register, one record, a customer's
// consents to provision, the partners to choose from, and what a call that changes a record does with its answer.
import { keepPreviousData, useQuery, useQueryClient } from '@tanstack/react-query';
import { useCallback } from 'react';
import type { Api } from '../../../../src-shared/api';
import type { InputOf } from '../../../../src-shared/api/method';
import type { ProvisionConsent, ProvisionDetail } from '../../../../src-shared/registers';
import { unwrap } from '../../app/client';
import { useClient } from '../../app/client-context';

export type ProvisionListFilters = InputOf<Api['provisions.list']>;
export type ReceiptListFilters = InputOf<Api['receipts.list']>;

export const provisionKeys = {
  list: (filters: ProvisionListFilters) => ['provisions', 'list', filters] as const,
  detail: (id: string) => ['provisions', 'detail', id] as const,
  receipts: (filters: ReceiptListFilters) => ['receipts', 'list', filters] as const,
  consents: (customerId: string) => ['provisionConsents', customerId] as const,
};

export function useProvisionList(filters: ProvisionListFilters) {
  const client = useClient();
  return useQuery({
    queryKey: provisionKeys.list(filters),
    queryFn: () => unwrap(client.call('provisions.list', filters)),
    placeholderData: keepPreviousData,
    staleTime: 0,
  });
}

/** One record whole: customer numbers, never names; still asked afresh each time it is shown (a decision may have come). */
export function useProvision(id: string) {
  const client = useClient();
  return useQuery({ queryKey: provisionKeys.detail(id), queryFn: () => unwrap(client.call('provisions.get', { id })), staleTime: 0 });
}

/** After a call that answers with a record (create, approve, reject): the view shows it, every register page is asked again. */
export function useProvisionChanged() {
  const queryClient = useQueryClient();
  return useCallback(
    (detail: ProvisionDetail) => {
      queryClient.setQueryData(provisionKeys.detail(detail.id), detail);
      void queryClient.invalidateQueries({ queryKey: ['provisions', 'list'] });
    },
    [queryClient],
  );
}

export function useReceiptList(filters: ReceiptListFilters) {
  const client = useClient();
  return useQuery({
    queryKey: provisionKeys.receipts(filters),
    queryFn: () => unwrap(client.call('receipts.list', filters)),
    placeholderData: keepPreviousData,
    staleTime: 0,
  });
}

/** A customer's consents to provision; personal data of that customer, so dropped as soon as no screen shows it. */
export function useProvisionConsents(customerId: string) {
  const client = useClient();
  return useQuery({
    queryKey: provisionKeys.consents(customerId),
    queryFn: () => unwrap(client.call('provisionConsents.list', { customerId })),
    gcTime: 0,
    staleTime: 0,
  });
}

export function useProvisionConsentsChanged(customerId: string) {
  const queryClient = useQueryClient();
  return useCallback(
    (consents: ProvisionConsent[]) => queryClient.setQueryData(provisionKeys.consents(customerId), { consents }),
    [queryClient, customerId],
  );
}
