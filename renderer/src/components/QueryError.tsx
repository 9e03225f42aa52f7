// The error of a failed query, translated.
import { DeskCallError } from '../app/client';
import { ErrorAlert } from './ErrorAlert';

export function QueryError({ error }: { error: unknown }) {
  if (!error) return null;
  return <ErrorAlert error={error instanceof DeskCallError ? error.error : { code: 'INTERNAL', message: 'internal' }} />;
}
