import { notifications } from '@mantine/notifications';
import { useQueryClient } from '@tanstack/react-query';
import { apiKey, useApiMutation } from '../../api';

/** Stores a scan or photo on a checklist material and refreshes the case that shows it. */
export function useAttachmentUpload(caseId: string, options: { errorShownInline?: boolean } = {}) {
  const queryClient = useQueryClient();
  return useApiMutation('attachments.upload', {
    meta: { errorShownInline: options.errorShownInline ?? false },
    onSuccess: (attachment) => {
      notifications.show({ color: 'teal', message: `已保存附件：${attachment.fileName}` });
      void queryClient.invalidateQueries({ queryKey: apiKey('cases.get', { caseId }) });
    },
  });
}
