import type { FormErrors } from '@mantine/form';
import { residentsMethods, type MethodInput, type ResidentDetail } from '@shared/api';
import { parsePhone } from '@shared/domain/contact/phone';
import {
  DOCUMENT_TYPE_LABELS,
  validateDocument,
  type DocumentType,
} from '@shared/domain/identity/documents';
import { GENDER_LABELS, normaliseIdNumber } from '@shared/domain/identity/resident-id';
import { allOf, zodValidator } from '../../lib/form';

export interface ResidentFormValues {
  docType: DocumentType;
  docNumber: string;
  name: string;
  /** On an edit, blank keeps the stored phone (the form only ever sees it masked). */
  phone: string;
  address: string;
  villageOrgId: string | null;
  ethnicity: string;
}

export const EMPTY_RESIDENT: ResidentFormValues = {
  docType: 'resident_id',
  docNumber: '',
  name: '',
  phone: '',
  address: '',
  villageOrgId: null,
  ethnicity: '',
};

/** What the document number says, read with the same rules the backend applies. */
interface DocumentReading {
  /** The Chinese problem; null when the number passes or nothing has been typed. */
  error: string | null;
  /** 男 / 女 when the number encodes it. */
  gender: string | null;
  birthDate: string | null;
  /** How the number will be stored, when that differs from what was typed (x → X, 15 → 18 digits). */
  storedAs: string | null;
}

export function readDocument(type: DocumentType, typed: string, today: string): DocumentReading {
  const none = { gender: null, birthDate: null, storedAs: null };
  if (typed.trim() === '') return { error: null, ...none };
  const checked = validateDocument(type, typed, today);
  if (!checked.ok) return { error: checked.error.message, ...none };
  const { number, gender, birthDate } = checked.value;
  return {
    error: null,
    gender: gender ? GENDER_LABELS[gender] : null,
    birthDate,
    storedAs: number === typed.trim() ? null : number,
  };
}

/** Numbers built like a resident ID are judged while typing once all 18 characters are in. */
const FULL_LENGTH: Partial<Record<DocumentType, number>> = {
  resident_id: 18,
  residence_permit: 18,
};

export function isFullyTyped(type: DocumentType, typed: string): boolean {
  const length = FULL_LENGTH[type];
  return length !== undefined && normaliseIdNumber(typed).length >= length;
}

/** A line under the phone field: how the number will be stored, or null. */
function phoneProblem(typed: string): string | null {
  if (typed.trim() === '') return null;
  const parsed = parsePhone(typed);
  return parsed.ok ? null : parsed.error.message;
}

function documentRule(today: string) {
  return (values: ResidentFormValues): FormErrors => {
    const label = DOCUMENT_TYPE_LABELS[values.docType];
    if (values.docNumber.trim() === '') return { docNumber: `请输入${label}号码` };
    return { docNumber: readDocument(values.docType, values.docNumber, today).error };
  };
}

/** The create form: the document's own checks, the phone's, then the contract's shape rules. */
export function createValidator(today: string) {
  return allOf<ResidentFormValues>(
    documentRule(today),
    (values) => ({ phone: phoneProblem(values.phone) }),
    zodValidator(residentsMethods['residents.create'].input),
  );
}

/** The edit form: the document cannot change, so only the person's details are checked. */
export const updateValidator = allOf<ResidentFormValues>(
  (values) => ({ phone: phoneProblem(values.phone) }),
  zodValidator(residentsMethods['residents.create'].input.omit({ docType: true, docNumber: true })),
);

function blankToNull(value: string): string | null {
  return value.trim() === '' ? null : value.trim();
}

export function toCreateInput(
  values: ResidentFormValues,
  confirmNotDuplicate: boolean,
): MethodInput<'residents.create'> {
  return {
    docType: values.docType,
    docNumber: values.docNumber,
    name: values.name,
    phone: blankToNull(values.phone),
    address: blankToNull(values.address),
    villageOrgId: values.villageOrgId,
    ethnicity: blankToNull(values.ethnicity),
    confirmNotDuplicate,
  };
}

export function toUpdateInput(
  values: ResidentFormValues,
  residentId: string,
): MethodInput<'residents.update'> {
  const phone = blankToNull(values.phone);
  return {
    residentId,
    name: values.name,
    ...(phone === null ? {} : { phone }),
    address: blankToNull(values.address),
    villageOrgId: values.villageOrgId,
    ethnicity: blankToNull(values.ethnicity),
  };
}

export function valuesOf(resident: ResidentDetail): ResidentFormValues {
  return {
    docType: resident.docType,
    docNumber: '',
    name: resident.name,
    phone: '',
    address: resident.address ?? '',
    villageOrgId: resident.villageOrgId,
    ethnicity: resident.ethnicity ?? '',
  };
}
