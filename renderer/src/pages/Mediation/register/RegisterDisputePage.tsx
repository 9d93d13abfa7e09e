import { Alert, Button, Checkbox, Group, Paper, Stack, Text, Title } from '@mantine/core';
import { useForm, type FormErrors } from '@mantine/form';
import { modals } from '@mantine/modals';
import { useQueryClient } from '@tanstack/react-query';
import type { ErrorCode } from '@shared/api';
import { useRef, useState, type ReactNode } from 'react';
import { useNavigate } from 'react-router';
import { ApiCallError, useApiMutation } from '../../../api';
import { DraftNotice, useFormDraft } from '../../../components/FormDraft';
import { PageHeader } from '../../../components/PageHeader';
import { focusFirstInvalid, showFieldErrors } from '../../../lib/form';
import { todayIso } from '../../../lib/time';
import { fieldsUnder, RESIDENT_FIELDS } from '../party/party-errors';
import { PartyFields } from '../party/PartyFields';
import {
  emptyParty,
  partyProblems,
  toPartyInput,
  type PartyFormValues,
} from '../party/party-values';
import { PartyResidentError, useCreateResidents } from '../party/use-create-residents';
import { refreshDisputeViews } from '../use-dispute-mutation';
import {
  DISPUTE_FIELD_RENAMES,
  EMPTY_DISPUTE_FIELDS,
  toDisputeFields,
  type DisputeFieldsValues,
} from './dispute-fields';
import { DisputeFieldsInputs } from './DisputeFieldsInputs';
import { AbbreviationWarning, RegisterFailure } from './RegisterFailure';
import { validateDisputeFields } from './validate-fields';

interface RegisterValues extends DisputeFieldsValues {
  parties: PartyFormValues[];
  acceptNow: boolean;
}

const NUMERALS = ['一', '二', '三', '四', '五', '六', '七', '八', '九', '十'];
const partyLegend = (index: number) => `第${NUMERALS[index] ?? index + 1}位当事人`;

function validate(values: RegisterValues): FormErrors {
  const errors: FormErrors = { ...validateDisputeFields(values) };
  const today = todayIso();
  values.parties.forEach((party, index) => {
    for (const [field, message] of Object.entries(partyProblems(party, today))) {
      errors[`parties.${index}.${field}`] = message;
    }
  });
  return errors;
}

function partyErrors(errors: FormErrors, index: number): Record<string, ReactNode> {
  const prefix = `parties.${index}.`;
  return Object.fromEntries(
    Object.entries(errors)
      .filter(([path]) => path.startsWith(prefix))
      .map(([path, message]) => [path.slice(prefix.length), message]),
  );
}

/** 登记: the dispute, its parties (by document number first), and 受理 on the spot. */
export function RegisterDisputePage() {
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const form = useForm<RegisterValues>({
    initialValues: {
      ...EMPTY_DISPUTE_FIELDS,
      // Most disputes come in as a party's application; the others are chosen.
      source: 'application',
      parties: [emptyParty('applicant'), emptyParty('respondent')],
      acceptNow: true,
    },
    validate,
  });
  const register = useApiMutation('mediation.register', { meta: { errorShownInline: true } });
  const [failureCode, setFailureCode] = useState<ErrorCode | null>(null);
  const createResidents = useCreateResidents();
  const parties = form.values.parties;
  const formRef = useRef<HTMLFormElement>(null);
  const draft = useFormDraft<RegisterValues>(
    'dispute.register',
    form.isDirty() ? form.getValues() : null,
    // Fresh list keys: the restored ones may repeat those this page hands out next.
    (restored) =>
      form.setValues({
        ...restored,
        parties: restored.parties.map((party) => ({ ...party, key: emptyParty(party.role).key })),
      }),
  );

  function changeParty(index: number, patch: Partial<PartyFormValues>) {
    const current = form.getValues().parties[index];
    if (!current) return;
    form.setFieldValue(`parties.${index}`, { ...current, ...patch });
    for (const field of Object.keys(patch)) form.clearFieldError(`parties.${index}.${field}`);
  }

  async function submit(values: RegisterValues) {
    setFailureCode(null);
    try {
      const linked = await createResidents(values.parties);
      form.setFieldValue('parties', linked);
      const { dispute, immediateReport } = await register.mutateAsync({
        ...toDisputeFields(values),
        parties: linked.map(toPartyInput),
        acceptNow: values.acceptNow,
      });
      draft.clear();
      refreshDisputeViews(queryClient, dispute);
      void navigate(`/mediation/${dispute.id}`);
      if (immediateReport) {
        modals.open({
          title: '已报送事件报告',
          children: (
            <Stack>
              <Alert color="red">{immediateReport.message}</Alert>
              <Text size="sm">
                案号 {dispute.caseNo}。请同时电话报告{immediateReport.receivingOrgName}
                负责人，并做好稳控工作。
              </Text>
              <Group justify="flex-end">
                <Button onClick={() => modals.closeAll()}>知道了</Button>
              </Group>
            </Stack>
          ),
        });
      }
    } catch (failure) {
      if (failure instanceof PartyResidentError) {
        const errors = fieldsUnder(failure.cause.fields, '', RESIDENT_FIELDS, failure.message);
        form.setErrors(
          Object.fromEntries(
            Object.entries(errors).map(([field, message]) => [
              `parties.${failure.partyIndex}.${field === 'form' ? 'idNumber' : field}`,
              message,
            ]),
          ),
        );
        focusFirstInvalid(formRef.current);
      } else if (failure instanceof ApiCallError) {
        showFieldErrors(form, failure, DISPUTE_FIELD_RENAMES);
        focusFirstInvalid(formRef.current);
        if (!failure.fields) form.setErrors({ form: failure.message });
        setFailureCode(failure.code);
      }
    }
  }

  return (
    <>
      <PageHeader
        title="登记纠纷"
        description="先填纠纷情况，再逐一登记当事人。自然人先输入证件号码，已有居民档案的自动带出。"
      />
      <DraftNotice draft={draft} onDiscard={() => form.reset()} />
      <form
        ref={formRef}
        noValidate
        onSubmit={form.onSubmit(
          (values) => void submit(values),
          () => focusFirstInvalid(formRef.current),
        )}
      >
        <Stack gap="md">
          <AbbreviationWarning />
          <Paper withBorder radius="md" p="md" component="section" aria-labelledby="register-facts">
            <Title order={3} size="h4" mb="sm" id="register-facts">
              纠纷情况
            </Title>
            <DisputeFieldsInputs form={form} autoFocus />
          </Paper>
          <Paper
            withBorder
            radius="md"
            p="md"
            component="section"
            aria-labelledby="register-parties"
          >
            <Group justify="space-between" mb="sm">
              <Title order={3} size="h4" id="register-parties">
                当事人
              </Title>
              <Button
                variant="light"
                size="xs"
                onClick={() => form.insertListItem('parties', emptyParty('third_party'))}
              >
                增加当事人
              </Button>
            </Group>
            <Stack gap="md">
              {parties.map((party, index) => (
                <PartyFields
                  key={party.key}
                  legend={partyLegend(index)}
                  value={party}
                  errors={partyErrors(form.errors, index)}
                  onChange={(patch) => changeParty(index, patch)}
                  removeButton={
                    parties.length > 2 ? (
                      <Button
                        variant="subtle"
                        color="red"
                        size="xs"
                        aria-label={`删除${partyLegend(index)}`}
                        onClick={() => form.removeListItem('parties', index)}
                      >
                        删除
                      </Button>
                    ) : null
                  }
                />
              ))}
            </Stack>
          </Paper>
          {form.errors.form ? (
            <RegisterFailure message={String(form.errors.form)} code={failureCode} />
          ) : null}
          <Group justify="space-between">
            <Checkbox
              label="当场受理（调解期限自今日起一个月）"
              {...form.getInputProps('acceptNow', { type: 'checkbox' })}
            />
            <Group>
              <Button variant="default" onClick={() => void navigate('/mediation')}>
                取消
              </Button>
              <Button type="submit" loading={register.isPending}>
                登记
              </Button>
            </Group>
          </Group>
        </Stack>
      </form>
    </>
  );
}
