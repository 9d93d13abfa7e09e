import { notifications } from '@mantine/notifications';
import { useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { apiKey, useApiClient } from '../../api';
import { readUpload } from '../../lib/upload-file';

/**
 * Sends files to a report one call each (a call carries at most one 10 MB file), in order. A file the
 * backend refuses is named in a notification; the others still go.
 */
export function useAttachFiles() {
  const client = useApiClient();
  const queryClient = useQueryClient();
  const [sending, setSending] = useState(false);

  async function attach(eventReportId: string, files: readonly File[]): Promise<number> {
    setSending(true);
    let sent = 0;
    try {
      for (const file of files) {
        const result = await client.call('eventReports.attach', {
          eventReportId,
          ...(await readUpload(file)),
        });
        if (result.ok) {
          sent += 1;
          queryClient.setQueryData(apiKey('eventReports.get', { eventReportId }), result.value);
        } else {
          notifications.show({
            color: 'red',
            title: `附件“${file.name}”未能上传`,
            message: result.error.message,
          });
        }
      }
    } finally {
      setSending(false);
      void queryClient.invalidateQueries({ queryKey: apiKey('eventReports.list') });
    }
    return sent;
  }

  return { attach, sending };
}
