import { Badge, Box, Button, Checkbox, Group, Select, Text } from '@mantine/core';
import type { Mediator } from '@shared/api';
import { useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { apiKey, useApiMutation, useApiQuery } from '../../api';
import { PublishRosterButton } from '../../components/CountyPublish';
import { ListTable } from '../../components/ListTable';
import { PageHeader } from '../../components/PageHeader';
import { canCall } from '../../lib/access';
import {
  referenceLabel,
  useMediationReference,
  useDisputeTypes,
} from '../../lib/mediation-reference';
import { useCurrentUser } from '../../session';
import { MediatorModal } from './MediatorModal';
import { OffRosterNotice } from './OffRosterNotice';
import { unitsInScope } from './unit-scope';

/** 调解员名册: the committee's mediators, their specialties and current load. */
export function MediatorsPage() {
  const disputeTypes = useDisputeTypes();
  const me = useCurrentUser();
  const reference = useMediationReference();
  const queryClient = useQueryClient();
  const canEdit = canCall(me.role, 'mediators.create');
  const orgUnits = useApiQuery('orgUnits.list', {});
  const units = unitsInScope(orgUnits.data ?? [], me.orgUnitId);
  const [unitId, setUnitId] = useState(me.orgUnitId);
  const [includeInactive, setIncludeInactive] = useState(true);
  const [editing, setEditing] = useState<Mediator | 'new' | null>(null);
  const roster = useApiQuery('mediators.list', { orgUnitId: unitId, includeInactive });
  const setActive = useApiMutation('mediators.setActive', {
    onSuccess: () => void queryClient.invalidateQueries({ queryKey: apiKey('mediators.list') }),
  });

  return (
    <>
      <PageHeader
        title="调解员"
        description="调委会的调解员名册。指派调解员时按擅长的纠纷类型和在办案件数推荐。离任的停用，不删除。"
        actions={
          <>
            <PublishRosterButton />
            {canEdit ? <Button onClick={() => setEditing('new')}>新增调解员</Button> : null}
          </>
        }
      />
      <Box mb="md">
        <OffRosterNotice orgUnitId={unitId} />
      </Box>
      <Group mb="md" align="flex-end">
        {units.length > 1 ? (
          <Select
            label="调委会"
            searchable
            allowDeselect={false}
            data={units.map((unit) => ({ value: unit.id, label: unit.name }))}
            value={unitId}
            onChange={(value) => value && setUnitId(value)}
            w={280}
          />
        ) : null}
        <Checkbox
          label="显示已停用的调解员"
          checked={includeInactive}
          onChange={(event) => setIncludeInactive(event.currentTarget.checked)}
        />
      </Group>
      <ListTable<Mediator>
        highlightOnHover
        minHeight={200}
        fetching={roster.isFetching}
        noRecordsText="还没有调解员"
        records={roster.data ?? []}
        columns={[
          {
            accessor: 'name',
            title: '姓名',
            noWrap: true,
            render: (m) => (
              <Group gap={6} wrap="nowrap">
                <Text size="sm">{m.name}</Text>
                {m.userId ? (
                  <Badge size="xs" variant="outline" color="blue">
                    有登录账号
                  </Badge>
                ) : null}
              </Group>
            ),
          },
          {
            accessor: 'gender',
            title: '性别',
            render: (m) => (m.gender === 'male' ? '男' : m.gender === 'female' ? '女' : '—'),
          },
          {
            accessor: 'phoneMasked',
            title: '联系电话',
            noWrap: true,
            render: (m) => m.phoneMasked ?? '—',
          },
          {
            accessor: 'committeeKind',
            title: '调委会',
            render: (m) => (
              <>
                <Text size="sm">{m.orgUnitName}</Text>
                <Text size="xs" c="dimmed">
                  {referenceLabel(reference.data?.committeeKinds, m.committeeKind)}
                </Text>
              </>
            ),
          },
          {
            accessor: 'background',
            title: '背景',
            render: (m) => referenceLabel(reference.data?.mediatorBackgrounds, m.background),
          },
          {
            accessor: 'specialties',
            title: '擅长',
            render: (m) => m.specialties.map((type) => disputeTypes.label(type)).join('、') || '—',
          },
          {
            accessor: 'openCases',
            title: '在办案件',
            textAlign: 'right',
            render: (m) => `${m.openCases} 件`,
          },
          {
            accessor: 'active',
            title: '状态',
            render: (m) => (
              <Badge color={m.active ? 'teal' : 'gray'} variant="light">
                {m.active ? '在册' : '已停用'}
              </Badge>
            ),
          },
          ...(canEdit
            ? [
                {
                  accessor: 'actions',
                  title: '操作',
                  textAlign: 'right' as const,
                  render: (m: Mediator) => (
                    <Group gap={6} justify="flex-end" wrap="nowrap">
                      <Button
                        size="compact-sm"
                        variant="light"
                        aria-label={`修改 ${m.name}`}
                        onClick={() => setEditing(m)}
                      >
                        修改
                      </Button>
                      <Button
                        size="compact-sm"
                        variant="light"
                        color={m.active ? 'orange' : 'teal'}
                        aria-label={`${m.active ? '停用' : '启用'} ${m.name}`}
                        onClick={() => setActive.mutate({ mediatorId: m.id, active: !m.active })}
                      >
                        {m.active ? '停用' : '启用'}
                      </Button>
                    </Group>
                  ),
                },
              ]
            : []),
        ]}
      />
      {editing ? (
        <MediatorModal
          mediator={editing === 'new' ? null : editing}
          units={units}
          defaultUnitId={unitId}
          onClose={() => setEditing(null)}
        />
      ) : null}
    </>
  );
}
