import {
  Alert,
  Autocomplete,
  Button,
  Checkbox,
  Fieldset,
  Group,
  NumberInput,
  Radio,
  Select,
  SimpleGrid,
  Stack,
  TextInput,
} from '@mantine/core';
import { DOCUMENT_TYPE_LABELS, DOCUMENT_TYPES } from '@shared/domain/identity/documents';
import { PARTY_ROLE_LABELS, PARTY_ROLES } from '@shared/domain/mediation/agreement';
import { useRef, type ReactNode } from 'react';
import { DateField } from '../../../components/DateField';
import { ageOn } from '@shared/domain/identity/age';
import { todayIso } from '../../../lib/time';
import { type PartyFormValues } from './party-values';
import { useResidentLookup } from './use-resident-lookup';

const ROLE_OPTIONS = PARTY_ROLES.map((role) => ({ value: role, label: PARTY_ROLE_LABELS[role] }));
const DOCUMENT_OPTIONS = DOCUMENT_TYPES.map((type) => ({
  value: type,
  label: DOCUMENT_TYPE_LABELS[type],
}));
const GENDER_OPTIONS = [
  { value: 'male', label: '男' },
  { value: 'female', label: '女' },
];
// 畲族 is Zhejiang's largest minority; the rest are typed.
const ETHNICITIES = ['汉族', '畲族', '回族', '满族', '土家族', '苗族', '壮族', '蒙古族'];

interface PartyFieldsProps {
  /** Names the group for screen readers and tests: 第1位当事人. */
  legend: string;
  value: PartyFormValues;
  /** Messages by field name (name, idNumber …). */
  errors: Record<string, ReactNode>;
  onChange: (patch: Partial<PartyFormValues>) => void;
  /** A button to take the party out again (registration with more than two). */
  removeButton?: ReactNode;
  /** Focus the first field when the group appears. */
  autoFocus?: boolean;
}

/** One party: a natural person found by document number first, or an organisation; and the agent. */
export function PartyFields({
  legend,
  value,
  errors,
  onChange,
  removeButton,
  autoFocus,
}: PartyFieldsProps) {
  const lookup = useResidentLookup(value, onChange);
  const nameRef = useRef<HTMLInputElement>(null);
  const today = todayIso();
  const input = (field: keyof PartyFormValues & string) => ({
    value: (value[field] as string | null) ?? '',
    error: errors[field],
    onChange: (event: { currentTarget: { value: string } }) =>
      onChange({ [field]: event.currentTarget.value }),
  });
  const editing = value.stored !== null;
  const keepHint = (masked: string | null | undefined) =>
    editing && masked ? `留空则保持原值（${masked}）` : undefined;

  return (
    <Fieldset legend={legend} aria-label={legend}>
      <Stack gap="sm">
        <Group align="flex-end" justify="space-between">
          <Group align="flex-end">
            <Select
              label="当事人身份"
              withAsterisk
              allowDeselect={false}
              data={ROLE_OPTIONS}
              value={value.role}
              onChange={(role) => role && onChange({ role: role as PartyFormValues['role'] })}
              w={140}
            />
            <Radio.Group
              label="当事人类型"
              value={value.kind}
              onChange={(kind) => onChange({ kind: kind as PartyFormValues['kind'] })}
            >
              <Group gap="md" mt={8}>
                <Radio value="person" label="自然人" />
                <Radio value="organisation" label="法人或其他组织" />
              </Group>
            </Radio.Group>
          </Group>
          {removeButton}
        </Group>

        {value.kind === 'person' ? (
          <>
            <Group align="flex-start" gap="sm">
              <Select
                label="证件类型"
                allowDeselect={false}
                data={DOCUMENT_OPTIONS}
                value={value.idType}
                onChange={(idType) =>
                  idType &&
                  onChange({ idType: idType as PartyFormValues['idType'], lookedUp: false })
                }
                w={230}
              />
              <TextInput
                label="证件号码"
                placeholder={keepHint(value.stored?.idNumberMasked) ?? '输入后自动查找居民档案'}
                data-autofocus={autoFocus || undefined}
                autoComplete="off"
                w={260}
                value={value.idNumber}
                error={errors.idNumber ?? lookup.error}
                onChange={(event) =>
                  onChange({
                    idNumber: event.currentTarget.value,
                    lookedUp: false,
                    resident: editing ? value.resident : null,
                  })
                }
                onBlur={() => void lookup.run(false)}
                // Enter looks the number up (not the whole form's submit); someone new goes on to 姓名.
                onKeyDown={(event) => {
                  if (event.key !== 'Enter') return;
                  event.preventDefault();
                  void lookup.run(true).then((outcome) => {
                    if (outcome === 'new') nameRef.current?.focus();
                  });
                }}
              />
              {!editing ? (
                <Button
                  variant="light"
                  mt={25}
                  loading={lookup.pending}
                  aria-label={`${legend}查找居民档案`}
                  onClick={() => void lookup.run(true)}
                >
                  查找居民档案
                </Button>
              ) : null}
            </Group>
            {value.resident && !editing ? (
              <Alert color="teal" variant="light" p="xs">
                已找到居民档案：{value.resident.name}，将与一人一档关联。空着的项目取自档案。
              </Alert>
            ) : null}
            {!value.resident && value.lookedUp && !editing ? (
              <Group gap="sm">
                <Alert color="blue" variant="light" p="xs" style={{ flex: 1 }}>
                  没有找到该证件的居民档案。
                </Alert>
                <Checkbox
                  label="登记时同时建立居民档案"
                  checked={value.createResident}
                  onChange={(event) => onChange({ createResident: event.currentTarget.checked })}
                />
              </Group>
            ) : null}
            <SimpleGrid cols={{ base: 2, md: 4 }} spacing="sm">
              <TextInput
                ref={nameRef}
                label="姓名"
                withAsterisk
                autoComplete="off"
                {...input('name')}
              />
              <Select
                label="性别"
                data={GENDER_OPTIONS}
                clearable
                value={value.gender}
                error={errors.gender}
                onChange={(gender) => onChange({ gender: gender as PartyFormValues['gender'] })}
              />
              <Autocomplete
                label="民族"
                data={ETHNICITIES}
                value={value.ethnicity}
                error={errors.ethnicity}
                onChange={(ethnicity) => onChange({ ethnicity })}
              />
              <DateField
                label="出生日期"
                description={
                  value.birthDate
                    ? `${ageOn(value.birthDate, today)} 岁`
                    : value.stored?.idNumberMasked
                      ? '按已存的证件号码，不修改请留空'
                      : '居民身份证号可推出'
                }
                value={value.birthDate}
                error={errors.birthDate}
                onChange={(birthDate) => onChange({ birthDate })}
              />
              <NumberInput
                label="年龄"
                description="无出生日期时填写"
                min={0}
                max={150}
                allowDecimal={false}
                value={value.age}
                error={errors.age}
                onChange={(age) => onChange({ age: typeof age === 'number' ? age : '' })}
              />
              <TextInput label="职业" {...input('occupation')} />
              <TextInput
                label="联系电话"
                autoComplete="off"
                placeholder={
                  keepHint(value.stored?.phoneMasked) ??
                  (value.resident?.phoneMasked
                    ? `留空则取档案（${value.resident.phoneMasked}）`
                    : undefined)
                }
                {...input('phone')}
              />
              <TextInput label="住址" {...input('address')} />
            </SimpleGrid>
          </>
        ) : (
          <SimpleGrid cols={{ base: 2, md: 3 }} spacing="sm">
            <TextInput
              label="单位名称"
              withAsterisk
              data-autofocus={autoFocus || undefined}
              {...input('name')}
            />
            <TextInput label="统一社会信用代码" maxLength={18} {...input('creditCode')} />
            <TextInput label="法定代表人（负责人）" {...input('representative')} />
            <TextInput
              label="联系电话"
              placeholder={keepHint(value.stored?.phoneMasked)}
              {...input('phone')}
            />
            <TextInput label="住所" {...input('address')} />
          </SimpleGrid>
        )}

        <Checkbox
          label="有委托代理人（凭授权委托书）"
          checked={value.hasAgent}
          onChange={(event) => onChange({ hasAgent: event.currentTarget.checked })}
        />
        {value.hasAgent ? (
          <SimpleGrid cols={{ base: 2, md: 3 }} spacing="sm">
            <TextInput label="代理人姓名" withAsterisk {...input('agentName')} />
            <TextInput
              label="代理人电话"
              placeholder={keepHint(value.stored?.agentPhoneMasked)}
              {...input('agentPhone')}
            />
            <DateField
              label="授权委托书日期"
              withAsterisk
              value={value.attorneyDate}
              error={errors.attorneyDate}
              onChange={(attorneyDate) => onChange({ attorneyDate })}
            />
          </SimpleGrid>
        ) : null}
      </Stack>
    </Fieldset>
  );
}
