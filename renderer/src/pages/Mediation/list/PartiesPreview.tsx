import { Group, Loader, Table, Text } from '@mantine/core';
import { PARTY_ROLE_LABELS } from '@shared/domain/mediation/agreement';
import { useApiQuery } from '../../../api';

/** Under a list row: the parties with masked ID numbers and phones, and the summary. */
export function PartiesPreview({ disputeId }: { disputeId: string }) {
  const dispute = useApiQuery('mediation.get', { disputeId });
  if (!dispute.data) {
    return (
      <Group p="sm">
        <Loader size="xs" aria-label="正在读取当事人" />
      </Group>
    );
  }
  return (
    <Group p="sm" align="flex-start" gap="lg" wrap="nowrap" bg="gray.0">
      <Table withTableBorder withColumnBorders w="auto" fz="sm" aria-label="当事人">
        <Table.Thead>
          <Table.Tr>
            <Table.Th>身份</Table.Th>
            <Table.Th>姓名或名称</Table.Th>
            <Table.Th>证件号码</Table.Th>
            <Table.Th>联系电话</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {dispute.data.parties.map((party) => (
            <Table.Tr key={party.id}>
              <Table.Td>{PARTY_ROLE_LABELS[party.role]}</Table.Td>
              <Table.Td>{party.name}</Table.Td>
              <Table.Td>{party.idNumberMasked ?? party.creditCode ?? '—'}</Table.Td>
              <Table.Td>{party.phoneMasked ?? '—'}</Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
      <Text size="sm" style={{ flex: 1, whiteSpace: 'pre-wrap' }} lineClamp={5}>
        {dispute.data.summary}
      </Text>
    </Group>
  );
}
