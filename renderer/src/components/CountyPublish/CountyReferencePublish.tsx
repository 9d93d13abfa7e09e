import { Button, FileButton, Group, Paper, Table, Text, Title } from '@mantine/core';
import { modals } from '@mantine/modals';
import { notifications } from '@mantine/notifications';
import { PAGE_PUBLISHED_KINDS } from '@shared/api';
import { REFERENCE_KIND_LABELS } from '@shared/sync/reference-contract';
import { useQueryClient } from '@tanstack/react-query';
import { apiKey, useApiMutation, useApiQuery } from '../../api';
import { canCall } from '../../lib/access';
import { readFileAsBase64 } from '../../lib/file-base64';
import { useCurrentUser } from '../../session';
import { useCountyPublisher } from './use-county-publisher';

type PageKind = (typeof PAGE_PUBLISHED_KINDS)[number];

/** What each kind sends, so that the administrator knows what the townships will get. */
const WHAT: Record<PageKind, string> = {
  calendar: '本终端已载入的各年度节假日和调休安排',
  disputeTypes: '本终端在用的纠纷类型（名称、说明和顺序）',
  mediationReference: '本终端在用的纠纷来源、移送单位、调解员背景、调委会类型和事件类别',
};

/**
 * 发布参考数据: the county centre sends its holiday calendar and mediation lists as the county's new
 * editions. Only at the county centre's terminal while joined to the hub.
 */
export function CountyReferencePublish() {
  const me = useCurrentUser();
  const publisher = useCountyPublisher();
  const allowed = publisher && canCall(me.role, 'hub.publishReference');
  const queryClient = useQueryClient();
  const held = useApiQuery('hub.heldReference', {}, { enabled: allowed });
  const publish = useApiMutation('hub.publishReference', {
    onSuccess: (published) => {
      void queryClient.invalidateQueries({ queryKey: apiKey('hub.heldReference') });
      // The 县级平台 page's 参考数据 lists the edition just published as held here.
      void queryClient.invalidateQueries({ queryKey: apiKey('hub.status') });
      void queryClient.invalidateQueries({ queryKey: apiKey('mediation.reference') });
      void queryClient.invalidateQueries({ queryKey: apiKey('calendar.status') });
      notifications.show({
        color: 'teal',
        message: `已发布${REFERENCE_KIND_LABELS[published.kind]}第 ${published.edition} 版：${published.summary}`,
      });
    },
  });
  const importYears = useApiMutation('calendar.importYears', {
    onSuccess: (loaded) => {
      void queryClient.invalidateQueries({ queryKey: apiKey('calendar.status') });
      notifications.show({
        color: 'teal',
        message: `已载入 ${loaded.years.join('、')} 年节假日安排（新增 ${loaded.added} 年、更新 ${loaded.changed} 年），核对后可发布到县级平台`,
      });
    },
  });
  if (!allowed) return null;

  async function load(file: File | null) {
    if (!file) return;
    importYears.mutate({ fileName: file.name, base64: await readFileAsBase64(file) });
  }

  function confirm(kind: PageKind) {
    const label = REFERENCE_KIND_LABELS[kind];
    modals.openConfirmModal({
      title: `发布${label}到县级平台`,
      children: `将${WHAT[kind]}发布为全县的新版${label}。各终端下次同步时采用。`,
      labels: { confirm: '发布', cancel: '取消' },
      onConfirm: () => publish.mutate({ kind }),
    });
  }

  const editions = new Map((held.data ?? []).map((row) => [row.kind, row]));
  return (
    <Paper withBorder p="lg" radius="md" maw={720} mt="md">
      <Title order={3} size="h4" mb={4}>
        发布参考数据
      </Title>
      <Text size="sm" c="dimmed" mb="md">
        县级中心把本终端的节假日安排和调解参考数据发布到县级平台，全县终端同步后采用。国务院公布新一年的放假安排后，先“载入节假日文件”（格式同软件自带的
        holidays.json），核对后发布。调解员名册在“调解员”页发布。
      </Text>
      <Table aria-label="发布参考数据" layout="fixed">
        <Table.Thead>
          <Table.Tr>
            <Table.Th>数据</Table.Th>
            <Table.Th>本终端所持版本</Table.Th>
            <Table.Th w={260} />
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {PAGE_PUBLISHED_KINDS.map((kind) => {
            const row = editions.get(kind);
            const label = REFERENCE_KIND_LABELS[kind];
            return (
              <Table.Tr key={kind}>
                <Table.Td>{label}</Table.Td>
                <Table.Td>
                  {row?.edition
                    ? `第 ${row.edition} 版${row.editionLabel ? `（${row.editionLabel}）` : ''}`
                    : '随软件提供'}
                </Table.Td>
                <Table.Td ta="right">
                  <Group gap="xs" justify="flex-end" wrap="nowrap">
                    {kind === 'calendar' ? (
                      <FileButton
                        onChange={(file) => void load(file)}
                        accept=".json,application/json"
                      >
                        {(props) => (
                          <Button
                            {...props}
                            size="compact-sm"
                            variant="default"
                            loading={importYears.isPending}
                          >
                            载入节假日文件
                          </Button>
                        )}
                      </FileButton>
                    ) : null}
                    <Button
                      size="compact-sm"
                      variant="light"
                      aria-label={`发布${label}到县级平台`}
                      loading={publish.isPending && publish.variables?.kind === kind}
                      onClick={() => confirm(kind)}
                    >
                      发布到县级平台
                    </Button>
                  </Group>
                </Table.Td>
              </Table.Tr>
            );
          })}
        </Table.Tbody>
      </Table>
    </Paper>
  );
}
