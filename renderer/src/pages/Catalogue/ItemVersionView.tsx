import { Badge, SimpleGrid, Stack, Table, Text, Title } from '@mantine/core';
import type { ServiceItemVersion } from '@shared/api';
import {
  MATERIAL_FORM_LABELS,
  MATERIAL_REQUIREMENT_LABELS,
  materialRequirement,
  SERVICE_ITEM_TYPE_LABELS,
} from '@shared/domain/catalogue/service-item';
import type { ReactNode } from 'react';
import { formatFee, formatPromise } from './item-labels';

function Fact({ label, children }: { label: string; children: ReactNode }) {
  return (
    <Stack gap={2}>
      <Text size="sm" c="dimmed">
        {label}
      </Text>
      <Text>{children}</Text>
    </Stack>
  );
}

/**
 * One version of an item as it reads: the fields, then the materials in checklist order. The item's
 * aliases belong to no version: shown when given (the current item), not for a past version.
 */
export function ItemVersionView({
  version,
}: {
  version: ServiceItemVersion & { aliases?: readonly string[] };
}) {
  return (
    <Stack gap="md">
      <SimpleGrid cols={3} spacing="lg" verticalSpacing="sm">
        <Fact label="事项编码">{version.code}</Fact>
        <Fact label="类别">{version.category}</Fact>
        <Fact label="责任部门">{version.department}</Fact>
        <Fact label="办件类型">{SERVICE_ITEM_TYPE_LABELS[version.type]}</Fact>
        <Fact label="承诺时限 / 法定时限">
          {formatPromise(version)} / {version.statutoryDays} 个工作日
        </Fact>
        <Fact label="收费">{formatFee(version.feeFen)}</Fact>
        <Fact label="村（社区）代办">{version.agencyAllowed ? '允许' : '不允许'}</Fact>
        {version.aliases ? (
          <Fact label="简称与别名">{version.aliases.join('、') || '—'}</Fact>
        ) : null}
      </SimpleGrid>
      <Fact label="设定依据">{version.basis}</Fact>
      <Title order={4}>申请材料（{version.materials.length} 项）</Title>
      <Table withTableBorder striped>
        <Table.Thead>
          <Table.Tr>
            <Table.Th>序号</Table.Th>
            <Table.Th>材料名称</Table.Th>
            <Table.Th>形式</Table.Th>
            <Table.Th>份数</Table.Th>
            <Table.Th>提交要求</Table.Th>
            <Table.Th>来源</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {version.materials.map((material, index) => (
            <Table.Tr key={material.name}>
              <Table.Td>{index + 1}</Table.Td>
              <Table.Td>{material.name}</Table.Td>
              <Table.Td style={{ whiteSpace: 'nowrap' }}>
                {MATERIAL_FORM_LABELS[material.form]}
              </Table.Td>
              <Table.Td>{material.copies}</Table.Td>
              <Table.Td>
                <Badge variant="light" color={material.required ? 'blue' : 'gray'}>
                  {MATERIAL_REQUIREMENT_LABELS[materialRequirement(material)]}
                </Badge>
                {material.condition ? (
                  <Text size="xs" c="dimmed" mt={2}>
                    {material.condition}
                  </Text>
                ) : null}
              </Table.Td>
              <Table.Td>{material.source}</Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Stack>
  );
}
