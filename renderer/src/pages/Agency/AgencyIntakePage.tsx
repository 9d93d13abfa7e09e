import { Alert, Button, Divider, Group, Paper, Stack, Text, TextInput, Title } from '@mantine/core';
import { useForm } from '@mantine/form';
import {
  casesMethods,
  type CaseDetail,
  type ResidentSummary,
  type ServiceItemSummary,
} from '@shared/api';
import { shanghaiDate } from '@shared/domain/calendar/plain-date';
import { AGENCY_HANDOVER_WORKING_DAYS } from '@shared/domain/cases/deadline';
import { useEffect, useRef, useState } from 'react';
import { useApiMutation, useApiQuery } from '../../api';
import {
  initialMarks,
  MaterialChecklist,
  toMaterialChecks,
  type MaterialMark,
} from '../../components/MaterialChecklist';
import { DateField } from '../../components/DateField';
import { DraftNotice, useFormDraft } from '../../components/FormDraft';
import { PageHeader } from '../../components/PageHeader';
import { ResidentLookup } from '../../components/ResidentLookup';
import { allOf, focusFirstInvalid, showFieldErrors, zodValidator } from '../../lib/form';
import { AgencyFiledPanel } from './AgencyFiledPanel';
import { AgencyItemSelect } from './AgencyItemSelect';
import { agencyMarks, attorneyPosition } from './agency-marks';
import { AgentCard } from './AgentCard';
import { AgencyReasonInput } from './AgencyReasonInput';
import { useCurrentUser } from '../../session';
import { useRefreshCases } from './use-case-action';

const AGENCY_ADVICE = {
  complete: '必交材料已齐全，保存后请按时移交乡镇（街道）受理。',
  incomplete: '可先请申请人补齐再移交；移交后乡镇（街道）接收时将出具一次性告知单。',
};

/** The contract's own rules for what the agent types; the date's upper bound is today's. */
const attorneySchema = casesMethods['cases.agencyIntake'].input.pick({
  attorneyDate: true,
  reason: true,
});

interface AgencyValues {
  attorneyDate: string | null;
  reason: string;
  note: string;
}

/** What a half-done filing keeps as the agent's draft. */
interface AgencyDraft {
  resident: ResidentSummary | null;
  item: ServiceItemSummary | null;
  marksOf: { versionId: string; marks: MaterialMark[] } | null;
  values: AgencyValues;
}

const EMPTY_VALUES: AgencyValues = { attorneyDate: null, reason: '', note: '' };

function Section({ title, children }: { title: string; children: React.ReactNode }) {
  return (
    <Paper withBorder p="md" radius="md" component="section" aria-label={title}>
      <Title order={3} size="h4" mb="sm">
        {title}
      </Title>
      {children}
    </Paper>
  );
}

/** 代办收件: a village agent files an application on a resident's behalf. */
export function AgencyIntakePage() {
  const [today] = useState(() => shanghaiDate(Date.now()));
  const [resident, setResident] = useState<ResidentSummary | null>(null);
  const me = useCurrentUser();
  const [picked, setPicked] = useState<ServiceItemSummary | null>(null);
  const itemId = picked?.id ?? null;
  // A restored draft or a new filing remounts the picker with its item.
  const [pickerKey, setPickerKey] = useState(0);
  const [marksOf, setMarksOf] = useState<{ versionId: string; marks: MaterialMark[] } | null>(null);
  const [problems, setProblems] = useState<{ resident?: string; item?: string; attorney?: string }>(
    {},
  );
  const [filed, setFiled] = useState<CaseDetail | null>(null);
  // Keyboard first: the resident found leads to the item, the item chosen to its checklist.
  const itemRef = useRef<HTMLInputElement>(null);
  const tableRef = useRef<HTMLTableElement>(null);
  const focusChecklist = useRef(false);
  const formRef = useRef<HTMLFormElement>(null);
  const item = useApiQuery('catalogue.get', { itemId: itemId ?? '' }, { enabled: itemId !== null });
  const refresh = useRefreshCases();
  const form = useForm<AgencyValues>({
    initialValues: EMPTY_VALUES,
    validate: allOf<AgencyValues>(
      ({ attorneyDate }) => ({
        attorneyDate: !attorneyDate
          ? '请填写委托书签署日期'
          : attorneyDate > today
            ? '委托日期不能晚于今天'
            : null,
      }),
      zodValidator(attorneySchema),
    ),
  });
  const draft = useFormDraft<AgencyDraft>(
    'agency',
    !filed && (resident || picked || form.isDirty())
      ? { resident, item: picked, marksOf, values: form.getValues() }
      : null,
    (restored) => fill(restored),
  );
  const intake = useApiMutation('cases.agencyIntake', {
    onSuccess: (detail) => {
      draft.clear();
      refresh();
      setFiled(detail);
    },
  });

  function fill(values: AgencyDraft) {
    setResident(values.resident);
    setPicked(values.item);
    setMarksOf(values.marksOf);
    setProblems({});
    form.setValues(values.values);
    setPickerKey((key) => key + 1);
  }

  const version = item.data && item.data.itemId === itemId ? item.data : null;
  const materials = version?.materials ?? [];
  const marks =
    version && marksOf?.versionId === version.versionId
      ? marksOf.marks
      : agencyMarks(materials, initialMarks(materials));
  const attorney = attorneyPosition(materials);

  useEffect(() => {
    if (!version || !focusChecklist.current) return;
    focusChecklist.current = false;
    tableRef.current?.querySelector<HTMLInputElement>('input:checked')?.focus();
  }, [version]);

  function startOver() {
    fill({ resident: null, item: null, marksOf: null, values: EMPTY_VALUES });
    setFiled(null);
    form.reset();
  }

  function submit(values: AgencyValues) {
    const found = {
      resident: resident ? undefined : '请先按证件号码查找或登记申请人（委托人）',
      item: version ? undefined : '请选择代办事项',
      attorney:
        attorney >= 0 && marks[attorney]?.status !== 'received'
          ? '代办须收取申请人签署的授权委托书，请在材料清单中核对'
          : undefined,
    };
    setProblems(found);
    // Take the agent to the first thing to put right; 保存 sits far below it.
    if (found.item) itemRef.current?.focus();
    else if (found.attorney) {
      const row = tableRef.current?.querySelectorAll('tbody tr')[attorney];
      row?.querySelector<HTMLInputElement>('input:checked')?.focus();
    }
    if (!resident || !version || found.attorney || !values.attorneyDate) return;
    const note = values.note.trim();
    intake.mutate(
      {
        residentId: resident.id,
        itemId: version.itemId,
        materials: toMaterialChecks(marks),
        attorneyDate: values.attorneyDate,
        reason: values.reason,
        note: note === '' ? null : note,
      },
      { onError: (error) => showFieldErrors(form, error) },
    );
  }

  return (
    <>
      <PageHeader
        title="代办收件"
        description={`为群众代为申请：核对身份和材料、收取授权委托书，收件后 ${AGENCY_HANDOVER_WORKING_DAYS} 个工作日内移交乡镇（街道）。`}
      />
      {filed ? (
        <AgencyFiledPanel filed={filed} onNext={startOver} />
      ) : (
        <Stack gap="md">
          <DraftNotice draft={draft} onDiscard={startOver} />
          <Section title="申请人（委托人）">
            <ResidentLookup
              resident={resident}
              defaultVillageId={me.orgUnitId}
              onResidentChange={(next) => {
                setResident(next);
                if (next) itemRef.current?.focus();
                setProblems((current) => ({ ...current, resident: undefined }));
              }}
            />
            {problems.resident ? (
              <Text c="red.8" size="sm" mt="xs" role="alert">
                {problems.resident}
              </Text>
            ) : null}
          </Section>
          <Section title="受托人（代办员）">
            <AgentCard />
          </Section>
          <form
            ref={formRef}
            noValidate
            onSubmit={(event) =>
              form.onSubmit(submit, () => focusFirstInvalid(formRef.current))(event)
            }
          >
            <Stack gap="md">
              <Section title="代办事项和材料">
                <Stack gap="md">
                  <AgencyItemSelect
                    key={pickerKey}
                    ref={itemRef}
                    initialItem={picked}
                    onChange={(next) => {
                      focusChecklist.current = next !== null;
                      setPicked(next);
                      setProblems((current) => ({
                        ...current,
                        item: undefined,
                        attorney: undefined,
                      }));
                    }}
                    error={problems.item}
                  />
                  {version ? (
                    <>
                      <Text size="sm" c="dimmed">
                        {version.department} · 承诺 {version.promisedDays}{' '}
                        个工作日（乡镇接收后起算）
                      </Text>
                      <MaterialChecklist
                        advice={AGENCY_ADVICE}
                        tableRef={tableRef}
                        materials={materials}
                        marks={marks}
                        onChange={(next) => {
                          setMarksOf({ versionId: version.versionId, marks: next });
                          setProblems((current) => ({ ...current, attorney: undefined }));
                        }}
                      />
                    </>
                  ) : null}
                  {problems.attorney ? (
                    <Alert color="red" variant="light" role="alert">
                      {problems.attorney}
                    </Alert>
                  ) : null}
                </Stack>
              </Section>
              <Section title="委托和代办原因">
                <Group align="flex-start" grow>
                  <DateField
                    label="委托书签署日期"
                    withAsterisk
                    maxDate={today}
                    description="授权委托书上申请人签字的日期"
                    {...form.getInputProps('attorneyDate')}
                  />
                  <AgencyReasonInput {...form.getInputProps('reason')} />
                </Group>
                <TextInput
                  mt="md"
                  label="备注"
                  description="选填"
                  maxLength={200}
                  {...form.getInputProps('note')}
                />
              </Section>
              <Divider />
              <Group justify="flex-end">
                <Button type="submit" size="md" loading={intake.isPending}>
                  保存代办件
                </Button>
              </Group>
            </Stack>
          </form>
        </Stack>
      )}
    </>
  );
}
