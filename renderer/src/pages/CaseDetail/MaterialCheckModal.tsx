import {
  Alert,
  Button,
  Group,
  Modal,
  NumberInput,
  SegmentedControl,
  Stack,
  Table,
  Text,
  Textarea,
} from '@mantine/core';
import { useForm } from '@mantine/form';
import type { CaseDetail, CaseMaterial } from '@shared/api';
import { missingRequired } from '@shared/domain/cases/checklist';
import {
  MATERIAL_FORM_LABELS,
  MATERIAL_REQUIREMENT_LABELS,
  materialRequirement,
} from '@shared/domain/catalogue/service-item';
import { useCaseMutation } from './use-case-mutation';

type Mode = 'receive' | 'supplement';

interface MaterialCheckModalProps {
  detail: CaseDetail;
  /** 接收 an agency case or 补正齐全 at the window; null when closed. */
  mode: Mode | null;
  onClose: () => void;
}

interface CheckValues {
  materials: { status: CaseMaterial['status']; copiesReceived: number }[];
  note: string;
}

const TITLES: Record<Mode, string> = { receive: '接收代办件', supplement: '补正材料' };

function statusOptions(material: CaseMaterial) {
  const options = [
    { value: 'received', label: '已收' },
    { value: 'missing', label: '未收' },
  ];
  // Only a material asked for in some situations can be marked as not applying.
  return material.condition ? [...options, { value: 'not_applicable', label: '不适用' }] : options;
}

/** The checklist again, as the resident (or the agent's folder) is at the window now. */
export function MaterialCheckModal({ detail, mode, onClose }: MaterialCheckModalProps) {
  const form = useForm<CheckValues>({
    mode: 'controlled',
    initialValues: {
      materials: detail.materials.map((m) => ({
        status: m.status,
        copiesReceived: m.status === 'received' ? Math.max(m.copiesReceived, m.copies) : 0,
      })),
      note: '',
    },
  });
  const receive = useCaseMutation('cases.receive', '已接收');
  const supplement = useCaseMutation('cases.supplement', '已登记补正材料');
  const mutation = mode === 'receive' ? receive : supplement;

  const checked = detail.materials.map((material, index) => ({
    ...material,
    status: form.values.materials[index]?.status ?? material.status,
  }));
  const missing = missingRequired(checked);

  function close() {
    form.reset();
    receive.reset();
    supplement.reset();
    onClose();
  }

  function submit(values: CheckValues) {
    const materials = values.materials.map((m, position) => ({
      position: detail.materials[position]!.position,
      status: m.status,
      copiesReceived: m.status === 'received' ? m.copiesReceived : 0,
    }));
    if (mode === 'receive') receive.mutate({ caseId: detail.id, materials }, { onSuccess: close });
    if (mode === 'supplement') {
      supplement.mutate(
        { caseId: detail.id, materials, note: values.note.trim() || null },
        { onSuccess: close },
      );
    }
  }

  const outcome =
    missing.length === 0
      ? mode === 'receive'
        ? '必交材料齐全：接收后案件即受理，开始计算承诺时限。'
        : '必交材料齐全：确认后案件受理（或继续办理），时限恢复计算。'
      : `仍缺 ${missing.length} 项：${missing.map((m) => m.name).join('、')}。${
          mode === 'receive'
            ? '接收后案件转为待补正，请打印一次性告知单。'
            : '确认后记录本次补交的材料，案件继续等待补正。'
        }`;

  return (
    <Modal opened={mode !== null} onClose={close} title={mode ? TITLES[mode] : ''} size="xl">
      <form noValidate onSubmit={form.onSubmit(submit)}>
        <Stack gap="md">
          <Table withTableBorder verticalSpacing="xs">
            <Table.Thead>
              <Table.Tr>
                <Table.Th>材料</Table.Th>
                <Table.Th w={220}>收取情况</Table.Th>
                <Table.Th w={110}>收取份数</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {detail.materials.map((material, index) => (
                <Table.Tr key={material.id}>
                  <Table.Td>
                    <Text size="sm" fw={500} id={`material-${material.id}`}>
                      {material.name}
                    </Text>
                    <Text size="xs" c="dimmed">
                      {MATERIAL_REQUIREMENT_LABELS[materialRequirement(material)]}
                      {material.condition ? `（${material.condition}）` : ''} ·{' '}
                      {MATERIAL_FORM_LABELS[material.form]} {material.copies} 份
                    </Text>
                  </Table.Td>
                  <Table.Td>
                    <SegmentedControl
                      size="xs"
                      aria-labelledby={`material-${material.id}`}
                      data={statusOptions(material)}
                      {...form.getInputProps(`materials.${index}.status`)}
                    />
                  </Table.Td>
                  <Table.Td>
                    <NumberInput
                      size="xs"
                      aria-label={`${material.name} 收取份数`}
                      min={0}
                      max={50}
                      disabled={form.values.materials[index]?.status !== 'received'}
                      {...form.getInputProps(`materials.${index}.copiesReceived`)}
                    />
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
          {mode === 'supplement' ? (
            <Textarea
              label="备注"
              description="选填，记入办理记录"
              autosize
              minRows={2}
              maxLength={200}
              {...form.getInputProps('note')}
            />
          ) : null}
          <Alert color={missing.length === 0 ? 'teal' : 'orange'}>{outcome}</Alert>
          {mutation.error ? (
            <Alert color="red" role="alert">
              {mutation.error.message}
            </Alert>
          ) : null}
          <Group justify="flex-end">
            <Button variant="default" onClick={close}>
              取消
            </Button>
            <Button type="submit" loading={mutation.isPending} data-autofocus>
              {mode === 'receive' ? '确认接收' : '确认补正'}
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
