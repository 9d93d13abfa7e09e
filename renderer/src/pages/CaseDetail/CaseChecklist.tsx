import { Badge, Table, Text, Title } from '@mantine/core';
import type { CaseDetail, CaseMaterial } from '@shared/api';
import { isMissingRequired } from '@shared/domain/cases/checklist';
import {
  MATERIAL_FORM_LABELS,
  MATERIAL_REQUIREMENT_LABELS,
  materialRequirement,
} from '@shared/domain/catalogue/service-item';
import { MaterialAttachments } from '../../components/Attachments';

interface CaseChecklistProps {
  detail: CaseDetail;
  /** Whether this user may add scans and photos (the backend checks again). */
  canUpload: boolean;
}

function StatusBadge({ material }: { material: CaseMaterial }) {
  if (material.status === 'received') {
    return (
      <Badge color="teal" variant="light">
        已收 {material.copiesReceived} 份
      </Badge>
    );
  }
  if (material.status === 'not_applicable') {
    return (
      <Badge color="gray" variant="light">
        不适用
      </Badge>
    );
  }
  // Missing matters only where the material is required; an optional one is just not there.
  return isMissingRequired(material) ? (
    <Badge color="red" variant="light">
      缺
    </Badge>
  ) : (
    <Badge color="gray" variant="outline">
      未收
    </Badge>
  );
}

/** The item version's materials as checked at the window, each with its scans and photos. */
export function CaseChecklist({ detail, canUpload }: CaseChecklistProps) {
  const received = detail.materials.filter((m) => m.status === 'received').length;
  const missing = detail.materials.filter(isMissingRequired).length;
  return (
    <section aria-labelledby="case-checklist">
      <Title order={3} size="h4" mb="xs" id="case-checklist">
        材料清单
        <Text span size="sm" c="dimmed" fw={400} ml="sm">
          已收 {received} 项{missing > 0 ? `，缺 ${missing} 项必交材料` : ''}
        </Text>
      </Title>
      <Table withTableBorder verticalSpacing="xs" aria-labelledby="case-checklist">
        <Table.Thead>
          <Table.Tr>
            <Table.Th miw={180}>材料</Table.Th>
            <Table.Th w={104}>要求</Table.Th>
            <Table.Th w={96}>收取情况</Table.Th>
            <Table.Th>附件</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {detail.materials.map((material) => (
            <Table.Tr key={material.id}>
              <Table.Td>
                <Text size="sm" fw={500}>
                  {material.name}
                </Text>
                {material.condition || material.note ? (
                  <Text size="xs" c="dimmed">
                    {[material.condition, material.note].filter(Boolean).join('；')}
                  </Text>
                ) : null}
              </Table.Td>
              <Table.Td>
                <Text size="sm">{MATERIAL_REQUIREMENT_LABELS[materialRequirement(material)]}</Text>
                <Text size="xs" c="dimmed">
                  {MATERIAL_FORM_LABELS[material.form]} {material.copies} 份
                </Text>
              </Table.Td>
              <Table.Td>
                <StatusBadge material={material} />
              </Table.Td>
              <Table.Td>
                <MaterialAttachments caseId={detail.id} material={material} canUpload={canUpload} />
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </section>
  );
}
