import { Button, Group, Select, TextInput } from '@mantine/core';
import {
  DOCUMENT_TYPE_LABELS,
  DOCUMENT_TYPES,
  type DocumentType,
} from '@shared/domain/identity/documents';
import type { FormEvent, Ref } from 'react';

const TYPE_OPTIONS = DOCUMENT_TYPES.map((type) => ({
  value: type,
  label: DOCUMENT_TYPE_LABELS[type],
}));

interface DocumentSearchProps {
  docType: DocumentType;
  docNumber: string;
  onDocTypeChange: (type: DocumentType) => void;
  onDocNumberChange: (number: string) => void;
  /** Enter in the number, or the 查找 button. */
  onSearch: () => void;
  error: string | null;
  searching: boolean;
  numberRef?: Ref<HTMLInputElement>;
}

/** The first thing the clerk does: type or paste the document number and press Enter. */
export function DocumentSearch({
  docType,
  docNumber,
  onDocTypeChange,
  onDocNumberChange,
  onSearch,
  error,
  searching,
  numberRef,
}: DocumentSearchProps) {
  function submit(event: FormEvent) {
    event.preventDefault();
    onSearch();
  }

  return (
    <form noValidate onSubmit={submit} aria-label="按证件查找群众">
      <Group align="flex-start" gap="sm" wrap="nowrap">
        <Select
          label="证件类型"
          w={200}
          allowDeselect={false}
          data={TYPE_OPTIONS}
          value={docType}
          onChange={(value) => value && onDocTypeChange(value as DocumentType)}
          comboboxProps={{ withinPortal: true }}
        />
        <TextInput
          ref={numberRef}
          label="证件号码"
          placeholder="输入或粘贴后按回车查找"
          style={{ flex: 1 }}
          autoFocus
          autoComplete="off"
          spellCheck={false}
          value={docNumber}
          error={error}
          onChange={(event) => onDocNumberChange(event.currentTarget.value)}
        />
        <Button type="submit" mt={25} loading={searching}>
          查找
        </Button>
      </Group>
    </form>
  );
}
