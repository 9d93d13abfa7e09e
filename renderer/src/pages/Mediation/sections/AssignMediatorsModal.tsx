import { Alert, Badge, Button, Checkbox, Group, Radio, Stack, Table, Text } from '@mantine/core';
import type { DisputeDetail } from '@shared/api';
import { useState } from 'react';
import { useApiQuery } from '../../../api';
import {
  referenceLabel,
  useMediationReference,
  useDisputeTypes,
} from '../../../lib/mediation-reference';
import { OffRosterNotice } from '../../Mediators';
import { useDisputeMutation } from '../use-dispute-mutation';
import { FormModal, FormModalCancel } from '../../../components/FormModal';

interface AssignMediatorsModalProps {
  dispute: DisputeDetail;
  onClose: () => void;
}

/** The committee's active mediators, specialists in this type and the least loaded first. */
export function AssignMediatorsModal({ dispute, onClose }: AssignMediatorsModalProps) {
  const disputeTypes = useDisputeTypes();
  const reference = useMediationReference();
  const suggestions = useApiQuery('mediation.suggestMediators', { disputeId: dispute.id });
  const current = dispute.mediators;
  const currentLead = current.find((mediator) => mediator.role === 'lead')?.mediatorId ?? null;
  const currentMembers = current
    .filter((mediator) => mediator.role === 'member')
    .map((mediator) => mediator.mediatorId);
  const [lead, setLead] = useState<string | null>(currentLead);
  const [members, setMembers] = useState<string[]>(currentMembers);
  const chosenMembers = members.filter((id) => id !== lead);
  const changed =
    lead !== currentLead ||
    chosenMembers.length !== currentMembers.length ||
    chosenMembers.some((id) => !currentMembers.includes(id));
  const [problem, setProblem] = useState<string | null>(null);
  const assign = useDisputeMutation('mediation.assignMediators', {
    done: '已指派调解员',
    inline: true,
  });
  const rows = suggestions.data ?? [];

  function submit() {
    if (!lead) {
      setProblem('请选择一名主持调解员');
      return;
    }
    assign.mutate(
      {
        disputeId: dispute.id,
        leadMediatorId: lead,
        memberMediatorIds: chosenMembers,
      },
      { onSuccess: onClose, onError: (error) => setProblem(error.message) },
    );
  }

  return (
    <FormModal dirty={changed} opened onClose={onClose} title="指派调解员" size="xl">
      <form
        noValidate
        onSubmit={(event) => {
          event.preventDefault();
          submit();
        }}
      >
        <Stack>
          <Text size="sm" c="dimmed">
            本调委会在册的调解员，擅长{disputeTypes.label(dispute.type)}
            纠纷的排在前面，其次是在办案件少的。
          </Text>
          <OffRosterNotice orgUnitId={dispute.ownerOrgId} />
          {suggestions.isSuccess && rows.length === 0 ? (
            <Alert color="orange">
              本调委会还没有在册的调解员，请负责人先在“调解员”名册中添加。
            </Alert>
          ) : null}
          <Radio.Group
            value={lead}
            onChange={setLead}
            label="主持调解员"
            withAsterisk
            error={problem}
          >
            <Table mt="xs" striped withTableBorder>
              <Table.Thead>
                <Table.Tr>
                  <Table.Th>主持</Table.Th>
                  <Table.Th>协助</Table.Th>
                  <Table.Th>姓名</Table.Th>
                  <Table.Th>背景</Table.Th>
                  <Table.Th>擅长</Table.Th>
                  <Table.Th>在办案件</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {rows.map((mediator) => (
                  <Table.Tr key={mediator.id}>
                    <Table.Td>
                      <Radio value={mediator.id} aria-label={`${mediator.name}主持调解`} />
                    </Table.Td>
                    <Table.Td>
                      <Checkbox
                        aria-label={`${mediator.name}协助调解`}
                        disabled={mediator.id === lead}
                        checked={mediator.id !== lead && members.includes(mediator.id)}
                        onChange={(event) => {
                          const checked = event.currentTarget.checked;
                          setMembers((chosen) =>
                            checked
                              ? [...chosen, mediator.id]
                              : chosen.filter((id) => id !== mediator.id),
                          );
                        }}
                      />
                    </Table.Td>
                    <Table.Td>
                      <Group gap={6}>
                        <Text size="sm" fw={500}>
                          {mediator.name}
                        </Text>
                        {mediator.specialtyMatch ? (
                          <Badge size="sm" color="teal" variant="light">
                            擅长此类
                          </Badge>
                        ) : null}
                      </Group>
                    </Table.Td>
                    <Table.Td>
                      {referenceLabel(reference.data?.mediatorBackgrounds, mediator.background)}
                    </Table.Td>
                    <Table.Td>
                      <Text size="sm">
                        {mediator.specialties.map((type) => disputeTypes.label(type)).join('、') ||
                          '—'}
                      </Text>
                    </Table.Td>
                    <Table.Td>{mediator.openCases} 件</Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </Radio.Group>
          <Group justify="flex-end">
            <FormModalCancel />
            <Button type="submit" loading={assign.isPending} disabled={rows.length === 0}>
              确定指派
            </Button>
          </Group>
        </Stack>
      </form>
    </FormModal>
  );
}
