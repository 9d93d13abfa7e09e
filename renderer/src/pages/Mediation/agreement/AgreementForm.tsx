import {
  Alert,
  Anchor,
  Button,
  Group,
  List,
  Paper,
  Radio,
  SimpleGrid,
  Stack,
  Text,
  Textarea,
  TextInput,
  Title,
} from '@mantine/core';
import { useForm } from '@mantine/form';
import { modals } from '@mantine/modals';
import { notifications } from '@mantine/notifications';
import type { DisputeDetail } from '@shared/api';
import { PARTY_ROLE_LABELS } from '@shared/domain/mediation/agreement';
import { useRef, type ReactNode } from 'react';
import { Link, useNavigate } from 'react-router';
import { ApiCallError } from '../../../api';
import { DateField } from '../../../components/DateField';
import { DraftNotice, useFormDraft } from '../../../components/FormDraft';
import { focusFirstInvalid } from '../../../lib/form';
import { todayIso } from '../../../lib/time';
import { useCurrentUser } from '../../../session';
import { useDisputeMutation } from '../use-dispute-mutation';
import {
  agreementFieldName,
  agreementValues,
  emptyObligation,
  missingNow,
  toAgreementInput,
  type AgreementValues,
} from './agreement-values';
import { ObligationFields } from './ObligationFields';

function Block({ title, children }: { title: string; children: ReactNode }) {
  const id = `agreement-${title}`;
  return (
    <Paper withBorder radius="md" p="md" component="section" aria-labelledby={id}>
      <Title order={3} size="h4" mb="sm" id={id}>
        {title}
      </Title>
      {children}
    </Paper>
  );
}

export function AgreementForm({ dispute }: { dispute: DisputeDetail }) {
  const me = useCurrentUser();
  const navigate = useNavigate();
  const form = useForm<AgreementValues>({
    initialValues: agreementValues(dispute, todayIso(), me.displayName),
  });
  const draft = useDisputeMutation('mediation.saveAgreementDraft', { inline: true });
  const record = useDisputeMutation('mediation.recordAgreement', { inline: true });
  const values = form.values;
  const formRef = useRef<HTMLFormElement>(null);
  // Typed but not yet saved with 保存草稿: kept as this mediator's own draft on this terminal.
  const localDraft = useFormDraft<AgreementValues>(
    `agreement:${dispute.id}`,
    form.isDirty() ? form.getValues() : null,
    (restored) => form.setValues(restored),
  );
  const written = values.form === 'written';
  const missing = missingNow(dispute, values);
  // Particulars of the parties and the team are fixed on the case file, not on this page.
  const outside = missing.filter(
    (field) => field.path.startsWith('parties') || field.path === 'mediators',
  );

  function showErrors(error: unknown) {
    if (!(error instanceof ApiCallError) || !error.fields) return;
    form.setErrors(
      Object.fromEntries(
        Object.entries(error.fields).map(([path, message]) => [agreementFieldName(path), message]),
      ),
    );
    focusFirstInvalid(formRef.current);
  }

  async function saveDraft(then?: () => void) {
    try {
      await draft.mutateAsync({
        disputeId: dispute.id,
        agreement: toAgreementInput(form.getValues()),
      });
      localDraft.clear();
      form.resetDirty();
      if (then) then();
      else notifications.show({ color: 'teal', message: '已保存协议草稿' });
    } catch (error) {
      showErrors(error);
    }
  }

  function confirmRecord() {
    const current = form.getValues();
    modals.openConfirmModal({
      title: current.form === 'written' ? '记录调解成功' : '记录口头协议',
      children: (
        <Text size="sm">
          {current.form === 'written'
            ? '请确认协议书已由各方当事人签名（或按指印）、调解员签名并加盖调委会印章。记录后案件为“调解成功”，协议不能再修改，并安排回访。'
            : '口头协议由调解员记录在案，不制作协议书。记录后案件为“调解成功”，并安排回访。'}
        </Text>
      ),
      labels: { confirm: '确认记录', cancel: '取消' },
      onConfirm: () =>
        record.mutate(
          { disputeId: dispute.id, agreement: toAgreementInput(current) },
          {
            onSuccess: (saved) => {
              localDraft.clear();
              const visit = saved.followUps.find((followUp) => followUp.state === 'due');
              notifications.show({
                color: 'teal',
                title: '已记录调解成功',
                message: visit ? `回访定于 ${visit.dueOn} 前` : '协议已记录',
              });
              void navigate(`/mediation/${dispute.id}`);
            },
            onError: showErrors,
          },
        ),
    });
  }

  return (
    <form
      ref={formRef}
      noValidate
      onSubmit={(event) => {
        event.preventDefault();
        confirmRecord();
      }}
    >
      <Stack gap="md">
        <DraftNotice draft={localDraft} onDiscard={() => form.reset()} />
        <Block title="协议形式">
          <Radio.Group label="协议形式" withAsterisk {...form.getInputProps('form')}>
            <Group mt={6}>
              <Radio value="written" label="书面协议（制作调解协议书）" />
              <Radio value="oral" label="口头协议（调解员记录在案）" />
            </Group>
          </Radio.Group>
        </Block>
        <Block title="纠纷事实与责任">
          <Stack gap="sm">
            <Textarea
              label="纠纷主要事实"
              withAsterisk={written}
              autosize
              minRows={3}
              data-autofocus
              {...form.getInputProps('facts')}
            />
            <Textarea
              label="争议事项"
              withAsterisk={written}
              autosize
              minRows={2}
              {...form.getInputProps('disputedMatters')}
            />
            {dispute.parties.map((party) => (
              <Textarea
                key={party.id}
                label={`${PARTY_ROLE_LABELS[party.role]}${party.name}应承担的责任`}
                description="无责任的写“无”"
                withAsterisk={written}
                autosize
                minRows={1}
                {...form.getInputProps(`responsibilities.${party.id}`)}
                value={values.responsibilities[party.id] ?? ''}
              />
            ))}
          </Stack>
        </Block>
        <Block title="协议履行事项">
          <Stack gap="sm">
            {values.obligations.map((obligation, index) => (
              <ObligationFields
                key={obligation.key}
                form={form}
                index={index}
                parties={dispute.parties}
                written={written}
              />
            ))}
            <Group>
              <Button
                variant="light"
                size="xs"
                onClick={() => form.insertListItem('obligations', emptyObligation())}
              >
                增加履行事项
              </Button>
            </Group>
          </Stack>
        </Block>
        <Block title="签订">
          <SimpleGrid cols={{ base: 1, md: 3 }} spacing="sm">
            <DateField label="协议日期" withAsterisk {...form.getInputProps('agreedOn')} />
            <DateField
              label="生效日期"
              description="留空则为协议日期"
              {...form.getInputProps('effectiveOn')}
            />
            <TextInput label="记录人" {...form.getInputProps('recorderName')} />
          </SimpleGrid>
          <Text size="sm" mt="sm" c="dimmed">
            调解员：{dispute.mediators.map((mediator) => mediator.name).join('、') || '尚未指派'}
            {written
              ? `。本协议一式${dispute.parties.length + 1}份，当事人各执一份，调委会留存一份。`
              : '。口头协议不制作协议书。'}
          </Text>
        </Block>
        {missing.length > 0 ? (
          <Alert color="yellow" title={`签订前尚缺 ${missing.length} 项`}>
            <List size="sm">
              {missing.map((field) => (
                <List.Item key={field.path}>{field.label}</List.Item>
              ))}
            </List>
            {outside.length > 0 ? (
              <Text size="sm" mt="xs">
                当事人信息和调解员请在
                <Anchor component={Link} to={`/mediation/${dispute.id}`}>
                  案卷
                </Anchor>
                中补充。
              </Text>
            ) : null}
          </Alert>
        ) : null}
        <Group justify="flex-end">
          <Button variant="default" loading={draft.isPending} onClick={() => void saveDraft()}>
            保存草稿
          </Button>
          {written ? (
            <Button
              variant="default"
              disabled={missing.length > 0}
              loading={draft.isPending}
              onClick={() =>
                void saveDraft(() => void navigate(`/print/mediation/${dispute.id}/agreement`))
              }
            >
              保存并打印协议书
            </Button>
          ) : null}
          <Button type="submit" loading={record.isPending} disabled={missing.length > 0}>
            {written ? '已签订，记录调解成功' : '记录口头协议'}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
