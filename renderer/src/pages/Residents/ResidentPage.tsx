import {
  Alert,
  Badge,
  Button,
  Group,
  Loader,
  Paper,
  SimpleGrid,
  Stack,
  Tabs,
  Text,
} from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import type { ResidentDetail } from '@shared/api';
import { DOCUMENT_TYPE_LABELS } from '@shared/domain/identity/documents';
import { GENDER_LABELS } from '@shared/domain/identity/resident-id';
import type { ReactNode } from 'react';
import { Link, useParams } from 'react-router';
import { useApiQuery } from '../../api';
import { PageHeader } from '../../components/PageHeader';
import { RecordSyncBadge } from '../../components/SyncStatus';
import { canCall } from '../../lib/access';
import { formatDateTime } from '../../lib/time';
import { useCurrentUser } from '../../session';
import { EditResidentModal } from './EditResidentModal';
import { ResidentCases } from './ResidentCases';
import { ResidentDisputes } from './ResidentDisputes';
import { RevealableValue } from './RevealableValue';

function Fact({ label, children }: { label: string; children: ReactNode }) {
  return (
    <Stack gap={2}>
      <Text size="sm" c="dimmed">
        {label}
      </Text>
      <div>{children}</div>
    </Stack>
  );
}

function Particulars({ resident }: { resident: ResidentDetail }) {
  const me = useCurrentUser();
  const canReveal = canCall(me.role, 'residents.reveal');
  return (
    <Paper withBorder p="md" radius="md" component="section" aria-label="档案信息">
      <SimpleGrid cols={{ base: 2, md: 3 }} spacing="lg" verticalSpacing="md">
        <Fact label="证件类型">{DOCUMENT_TYPE_LABELS[resident.docType]}</Fact>
        <Fact label="证件号码">
          <RevealableValue
            residentId={resident.id}
            field="docNumber"
            fieldLabel="证件号码"
            masked={resident.docNumberMasked}
            canReveal={canReveal}
          />
        </Fact>
        <Fact label="联系电话">
          <RevealableValue
            residentId={resident.id}
            field="phone"
            fieldLabel="联系电话"
            masked={resident.phoneMasked}
            canReveal={canReveal}
          />
        </Fact>
        <Fact label="性别">{resident.gender ? GENDER_LABELS[resident.gender] : '—'}</Fact>
        <Fact label="年龄">{resident.age === null ? '—' : `${resident.age} 岁`}</Fact>
        <Fact label="民族">{resident.ethnicity ?? '—'}</Fact>
        <Fact label="所属村（社区）">{resident.villageName ?? '—'}</Fact>
        <Fact label="住址">{resident.address ?? '—'}</Fact>
        <Fact label="建档 / 最近修改">
          {formatDateTime(resident.createdAt)} / {formatDateTime(resident.updatedAt)}
        </Fact>
      </SimpleGrid>
      <MergedNotice residentId={resident.id} />
    </Paper>
  );
}

/**
 * 已合并: records of the same person another terminal registered, merged into this one by sync. Says
 * where and when each was registered, never its document number (the same as this record's).
 */
function MergedNotice({ residentId }: { residentId: string }) {
  const merged = useApiQuery('residents.merged', { residentId });
  const records = merged.data ?? [];
  if (records.length === 0) return null;
  const where = records
    .map((record) => `登记于 ${record.unitName ?? '其他单位'}、${record.registeredOn}`)
    .join('；');
  const count = records.length === 1 ? '一条记录' : `${records.length} 条记录`;
  return (
    <Text size="sm" mt="md">
      <Badge variant="light" color="gray" mr="xs">
        已合并
      </Badge>
      此人另有{count}（{where}）已并入本记录
    </Text>
  );
}

function CountBadge({ count }: { count: number | undefined }) {
  return count === undefined ? null : (
    <Badge size="sm" variant="light" circle={count < 10}>
      {count}
    </Badge>
  );
}

/** Cases and disputes, each shown only to the roles that may read it. */
function History({ residentId }: { residentId: string }) {
  const me = useCurrentUser();
  const showCases = canCall(me.role, 'cases.ofResident');
  const showDisputes = canCall(me.role, 'mediation.ofResident');
  const cases = useApiQuery('cases.ofResident', { residentId }, { enabled: showCases });
  const disputes = useApiQuery('mediation.ofResident', { residentId }, { enabled: showDisputes });
  if (!showCases && !showDisputes) return null;
  return (
    <Tabs defaultValue={showCases ? 'cases' : 'disputes'} keepMounted={false}>
      <Tabs.List>
        {showCases ? (
          <Tabs.Tab value="cases" rightSection={<CountBadge count={cases.data?.length} />}>
            办件记录
          </Tabs.Tab>
        ) : null}
        {showDisputes ? (
          <Tabs.Tab value="disputes" rightSection={<CountBadge count={disputes.data?.length} />}>
            矛盾纠纷
          </Tabs.Tab>
        ) : null}
      </Tabs.List>
      <Tabs.Panel value="cases" pt="md">
        <ResidentCases cases={cases.data ?? []} loading={cases.isPending} />
      </Tabs.Panel>
      <Tabs.Panel value="disputes" pt="md">
        <ResidentDisputes disputes={disputes.data ?? []} loading={disputes.isPending} />
      </Tabs.Panel>
    </Tabs>
  );
}

/** 一人一档: the resident's particulars, every case of theirs and their disputes. */
export function ResidentPage() {
  const { id = '' } = useParams();
  const me = useCurrentUser();
  const resident = useApiQuery('residents.get', { residentId: id });
  const [editing, { open: openEdit, close: closeEdit }] = useDisclosure(false);
  const back = (
    <Button variant="default" component={Link} to="/residents">
      返回群众档案
    </Button>
  );

  if (resident.isPending) return <Loader aria-label="正在读取档案" />;
  if (!resident.data) {
    return (
      <>
        <PageHeader title="一人一档" actions={back} />
        <Alert color="red" title="无法打开该档案">
          {resident.error?.message ?? '找不到该群众档案'}
        </Alert>
      </>
    );
  }
  const data = resident.data;
  return (
    <Stack gap="lg">
      <PageHeader
        title={data.name}
        description="一人一档：档案信息、办件记录和矛盾纠纷。证件号码和电话默认遮蔽，查看完整号码会记入审计日志。"
        actions={
          <Group gap="sm">
            <RecordSyncBadge root="residents" id={data.id} />
            {back}
            {canCall(me.role, 'residents.update') ? (
              <Button onClick={openEdit}>修改档案</Button>
            ) : null}
          </Group>
        }
      />
      <Particulars resident={data} />
      <History residentId={data.id} />
      <EditResidentModal
        key={data.updatedAt}
        resident={data}
        opened={editing}
        onClose={closeEdit}
      />
    </Stack>
  );
}
