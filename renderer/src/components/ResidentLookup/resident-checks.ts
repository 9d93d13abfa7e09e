import { residentFieldsSchema } from '@shared/api';
import { parsePhone } from '@shared/domain/contact/phone';
import {
  validateDocument,
  type DocumentType,
  type IdentityDocument,
} from '@shared/domain/identity/documents';

/**
 * The checks the backend makes again, run at the counter first so that a mistyped number is caught
 * before anything is looked up: GB 11643 for resident IDs (check character, real birth date) and the
 * shape of the other documents, with the same Chinese messages.
 */
export function checkDocument(type: DocumentType, typed: string, today: string) {
  return validateDocument(type, typed, today);
}

export interface NewResidentValues {
  name: string;
  phone: string;
  address: string;
  villageOrgId: string | null;
  confirmNotDuplicate: boolean;
}

/** Field messages for the short form of a resident not on file yet; empty when it may be sent. */
export function newResidentErrors(values: NewResidentValues): Record<string, string> {
  const errors: Record<string, string> = {};
  const fields = residentFieldsSchema.safeParse({
    name: values.name,
    phone: values.phone,
    address: values.address,
  });
  if (!fields.success) {
    for (const issue of fields.error.issues) {
      const path = issue.path.join('.');
      errors[path] ??= issue.message;
    }
  }
  if (values.phone.trim() !== '' && !errors.phone) {
    const phone = parsePhone(values.phone);
    if (!phone.ok) errors.phone = phone.error.message;
  }
  return errors;
}

/** What residents.create takes: blanks become "not given". */
export function newResidentInput(
  document: Pick<IdentityDocument, 'type' | 'number'>,
  values: NewResidentValues,
) {
  const blank = (value: string) => (value.trim() === '' ? null : value.trim());
  return {
    docType: document.type,
    docNumber: document.number,
    name: values.name.trim(),
    phone: blank(values.phone),
    address: blank(values.address),
    villageOrgId: values.villageOrgId,
    confirmNotDuplicate: values.confirmNotDuplicate,
  };
}
