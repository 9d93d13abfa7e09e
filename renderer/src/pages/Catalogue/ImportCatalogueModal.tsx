import { Alert, Button, Group, List, Modal, ScrollArea, Stack, Text } from '@mantine/core';
import type { MethodOutput } from '@shared/api';
import { useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { apiKey, useApiMutation } from '../../api';
import { readFileAsBase64 } from '../../lib/file-base64';

interface ImportCatalogueModalProps {
  /** The workbook chosen; null keeps the modal closed. */
  file: File | null;
  onClose: () => void;
}

type ImportResult = MethodOutput<'catalogue.importExcel'>;

function Outcome({ result }: { result: ImportResult }) {
  const { created, updated, unchanged, problems } = result;
  return (
    <Stack gap="sm">
      <Alert color={problems.length === 0 ? 'teal' : 'yellow'} title="导入完成">
        新增 {created} 项，更新 {updated} 项（每项生成新版本），未变 {unchanged} 项。
        {problems.length > 0
          ? `另有 ${problems.length} 处有误，所涉事项未导入；其余已导入。请在 Excel 中改正后重新导入，已导入且未改动的事项不会重复生成版本。`
          : null}
      </Alert>
      {problems.length > 0 ? (
        <ScrollArea.Autosize mah={280} type="auto">
          <List size="sm" spacing={4} aria-label="未导入的行">
            {problems.map((problem) => (
              <List.Item key={`${problem.row}-${problem.message}`}>{problem.message}</List.Item>
            ))}
          </List>
        </ScrollArea.Autosize>
      ) : null}
    </Stack>
  );
}

/**
 * The import asks once before it writes: items are matched by code, and every changed item gets a new
 * version. An unreadable file changes nothing; a row with a problem is skipped and listed.
 */
export function ImportCatalogueModal({ file, onClose }: ImportCatalogueModalProps) {
  const queryClient = useQueryClient();
  const [reading, setReading] = useState(false);
  const importExcel = useApiMutation('catalogue.importExcel', {
    meta: { errorShownInline: true },
    onSuccess: () => {
      void queryClient.invalidateQueries({ queryKey: apiKey('catalogue.list') });
      void queryClient.invalidateQueries({ queryKey: apiKey('catalogue.get') });
    },
  });

  function close() {
    importExcel.reset();
    onClose();
  }

  async function start() {
    if (!file) return;
    setReading(true);
    try {
      importExcel.mutate({ base64: await readFileAsBase64(file) });
    } finally {
      setReading(false);
    }
  }

  const done = importExcel.data;
  return (
    <Modal opened={file !== null} onClose={close} title="导入事项目录" size="lg">
      <Stack gap="md">
        <Text size="sm">文件：{file?.name}</Text>
        {done ? (
          <Outcome result={done} />
        ) : (
          <Text size="sm">
            按“编码”对应事项：表中新编码的事项将新增，已有事项内容有改动的将生成新版本，已受理的案件不受影响。请使用本系统导出的格式（“事项”和“材料”两个工作表）。
          </Text>
        )}
        {importExcel.error ? (
          <Alert color="red" title="未导入任何内容">
            {importExcel.error.message}
          </Alert>
        ) : null}
        <Group justify="flex-end">
          {done ? (
            <Button onClick={close}>完成</Button>
          ) : (
            <>
              <Button variant="default" onClick={close}>
                取消
              </Button>
              <Button
                data-autofocus
                loading={reading || importExcel.isPending}
                disabled={importExcel.isError}
                onClick={() => void start()}
              >
                开始导入
              </Button>
            </>
          )}
        </Group>
      </Stack>
    </Modal>
  );
}
