import { Alert, Button, Group, Stack, Text, Title } from '@mantine/core';
import { modals } from '@mantine/modals';
import { notifications } from '@mantine/notifications';
import { useQueryClient } from '@tanstack/react-query';
import { apiKey, useApiMutation } from '../../api';
import { useSystemStatus } from '../../session';

function confirmRebuild(onConfirm: () => void) {
  modals.openConfirmModal({
    title: '重建搜索索引',
    children: (
      <Stack gap="xs">
        <Text>确定要重建搜索索引吗？</Text>
        <Text size="sm">
          重建期间本终端暂停办理其他业务，数据量大时需要一两分钟；已保存的数据不会改动。
        </Text>
      </Stack>
    ),
    labels: { confirm: '重建', cancel: '取消' },
    onConfirm,
  });
}

/** The search indexes are derived from the tables; rebuilding them mends an index that broke. */
export function SearchIndexSection() {
  const queryClient = useQueryClient();
  const status = useSystemStatus();
  const rebuild = useApiMutation('searchIndex.rebuild', {
    onSuccess: (result) => {
      notifications.show({
        color: 'teal',
        message: `搜索索引已重建：群众 ${result.residents} 条、办件 ${result.cases} 条、纠纷 ${result.disputes} 条，用时 ${Math.max(1, Math.round(result.durationMs / 1000))} 秒`,
      });
      // Lists that failed while the index was damaged search again.
      void queryClient.invalidateQueries();
      void queryClient.invalidateQueries({ queryKey: apiKey('system.status') });
    },
  });

  return (
    <Stack gap="xs" mt="xl" component="section" aria-labelledby="search-index-title">
      <Title order={3} id="search-index-title">
        搜索索引
      </Title>
      {status.searchIndex === 'damaged' ? (
        <Alert color="red" title="搜索索引已损坏">
          查找群众、办件或纠纷时会出错，新办件也可能无法保存。重建搜索索引即可修复，已保存的数据不受影响。
        </Alert>
      ) : null}
      <Text size="sm" c="dimmed">
        查找群众、办件和纠纷所用的索引由本机数据生成。搜索出错并提示“搜索索引已损坏”时，在此重建。
      </Text>
      <Group>
        <Button
          variant={status.searchIndex === 'damaged' ? 'filled' : 'default'}
          loading={rebuild.isPending}
          onClick={() => confirmRebuild(() => rebuild.mutate({}))}
        >
          重建搜索索引
        </Button>
      </Group>
    </Stack>
  );
}
