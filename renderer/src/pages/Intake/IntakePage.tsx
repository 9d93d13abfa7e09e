import { Grid, Loader, Paper, Stack, Title } from '@mantine/core';
import type { ResidentSummary, ServiceItemDetail, ServiceItemSummary } from '@shared/api';
import { useEffect, useRef, useState, type ReactNode } from 'react';
import { useApiMutation, useApiQuery, type ApiCallError } from '../../api';
import {
  MaterialChecklist,
  initialMarks,
  missingRequiredOf,
  toMaterialChecks,
  type MaterialMark,
} from '../../components/MaterialChecklist';
import { DraftNotice, useFormDraft } from '../../components/FormDraft';
import { PageHeader } from '../../components/PageHeader';
import { ResidentLookup } from '../../components/ResidentLookup';
import { ItemFacts } from './ItemFacts';
import { ItemPicker } from '../../components/ItemPicker';
import { OutcomeBar, type Outcome } from './OutcomeBar';
import { PendingSupplements } from './PendingSupplements';
import { RejectModal, type RejectValues } from './RejectModal';
import { SupplementPanel } from './SupplementPanel';
import { useOpenPaper } from './use-open-paper';

/** The marks of one item version; a different version starts from its own fresh list. */
interface Checklist {
  versionId: string;
  marks: MaterialMark[];
}

function marksFor(item: ServiceItemDetail, checklist: Checklist | null): MaterialMark[] {
  return checklist?.versionId === item.versionId ? checklist.marks : initialMarks(item.materials);
}

/** What a half-done intake keeps as the clerk's draft (the resident as the card shows them, masked). */
interface IntakeDraft {
  resident: ResidentSummary | null;
  item: ServiceItemSummary | null;
  checklist: Checklist | null;
  completeOnSpot: boolean;
  note: string;
}

function Step({ title, children }: { title: string; children: ReactNode }) {
  return (
    <Paper withBorder p="md" radius="sm" component="section" aria-label={title} h="100%">
      <Stack gap="sm">
        <Title order={4}>{title}</Title>
        {children}
      </Stack>
    </Paper>
  );
}

/**
 * 受理 at the window, in the order a clerk works: document number, the resident, the item, the
 * checklist, one of three outcomes, and straight on to the paper that goes to the resident.
 */
export function IntakePage() {
  const [resident, setResident] = useState<ResidentSummary | null>(null);
  const [picked, setPicked] = useState<ServiceItemSummary | null>(null);
  const itemId = picked?.id ?? null;
  // A restored draft remounts the picker with its item.
  const [pickerKey, setPickerKey] = useState(0);
  const [checklist, setChecklist] = useState<Checklist | null>(null);
  const [completeOnSpot, setCompleteOnSpot] = useState(true);
  const [note, setNote] = useState('');
  const [supplementId, setSupplementId] = useState<string | null>(null);
  const [rejecting, setRejecting] = useState(false);
  const itemRef = useRef<HTMLInputElement>(null);
  const tableRef = useRef<HTMLTableElement>(null);
  const pendingRef = useRef<HTMLButtonElement>(null);
  const focusChecklist = useRef(false);
  const focusAfterLookup = useRef(false);
  const openPaper = useOpenPaper();
  const draft = useFormDraft<IntakeDraft>(
    'intake',
    resident || picked || note.trim()
      ? { resident, item: picked, checklist, completeOnSpot, note }
      : null,
    (restored) => fill(restored),
  );

  function fill(values: IntakeDraft) {
    setResident(values.resident);
    setPicked(values.item);
    setChecklist(values.checklist);
    setCompleteOnSpot(values.completeOnSpot);
    setNote(values.note);
    setSupplementId(null);
    setPickerKey((key) => key + 1);
  }

  const item = useApiQuery('catalogue.get', { itemId: itemId ?? '' }, { enabled: itemId !== null });
  const residentCases = useApiQuery(
    'cases.ofResident',
    { residentId: resident?.id ?? '' },
    { enabled: resident !== null },
  );
  const pending = (residentCases.data ?? []).filter((c) => c.state === 'pending_supplement');
  const intake = useApiMutation('cases.intake', {
    meta: { errorShownInline: true },
    onSuccess: (saved) => {
      draft.clear();
      openPaper(saved);
    },
  });

  const itemData = itemId !== null ? item.data : undefined;
  const marks = itemData ? marksFor(itemData, checklist) : [];
  const missing = itemData ? missingRequiredOf(itemData.materials, marks) : [];

  // Once the resident's cases are known: a returning resident's waiting case first, else the item.
  const casesKnown = residentCases.data !== undefined && !residentCases.isFetching;
  useEffect(() => {
    if (!focusAfterLookup.current || !casesKnown) return;
    focusAfterLookup.current = false;
    (pending.length > 0 ? pendingRef.current : itemRef.current)?.focus();
  }, [casesKnown, pending.length]);

  // Once the chosen item's materials are on screen, the keyboard goes on into the checklist.
  useEffect(() => {
    if (!itemData || !focusChecklist.current) return;
    focusChecklist.current = false;
    tableRef.current?.querySelector<HTMLInputElement>('input:checked')?.focus();
  }, [itemData]);

  function chooseResident(next: ResidentSummary | null) {
    setResident(next);
    setSupplementId(null);
    intake.reset();
    focusAfterLookup.current = next !== null;
  }

  function save(outcome: Outcome, refusal?: RejectValues) {
    if (!resident || !itemData) return;
    intake.mutate({
      residentId: resident.id,
      itemId: itemData.itemId,
      materials: toMaterialChecks(marks),
      outcome,
      completeOnSpot: outcome === 'complete' && itemData.type === 'instant' && completeOnSpot,
      note: note.trim() || null,
      rejectReason: refusal?.rejectReason ?? null,
      redirectTo: refusal?.redirectTo || null,
      ineligible: refusal?.ineligible ?? false,
    });
  }

  const error: ApiCallError | null = intake.error;
  const rejectErrors = error?.code === 'REJECT_REASON_REQUIRED' ? (error.fields ?? {}) : {};

  return (
    <>
      <PageHeader
        title="受理"
        description="输入证件号码并回车 → 选择办理事项 → 核对材料 → 受理、一次性告知或不予受理，随后打印交群众的文书。"
      />
      <DraftNotice
        draft={draft}
        onDiscard={() =>
          fill({ resident: null, item: null, checklist: null, completeOnSpot: true, note: '' })
        }
      />
      <Stack gap="md">
        <Grid gap="md" align="stretch">
          <Grid.Col span={{ base: 12, lg: 7 }}>
            <Step title="1. 申请人">
              <ResidentLookup resident={resident} onResidentChange={chooseResident} />
              <PendingSupplements
                cases={pending}
                activeId={supplementId}
                onTake={setSupplementId}
                firstButtonRef={pendingRef}
              />
            </Step>
          </Grid.Col>
          <Grid.Col span={{ base: 12, lg: 5 }}>
            <Step title="2. 办理事项">
              <ItemPicker
                key={pickerKey}
                initialItem={picked}
                inputRef={itemRef}
                disabled={supplementId !== null}
                onChange={(chosen) => {
                  setPicked(chosen);
                  setCompleteOnSpot(true);
                  intake.reset();
                  focusChecklist.current = chosen !== null;
                }}
              />
              {itemId !== null && item.isPending && <Loader size="sm" aria-label="正在读取事项" />}
              {itemData && <ItemFacts item={itemData} />}
            </Step>
          </Grid.Col>
        </Grid>
        {supplementId !== null ? (
          <SupplementPanel
            key={supplementId}
            caseId={supplementId}
            onSaved={openPaper}
            onCancel={() => setSupplementId(null)}
          />
        ) : (
          <>
            {itemData && (
              <Step title={`3. 材料核对（${itemData.name}）`}>
                <MaterialChecklist
                  tableRef={tableRef}
                  materials={itemData.materials}
                  marks={marks}
                  onChange={(next) => {
                    setChecklist({ versionId: itemData.versionId, marks: next });
                    intake.reset();
                  }}
                />
              </Step>
            )}
            {resident && itemData && (
              <OutcomeBar
                complete={missing.length === 0}
                instant={itemData.type === 'instant'}
                completeOnSpot={completeOnSpot}
                onCompleteOnSpotChange={setCompleteOnSpot}
                note={note}
                onNoteChange={setNote}
                saving={intake.isPending ? (intake.variables?.outcome ?? null) : null}
                error={error && error.code !== 'REJECT_REASON_REQUIRED' ? error.message : null}
                onSpotError={error?.fields?.completeOnSpot}
                onOutcome={(outcome) =>
                  outcome === 'not_ours' ? setRejecting(true) : save(outcome)
                }
              />
            )}
          </>
        )}
      </Stack>
      <RejectModal
        opened={rejecting}
        onClose={() => setRejecting(false)}
        saving={intake.isPending}
        errors={rejectErrors}
        onConfirm={(values) => save('not_ours', values)}
      />
    </>
  );
}
