// Statements, the due list and the statement texts through TanStack Query; after a change, all of them are asked again.
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useCallback } from 'react';
import { unwrap } from '../../app/client';
import { useClient } from '../../app/client-context';

export const statementKeys = {
  all: ['statements'] as const,
  list: (includeSuperseded: boolean) => ['statements', 'list', includeSuperseded] as const,
  due: ['statements', 'due'] as const,
  templates: ['statements', 'templates'] as const,
};

export function useStatements(includeSuperseded: boolean) {
  const client = useClient();
  return useQuery({ queryKey: statementKeys.list(includeSuperseded), queryFn: () => unwrap(client.call('statements.list', { includeSuperseded })) });
}

export function useDueStatements() {
  const client = useClient();
  return useQuery({ queryKey: statementKeys.due, queryFn: () => unwrap(client.call('statements.due', {})) });
}

export function useTemplates() {
  const client = useClient();
  return useQuery({ queryKey: statementKeys.templates, queryFn: () => unwrap(client.call('statements.templates', {})) });
}

export function useStatementsChanged() {
  const queryClient = useQueryClient();
  return useCallback(() => {
    void queryClient.invalidateQueries({ queryKey: statementKeys.all });
    // The accounts list shows each account's statement state.
    void queryClient.invalidateQueries({ queryKey: ['accounts'] });
  }, [queryClient]);
}

/** When a version of the text was made; the first version came with the desk (stored as 1970-01-01), so it has no date. */
export function templateMade(createdAt: string, format: (iso: string) => string, builtIn: string): string {
  return createdAt.startsWith('1970-') ? builtIn : format(createdAt);
}
