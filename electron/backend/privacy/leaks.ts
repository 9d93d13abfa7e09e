import type { DocumentType } from '@shared/domain/identity/documents';
import { maskDocument, maskPhone } from '@shared/domain/privacy/masking';

/** A person whose document number and phone the screens show masked. */
export interface Secret {
  label: string;
  docType: DocumentType;
  docNumber: string;
  /** The birth date the document states (the middle of an ID number), ISO. */
  birthDate: string | null;
  phone: string | null;
}

/** Every string and number in a JSON value, however deeply nested, keys included. */
export function leaves(value: unknown): string[] {
  if (value === null || value === undefined) return [];
  if (typeof value === 'string') return [value];
  if (typeof value === 'number' || typeof value === 'boolean') return [String(value)];
  if (Array.isArray(value)) return value.flatMap(leaves);
  if (typeof value === 'object') {
    return Object.entries(value).flatMap(([key, child]) => [key, ...leaves(child)]);
  }
  return [];
}

/** The ways a birth date is written on screen and paper: 1956-03-08, 19560308, 1956年3月8日. */
function birthDateForms(iso: string): string[] {
  const [year, month, day] = iso.split('-');
  return [
    iso,
    `${year}${month}${day}`,
    `${year}年${month}月${day}日`,
    `${year}年${Number(month)}月${Number(day)}日`,
    `${year}/${month}/${day}`,
  ];
}

/**
 * What in `texts` gives a secret back: the whole number or phone anywhere, or beside a masked
 * number the birth date it hides (any form) or its hidden digits, or beside a masked phone its
 * hidden digits. Empty when nothing does.
 */
export function rebuilds(texts: readonly string[], secret: Secret): string[] {
  const all = texts.join('\n').toUpperCase();
  const found: string[] = [];
  if (all.includes(secret.docNumber.toUpperCase())) found.push(`${secret.label}：完整证件号码`);
  const maskedDoc = maskDocument(secret.docType, secret.docNumber);
  if (all.includes(maskedDoc.toUpperCase())) {
    const hidden = secret.docNumber.slice(maskedDoc.indexOf('*'), maskedDoc.lastIndexOf('*') + 1);
    if (all.includes(hidden.toUpperCase())) found.push(`${secret.label}：证件号码的隐藏位`);
    for (const form of secret.birthDate ? birthDateForms(secret.birthDate) : []) {
      if (all.includes(form)) found.push(`${secret.label}：掩码旁的出生日期 ${form}`);
    }
  }
  if (secret.phone) {
    const digits = secret.phone.replace(/\D/g, '');
    const compact = all.replace(/[\s-]/g, '');
    if (compact.includes(digits)) found.push(`${secret.label}：完整电话`);
    const masked = maskPhone(secret.phone);
    if (all.includes(masked)) {
      const hidden = secret.phone.slice(masked.indexOf('*'), masked.lastIndexOf('*') + 1);
      if (all.includes(hidden)) found.push(`${secret.label}：电话的隐藏位`);
    }
  }
  return found;
}
