import { Alert } from '@mantine/core';
import { ApiCallError } from '../../../api';

/**
 * A refusal that belongs to no single field (consent missing, a visit still pending), said inside the
 * form that caused it; field messages are put by their inputs instead.
 */
export function FormError({ error }: { error: unknown }) {
  if (!(error instanceof ApiCallError) || error.fields) return null;
  return (
    <Alert color="red" variant="light" role="alert">
      {error.message}
    </Alert>
  );
}
