import {
  Button,
  Fieldset,
  Group,
  NumberInput,
  Select,
  SimpleGrid,
  Textarea,
  TextInput,
} from '@mantine/core';
import type { UseFormReturnType } from '@mantine/form';
import type { DisputeParty } from '@shared/api';
import { PARTY_ROLE_LABELS } from '@shared/domain/mediation/agreement';
import { chineseNumeral } from '@shared/domain/mediation/chinese-numbers';
import { DateField } from '../../../components/DateField';
import type { AgreementValues } from './agreement-values';

interface ObligationFieldsProps {
  form: UseFormReturnType<AgreementValues>;
  index: number;
  parties: readonly DisputeParty[];
  written: boolean;
}

/** 第N项: who does what, how much, how, where and by when (art. 29). */
export function ObligationFields({ form, index, parties, written }: ObligationFieldsProps) {
  const legend = `第${chineseNumeral(index + 1)}项`;
  const path = (field: string) => `obligations.${index}.${field}` as const;
  const options = parties.map((party) => ({
    value: party.id,
    label: `${PARTY_ROLE_LABELS[party.role]}${party.name}`,
  }));
  return (
    <Fieldset legend={legend} aria-label={`履行事项${legend}`}>
      <SimpleGrid cols={{ base: 1, md: 3 }} spacing="sm">
        <Select
          label="义务人"
          withAsterisk={written}
          data={options}
          {...form.getInputProps(path('obligorPartyId'))}
        />
        <NumberInput
          label="金额（元）"
          description="不涉及金钱的留空"
          min={0}
          decimalScale={2}
          thousandSeparator=","
          hideControls
          {...form.getInputProps(path('amountYuan'))}
        />
        <DateField
          label="履行期限"
          withAsterisk={written}
          {...form.getInputProps(path('deadline'))}
        />
      </SimpleGrid>
      <Textarea
        mt="sm"
        label="履行内容"
        withAsterisk
        autosize
        minRows={2}
        {...form.getInputProps(path('content'))}
      />
      <SimpleGrid cols={{ base: 1, md: 2 }} spacing="sm" mt="sm">
        <TextInput
          label="履行方式"
          withAsterisk={written}
          placeholder="如：现金当面支付、银行转账、自行拆除"
          {...form.getInputProps(path('method'))}
        />
        <TextInput label="履行地点" withAsterisk={written} {...form.getInputProps(path('place'))} />
      </SimpleGrid>
      {form.getValues().obligations.length > 1 ? (
        <Group justify="flex-end" mt="xs">
          <Button
            size="xs"
            variant="subtle"
            color="red"
            aria-label={`删除${legend}`}
            onClick={() => form.removeListItem('obligations', index)}
          >
            删除此项
          </Button>
        </Group>
      ) : null}
    </Fieldset>
  );
}
