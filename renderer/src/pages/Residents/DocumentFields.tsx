import { Select, SimpleGrid, TextInput } from '@mantine/core';
import type { UseFormReturnType } from '@mantine/form';
import {
  DOCUMENT_TYPE_LABELS,
  DOCUMENT_TYPES,
  type DocumentType,
} from '@shared/domain/identity/documents';
import { isFullyTyped, readDocument, type ResidentFormValues } from './resident-form';

interface DocumentFieldsProps {
  form: UseFormReturnType<ResidentFormValues>;
  /** Today in Asia/Shanghai: nobody presents a card of someone not yet born. */
  today: string;
}

const TYPE_OPTIONS = DOCUMENT_TYPES.map((type) => ({
  value: type,
  label: DOCUMENT_TYPE_LABELS[type],
}));

function storedAsNote(typed: string, storedAs: string | null): string | undefined {
  if (storedAs === null) return undefined;
  return typed.replace(/\s/g, '').length === 15
    ? `15 位旧号码，将按 18 位新号码 ${storedAs} 保存`
    : `将保存为 ${storedAs}`;
}

/**
 * Document type and number, judged by the domain's rules as the clerk types (once a full-length
 * number is in) and when the field is left; gender and birth date follow from the number.
 */
export function DocumentFields({ form, today }: DocumentFieldsProps) {
  const { docType, docNumber } = form.values;
  const reading = readDocument(docType, docNumber, today);

  function judge(type: DocumentType, typed: string) {
    form.setFieldError('docNumber', readDocument(type, typed, today).error);
  }

  const numberProps = form.getInputProps('docNumber');
  return (
    <>
      <SimpleGrid cols={2}>
        <Select
          label="证件类型"
          withAsterisk
          allowDeselect={false}
          data={TYPE_OPTIONS}
          {...form.getInputProps('docType')}
          onChange={(value) => {
            const type = (value ?? 'resident_id') as DocumentType;
            form.setFieldValue('docType', type);
            if (docNumber.trim() !== '') judge(type, docNumber);
          }}
        />
        <TextInput
          label="证件号码"
          withAsterisk
          // The counter types or pastes the number first; the type is already 居民身份证 for most.
          data-autofocus
          autoComplete="off"
          spellCheck={false}
          description={storedAsNote(docNumber, reading.storedAs)}
          // The note goes under the field, so the number stays level with the type beside it.
          inputWrapperOrder={['label', 'input', 'description', 'error']}
          {...numberProps}
          onChange={(event) => {
            const typed = event.currentTarget.value;
            const wasWrong = Boolean(form.errors.docNumber);
            form.setFieldValue('docNumber', typed);
            if (wasWrong || isFullyTyped(docType, typed)) judge(docType, typed);
          }}
          onBlur={() => {
            if (docNumber.trim() !== '') judge(docType, docNumber);
          }}
        />
      </SimpleGrid>
      <SimpleGrid cols={2}>
        <TextInput
          label="性别"
          readOnly
          variant="filled"
          value={reading.gender ?? ''}
          placeholder="由证件号码得出"
        />
        <TextInput
          label="出生日期"
          readOnly
          variant="filled"
          value={reading.birthDate ?? ''}
          placeholder="由证件号码得出"
        />
      </SimpleGrid>
    </>
  );
}
