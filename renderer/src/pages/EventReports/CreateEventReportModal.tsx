import {
  Button,
  FileInput,
  Group,
  NumberInput,
  SegmentedControl,
  Select,
  SimpleGrid,
  Stack,
  Text,
  TextInput,
  Textarea,
} from '@mantine/core';
import { useForm } from '@mantine/form';
import { notifications } from '@mantine/notifications';
import { URGENCIES, URGENCY_LABELS, type EventReport } from '@shared/api';
import { useQueryClient } from '@tanstack/react-query';
import { useNavigate } from 'react-router';
import { apiKey, useApiMutation, useApiQuery } from '../../api';
import { DateField } from '../../components/DateField';
import { showFieldErrors } from '../../lib/form';
import { referenceOptions, useMediationReference } from '../../lib/mediation-reference';
import { UPLOAD_ACCEPT, uploadProblem } from '../../lib/upload-file';
import { useCurrentUser } from '../../session';
import { useAttachFiles } from './use-attach-files';
import { FormModal, FormModalCancel } from '../../components/FormModal';

interface ReportValues {
  category: string | null;
  urgency: EventReport['urgency'];
  title: string;
  description: string;
  occurredOn: string | null;
  place: string;
  peopleInvolved: number | string;
  files: File[];
}

const INITIAL: ReportValues = {
  category: null,
  urgency: 'normal',
  title: '',
  description: '',
  occurredOn: null,
  place: '',
  peopleInvolved: '',
  files: [],
};

function validate(values: ReportValues) {
  return {
    category: values.category ? null : '请选择事件类别',
    title: values.title.trim() ? null : '请填写事件标题',
    description: values.description.trim() ? null : '请填写事件情况',
    files: values.files.map(uploadProblem).find((problem) => problem !== null) ?? null,
  };
}

/**
 * The unit a report from the caller's unit goes to: the parent, or itself at the top. A village sees
 * only its own branch of the org tree, so the parent may be known by position alone.
 */
function useReceivingUnit(): string {
  const user = useCurrentUser();
  const units = useApiQuery('orgUnits.list', {});
  const own = units.data?.find((unit) => unit.id === user.orgUnitId);
  if (!own) return '上一级单位';
  if (!own.parentId) return own.name;
  return units.data?.find((unit) => unit.id === own.parentId)?.name ?? '上一级单位';
}

interface CreateEventReportModalProps {
  opened: boolean;
  onClose: () => void;
}

/** 报告事件: the report goes up at once; its photos and scans follow, one call each. */
export function CreateEventReportModal({ opened, onClose }: CreateEventReportModalProps) {
  const user = useCurrentUser();
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const reference = useMediationReference();
  const receiving = useReceivingUnit();
  const form = useForm<ReportValues>({ initialValues: INITIAL, validate });
  const { attach, sending } = useAttachFiles();
  const create = useApiMutation('eventReports.create', { meta: { errorShownInline: true } });

  function close() {
    form.reset();
    create.reset();
    onClose();
  }

  const submit = form.onSubmit((values) =>
    create.mutate(
      {
        category: values.category!,
        urgency: values.urgency,
        title: values.title,
        description: values.description,
        occurredOn: values.occurredOn,
        place: values.place,
        peopleInvolved: values.peopleInvolved === '' ? null : Number(values.peopleInvolved),
      },
      {
        onSuccess: async (report) => {
          queryClient.setQueryData(
            apiKey('eventReports.get', { eventReportId: report.id }),
            report,
          );
          const sent = await attach(report.id, values.files);
          notifications.show({
            color: 'teal',
            message: `事件报告已报送${report.receivingOrgName}${sent > 0 ? `，附件 ${sent} 个` : ''}`,
          });
          close();
          void navigate(`/event-reports/${report.id}`);
        },
        onError: (error) => showFieldErrors(form, error),
      },
    ),
  );

  return (
    <FormModal dirty={form.isDirty()} opened={opened} onClose={close} title="报告事件" size="lg">
      <form noValidate onSubmit={submit}>
        <Stack gap="sm">
          <Text size="sm" c="dimmed">
            报告人：{user.displayName}（{user.orgUnitName}），报送至：{receiving}
            。事件报告单独报送，不计入纠纷受理和调解成功率统计。
          </Text>
          <SimpleGrid cols={2}>
            <Select
              label="事件类别"
              withAsterisk
              data-autofocus
              allowDeselect={false}
              data={referenceOptions(reference.data?.eventReportCategories)}
              {...form.getInputProps('category')}
            />
            <Stack gap={4}>
              <Text size="sm" fw={500} id="urgency-label">
                紧急程度
              </Text>
              <SegmentedControl
                aria-labelledby="urgency-label"
                data={URGENCIES.map((value) => ({ value, label: URGENCY_LABELS[value] }))}
                {...form.getInputProps('urgency')}
              />
            </Stack>
          </SimpleGrid>
          <TextInput label="事件标题" withAsterisk {...form.getInputProps('title')} />
          <Textarea
            label="事件情况"
            description="时间、地点、涉及人员、起因和目前态势，已采取的措施"
            withAsterisk
            autosize
            minRows={4}
            {...form.getInputProps('description')}
          />
          <SimpleGrid cols={3}>
            <DateField label="发生日期" {...form.getInputProps('occurredOn')} />
            <TextInput label="发生地点" {...form.getInputProps('place')} />
            <NumberInput
              label="涉及人数"
              min={1}
              allowDecimal={false}
              {...form.getInputProps('peopleInvolved')}
            />
          </SimpleGrid>
          <FileInput
            label="附件（照片或扫描件）"
            description="JPG、PNG、WebP 图片或 PDF，每个不超过 10 MB，可多选"
            placeholder="选择文件"
            multiple
            clearable
            accept={UPLOAD_ACCEPT}
            {...form.getInputProps('files')}
          />
          <Group justify="flex-end">
            <FormModalCancel />
            <Button type="submit" loading={create.isPending || sending}>
              报送
            </Button>
          </Group>
        </Stack>
      </form>
    </FormModal>
  );
}
