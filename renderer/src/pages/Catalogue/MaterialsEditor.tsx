import {
  ActionIcon,
  Button,
  Fieldset,
  Group,
  NumberInput,
  Select,
  Stack,
  Text,
  TextInput,
} from '@mantine/core';
import type { UseFormReturnType } from '@mantine/form';
import {
  MATERIAL_FORM_LABELS,
  MATERIAL_FORMS,
  MATERIAL_REQUIREMENT_LABELS,
  type MaterialRequirement,
} from '@shared/domain/catalogue/service-item';
import { useState } from 'react';
import { emptyMaterial, type ItemValues } from './item-form';

interface MaterialsEditorProps {
  form: UseFormReturnType<ItemValues>;
}

const FORM_OPTIONS = MATERIAL_FORMS.map((form) => ({
  value: form,
  label: MATERIAL_FORM_LABELS[form],
}));

const REQUIREMENTS: MaterialRequirement[] = ['required', 'conditional', 'optional'];
const REQUIREMENT_OPTIONS = REQUIREMENTS.map((requirement) => ({
  value: requirement,
  label: MATERIAL_REQUIREMENT_LABELS[requirement],
}));

const CONDITION_HINTS: Record<MaterialRequirement, string> = {
  required: '必交材料不限情形',
  conditional: '如：委托他人办理的',
  optional: '可留空；或写明何种情形下可以提供',
};

/** The materials of an item in checklist order: one group of fields per material. */
export function MaterialsEditor({ form }: MaterialsEditorProps) {
  const { materials } = form.values;
  const listError = form.errors.materials;
  // A material added with the button gets the cursor in its name; the ones already there do not.
  const [addedKey, setAddedKey] = useState<string | null>(null);

  function add() {
    const material = emptyMaterial();
    setAddedKey(material.key);
    form.insertListItem('materials', material);
  }

  return (
    <Stack gap="sm">
      {materials.map((material, index) => {
        const path = `materials.${index}` as const;
        const number = index + 1;
        return (
          <Fieldset key={material.key} legend={`材料 ${number}`} variant="filled" p="sm">
            <Group align="flex-start" gap="sm" wrap="nowrap">
              <TextInput
                label="材料名称"
                withAsterisk
                autoFocus={material.key === addedKey}
                style={{ flex: 3 }}
                {...form.getInputProps(`${path}.name`)}
              />
              <Select
                label="形式"
                allowDeselect={false}
                data={FORM_OPTIONS}
                w={140}
                {...form.getInputProps(`${path}.form`)}
              />
              <NumberInput
                label="份数"
                min={1}
                max={20}
                allowDecimal={false}
                w={80}
                {...form.getInputProps(`${path}.copies`)}
              />
              <Select
                label="提交要求"
                allowDeselect={false}
                data={REQUIREMENT_OPTIONS}
                w={130}
                {...form.getInputProps(`${path}.requirement`)}
                onChange={(value) => {
                  const requirement = (value ?? 'required') as MaterialRequirement;
                  form.setFieldValue(`${path}.requirement`, requirement);
                  // An always-required material has no condition; a stale one would only confuse.
                  if (requirement === 'required') form.setFieldValue(`${path}.condition`, '');
                }}
              />
            </Group>
            <Group align="flex-start" gap="sm" wrap="nowrap" mt="xs">
              <TextInput
                label="适用情形"
                style={{ flex: 1 }}
                disabled={material.requirement === 'required'}
                placeholder={CONDITION_HINTS[material.requirement]}
                {...form.getInputProps(`${path}.condition`)}
              />
              <TextInput
                label="来源（在哪里取得）"
                withAsterisk
                style={{ flex: 1 }}
                {...form.getInputProps(`${path}.source`)}
              />
              {/* Level with the inputs: below the labels, whatever messages the fields show. */}
              <Group gap={4} wrap="nowrap" mt={25}>
                <ActionIcon
                  variant="default"
                  size="lg"
                  aria-label={`上移材料 ${number}`}
                  disabled={index === 0}
                  onClick={() => form.reorderListItem('materials', { from: index, to: index - 1 })}
                >
                  ↑
                </ActionIcon>
                <ActionIcon
                  variant="default"
                  size="lg"
                  aria-label={`下移材料 ${number}`}
                  disabled={index === materials.length - 1}
                  onClick={() => form.reorderListItem('materials', { from: index, to: index + 1 })}
                >
                  ↓
                </ActionIcon>
                <Button
                  variant="subtle"
                  color="red"
                  aria-label={`删除材料 ${number}`}
                  disabled={materials.length === 1}
                  onClick={() => form.removeListItem('materials', index)}
                >
                  删除
                </Button>
              </Group>
            </Group>
          </Fieldset>
        );
      })}
      {listError ? (
        <Text c="red" size="sm" role="alert">
          {listError}
        </Text>
      ) : null}
      <Group>
        <Button variant="light" onClick={add}>
          添加材料
        </Button>
      </Group>
    </Stack>
  );
}
