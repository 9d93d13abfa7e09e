import { schemaResolver, type FormErrors } from '@mantine/form';
import type { z } from 'zod';
import { ApiCallError } from '../api';

type Validator<V> = (values: V) => FormErrors;

/** A @mantine/form validator from a zod schema (zod 4 implements Standard Schema). */
export function zodValidator<V>(schema: z.ZodType): Validator<V> {
  return schemaResolver(schema, { sync: true });
}

/** Runs validators in order; the first message for a field wins. */
export function allOf<V>(...validators: Validator<V>[]): Validator<V> {
  return (values) => {
    const errors: FormErrors = {};
    for (const validate of validators) {
      for (const [path, message] of Object.entries(validate(values))) {
        if (message && !(path in errors)) errors[path] = message;
      }
    }
    return errors;
  };
}

/** Puts the backend's field messages next to the inputs they belong to. */
export function showFieldErrors(
  form: { setErrors(errors: FormErrors): void },
  error: unknown,
  rename: Record<string, string> = {},
) {
  if (!(error instanceof ApiCallError) || !error.fields) return;
  const errors: FormErrors = {};
  for (const [path, message] of Object.entries(error.fields))
    errors[rename[path] ?? path] = message;
  form.setErrors(errors);
}

/**
 * A validator for a form whose values are not yet the method's input (yuan for fen, a radio for a
 * boolean): checks the converted input with the contract's schema, messages renamed to the fields.
 */
export function convertedValidator<V>(
  schema: z.ZodType,
  convert: (values: V) => unknown,
  rename: Record<string, string> = {},
): Validator<V> {
  const validate = schemaResolver(schema, { sync: true });
  return (values) => {
    const errors: FormErrors = {};
    for (const [path, message] of Object.entries(validate(convert(values)))) {
      errors[rename[path] ?? path] = message;
    }
    return errors;
  };
}

/**
 * After a refused submit: the first field with a message is scrolled to the middle of the screen and
 * focused, so a message at the top of a long form is not missed below the fold. Waits a frame for
 * the messages to render.
 */
export function focusFirstInvalid(form: HTMLElement | null) {
  requestAnimationFrame(() => {
    const field = form?.querySelector<HTMLElement>('[aria-invalid="true"]');
    if (!field) return;
    field.scrollIntoView({ block: 'center' });
    field.focus({ preventScroll: true });
  });
}
