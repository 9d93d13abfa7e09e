import {
  Alert,
  Autocomplete,
  Button,
  Checkbox,
  Grid,
  Group,
  NumberInput,
  Radio,
  Stack,
  TagsInput,
  Text,
  Textarea,
  TextInput,
  Title,
} from '@mantine/core';
import { useForm, type FormErrors } from '@mantine/form';
import { notifications } from '@mantine/notifications';
import type { ServiceItemDetail } from '@shared/api';
import {
  SERVICE_CATEGORIES,
  SERVICE_ITEM_TYPE_LABELS,
  type ServiceItemType,
} from '@shared/domain/catalogue/service-item';
import { useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { ApiCallError, apiKey, useApiMutation } from '../../api';
import { backendErrors, toFields, validateItem, type ItemValues } from './item-form';
import { MaterialsEditor } from './MaterialsEditor';

interface ItemEditorProps {
  initialValues: ItemValues;
  /** The item being revised; undefined creates a new one. */
  itemId?: string;
  /** The current version's number, to say which version saving makes. */
  versionNumber?: number;
  /** Called with the saved item (the new item's page opens from here). */
  onSaved?: (item: ServiceItemDetail) => void;
}

/** Editing an item: saving an existing one makes its next version (catalogue.save). */
export function ItemEditor({ initialValues, itemId, versionNumber, onSaved }: ItemEditorProps) {
  const queryClient = useQueryClient();
  const [failure, setFailure] = useState<string | null>(null);
  const form = useForm<ItemValues>({ initialValues, validate: validateItem });
  const save = useApiMutation('catalogue.save', { meta: { errorShownInline: true } });
  const instant = form.values.type === 'instant';

  function submit(values: ItemValues) {
    setFailure(null);
    save.mutate(
      { ...(itemId ? { itemId } : {}), fields: toFields(values) },
      {
        onSuccess: (saved) => {
          notifications.show({ color: 'teal', message: savedMessage(saved) });
          void queryClient.invalidateQueries({ queryKey: apiKey('catalogue.list') });
          queryClient.setQueryData(apiKey('catalogue.get', { itemId: saved.itemId }), saved);
          onSaved?.(saved);
        },
        onError: (error) => {
          if (error instanceof ApiCallError && error.fields) {
            form.setErrors(backendErrors(error.fields));
          }
          setFailure(error.message);
        },
      },
    );
  }

  function savedMessage(saved: ServiceItemDetail): string {
    if (itemId === undefined || saved.number !== versionNumber) {
      return `已保存为第 ${saved.number} 版`;
    }
    // Only the code or the aliases changed, or nothing: none of them makes a version.
    const codeChanged = saved.code !== initialValues.code.trim();
    const aliasesChanged = saved.aliases.join('、') !== initialValues.aliases.join('、');
    return codeChanged || aliasesChanged ? '已保存' : '内容没有变化，未生成新版本';
  }

  // The form is longer than the window: take the person to the first field to correct.
  function focusFirstError(errors: FormErrors) {
    const [first] = Object.keys(errors);
    if (first) form.getInputNode(first)?.focus();
  }

  function changeType(value: string) {
    const type = value as ServiceItemType;
    form.setFieldValue('type', type);
    // An instant item is done on the spot: its promise is 0 working days by rule.
    if (type === 'instant') form.setFieldValue('promisedDays', 0);
  }

  return (
    <form noValidate onSubmit={form.onSubmit(submit, focusFirstError)}>
      <Stack gap="lg">
        <Grid gap="md">
          <Grid.Col span={3}>
            <TextInput
              label="事项编码"
              withAsterisk
              data-autofocus
              autoComplete="off"
              spellCheck={false}
              {...form.getInputProps('code')}
            />
          </Grid.Col>
          <Grid.Col span={6}>
            <TextInput label="事项名称" withAsterisk {...form.getInputProps('name')} />
          </Grid.Col>
          <Grid.Col span={3}>
            <Autocomplete
              label="类别"
              withAsterisk
              data={[...SERVICE_CATEGORIES]}
              {...form.getInputProps('category')}
            />
          </Grid.Col>
          <Grid.Col span={4}>
            <TextInput label="责任部门" withAsterisk {...form.getInputProps('department')} />
          </Grid.Col>
          <Grid.Col span={4}>
            <Radio.Group
              label="办件类型"
              withAsterisk
              {...form.getInputProps('type')}
              onChange={changeType}
            >
              <Group gap="lg" mt={8}>
                <Radio value="instant" label={SERVICE_ITEM_TYPE_LABELS.instant} />
                <Radio value="promised" label={SERVICE_ITEM_TYPE_LABELS.promised} />
              </Group>
            </Radio.Group>
          </Grid.Col>
          <Grid.Col span={4}>
            <Checkbox
              mt={30}
              label="允许村（社区）代办"
              {...form.getInputProps('agencyAllowed', { type: 'checkbox' })}
            />
          </Grid.Col>
          <Grid.Col span={4}>
            <NumberInput
              label="承诺时限（工作日）"
              withAsterisk
              min={0}
              allowDecimal={false}
              disabled={instant}
              description={instant ? '即办件当场办结' : '受理次日起算的工作日'}
              {...form.getInputProps('promisedDays')}
            />
          </Grid.Col>
          <Grid.Col span={4}>
            <NumberInput
              label="法定时限（工作日）"
              withAsterisk
              min={0}
              allowDecimal={false}
              description="承诺时限不得超过法定时限"
              {...form.getInputProps('statutoryDays')}
            />
          </Grid.Col>
          <Grid.Col span={4}>
            <NumberInput
              label="收费（元）"
              withAsterisk
              min={0}
              decimalScale={2}
              description="不收费的填 0"
              {...form.getInputProps('feeYuan')}
            />
          </Grid.Col>
          <Grid.Col span={12}>
            <TagsInput
              label="简称与别名"
              description="窗口和群众常说的叫法，如 低保、社保卡；查找事项时按这些叫法及其拼音首字母也能找到。输入后按回车添加。"
              placeholder="输入简称后按回车"
              splitChars={['、', ',', '，', ';', '；']}
              clearable
              {...form.getInputProps('aliases')}
            />
          </Grid.Col>
          <Grid.Col span={12}>
            <Textarea
              label="设定依据"
              withAsterisk
              autosize
              minRows={2}
              {...form.getInputProps('basis')}
            />
          </Grid.Col>
        </Grid>
        <Stack gap="xs">
          <Title order={3} size="h4">
            申请材料
          </Title>
          <Text size="sm" c="dimmed">
            按窗口核对的顺序排列。“视情形提交”的材料只在所写情形下才算缺件；“选交”的材料不影响受理。
          </Text>
          <MaterialsEditor form={form} />
        </Stack>
        {failure ? (
          <Alert color="red" title="未能保存">
            {failure}
          </Alert>
        ) : null}
        <Group justify="flex-end">
          {itemId ? (
            <Text size="sm" c="dimmed">
              保存后生成第 {(versionNumber ?? 0) + 1} 版；已受理的案件仍按其受理时的版本办理。
            </Text>
          ) : null}
          <Button type="submit" loading={save.isPending}>
            {itemId ? '保存为新版本' : '创建事项'}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
