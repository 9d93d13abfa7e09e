import { Autocomplete, SimpleGrid, TextInput } from '@mantine/core';
import type { UseFormReturnType } from '@mantine/form';
import { parsePhone } from '@shared/domain/contact/phone';
import { ETHNICITIES } from '../../lib/ethnicities';
import type { ResidentFormValues } from './resident-form';
import { VillageSelect } from './VillageSelect';

interface PersonFieldsProps {
  form: UseFormReturnType<ResidentFormValues>;
  /** On an edit, the stored phone masked: a blank field keeps it. */
  currentPhoneMasked?: string | null;
  /** The name is the first field to change when the document cannot be. */
  autoFocusName?: boolean;
}

function phoneDescription(typed: string, currentMasked: string | null | undefined) {
  const parsed = typed.trim() === '' ? null : parsePhone(typed);
  if (parsed?.ok && parsed.value.number !== typed.trim()) return `将保存为 ${parsed.value.number}`;
  if (currentMasked && typed.trim() === '') return `现为 ${currentMasked}，不修改请留空`;
  return '手机号、带区号的固定电话或境外号码';
}

export function PersonFields({ form, currentPhoneMasked, autoFocusName }: PersonFieldsProps) {
  return (
    <>
      <SimpleGrid cols={2}>
        <TextInput
          label="姓名"
          withAsterisk
          autoComplete="off"
          data-autofocus={autoFocusName || undefined}
          {...form.getInputProps('name')}
        />
        <TextInput
          label="联系电话"
          autoComplete="off"
          inputMode="tel"
          description={phoneDescription(form.values.phone, currentPhoneMasked)}
          inputWrapperOrder={['label', 'input', 'description', 'error']}
          {...form.getInputProps('phone')}
          onBlur={() => form.validateField('phone')}
        />
      </SimpleGrid>
      <TextInput label="住址" autoComplete="off" {...form.getInputProps('address')} />
      <SimpleGrid cols={2}>
        <VillageSelect label="所属村（社区）" {...form.getInputProps('villageOrgId')} />
        <Autocomplete
          label="民族"
          data={[...ETHNICITIES]}
          limit={8}
          {...form.getInputProps('ethnicity')}
        />
      </SimpleGrid>
    </>
  );
}
