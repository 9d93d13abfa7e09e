import { Badge, NumberInput, SegmentedControl, Stack, Table, Text } from '@mantine/core';
import type { MaterialStatus } from '@shared/domain/cases/checklist';
import {
  MATERIAL_FORM_LABELS,
  materialRequirement,
  type MaterialRequirement,
} from '@shared/domain/catalogue/service-item';
import type { Ref } from 'react';
import {
  missingRequiredOf,
  statusesFor,
  withStatus,
  type ChecklistMaterial,
  type MaterialMark,
} from './checklist-marks';
import { ChecklistSummary, type ChecklistAdvice } from './ChecklistSummary';
import classes from './MaterialChecklist.module.css';

export const MATERIAL_STATUS_LABELS: Record<MaterialStatus, string> = {
  received: '已收取',
  missing: '缺少',
  not_applicable: '不适用',
};

const REQUIREMENT_BADGES: Record<MaterialRequirement, { label: string; color: string }> = {
  required: { label: '必交', color: 'red' },
  conditional: { label: '视情形', color: 'orange' },
  optional: { label: '选交', color: 'gray' },
};

interface MaterialChecklistProps {
  /** The item version's materials (or a case's), in their order. */
  materials: readonly ChecklistMaterial[];
  /** One mark per material, same order. */
  marks: readonly MaterialMark[];
  /** Called with the whole new list whenever one mark changes. */
  onChange: (marks: MaterialMark[]) => void;
  /** The table, so the page can move the keyboard focus into it once an item is chosen. */
  tableRef?: Ref<HTMLTableElement>;
  disabled?: boolean;
  /** What the summary under the table says to do next; the counter's wording by default. */
  advice?: ChecklistAdvice;
}

/** The counter's checklist: each material received, missing or (for a situation) not applicable. */
export function MaterialChecklist({
  materials,
  marks,
  onChange,
  tableRef,
  disabled,
  advice,
}: MaterialChecklistProps) {
  const missing = new Set(missingRequiredOf(materials, marks));

  function update(index: number, mark: MaterialMark) {
    onChange(marks.map((current, position) => (position === index ? mark : current)));
  }

  return (
    <Stack gap="sm">
      <Table ref={tableRef} withTableBorder verticalSpacing="xs" className={classes.table}>
        <Table.Thead>
          <Table.Tr>
            <Table.Th w={56}>序号</Table.Th>
            <Table.Th>材料名称</Table.Th>
            <Table.Th w={130}>形式及份数</Table.Th>
            <Table.Th w={200}>要求</Table.Th>
            <Table.Th w={230}>核对</Table.Th>
            <Table.Th w={96}>收取份数</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {materials.map((material, index) => {
            const mark = marks[index] ?? { status: 'missing', copiesReceived: 0 };
            const requirement = materialRequirement(material);
            const badge = REQUIREMENT_BADGES[requirement];
            const isMissing = missing.has(material);
            return (
              <Table.Tr
                key={`${index}-${material.name}`}
                className={isMissing ? classes.missing : undefined}
                data-missing-required={isMissing || undefined}
              >
                <Table.Td>{index + 1}</Table.Td>
                <Table.Td>
                  <Text fw={500}>{material.name}</Text>
                  {material.source && (
                    <Text size="xs" c="dimmed">
                      {material.source}
                    </Text>
                  )}
                </Table.Td>
                <Table.Td>
                  {MATERIAL_FORM_LABELS[material.form]} {material.copies} 份
                </Table.Td>
                <Table.Td>
                  <Badge color={badge.color} variant="light">
                    {badge.label}
                  </Badge>
                  {material.condition && (
                    <Text size="xs" mt={2}>
                      {material.condition}
                    </Text>
                  )}
                </Table.Td>
                <Table.Td>
                  <SegmentedControl
                    aria-label={`${material.name} 核对结果`}
                    size="xs"
                    fullWidth
                    disabled={disabled}
                    color={mark.status === 'received' ? 'teal' : isMissing ? 'red' : 'gray'}
                    value={mark.status}
                    data={statusesFor(requirement).map((status) => ({
                      value: status,
                      label: MATERIAL_STATUS_LABELS[status],
                    }))}
                    onChange={(status) =>
                      update(index, withStatus(mark, status as MaterialStatus, material))
                    }
                  />
                </Table.Td>
                <Table.Td>
                  {mark.status === 'received' && (
                    <NumberInput
                      aria-label={`${material.name} 收取份数`}
                      size="xs"
                      min={1}
                      max={50}
                      allowDecimal={false}
                      allowNegative={false}
                      disabled={disabled}
                      value={mark.copiesReceived}
                      onChange={(value) =>
                        update(index, {
                          ...mark,
                          copiesReceived: typeof value === 'number' ? value : material.copies,
                        })
                      }
                    />
                  )}
                </Table.Td>
              </Table.Tr>
            );
          })}
        </Table.Tbody>
      </Table>
      <ChecklistSummary missing={[...missing].map((material) => material.name)} advice={advice} />
    </Stack>
  );
}
