import { Alert, Button, Group, Stack } from '@mantine/core';
import type { DisputeDetail, DisputeParty } from '@shared/api';
import { useState, type ReactNode } from 'react';
import { ApiCallError } from '../../../api';
import { todayIso } from '../../../lib/time';
import { PartyFields } from '../party/PartyFields';
import {
  emptyParty,
  partyFromDetail,
  partyProblems,
  toPartyInput,
  type PartyFormValues,
} from '../party/party-values';
import { fieldsUnder, RESIDENT_FIELDS } from '../party/party-errors';
import { PartyResidentError, useCreateResidents } from '../party/use-create-residents';
import { useDisputeMutation } from '../use-dispute-mutation';
import { FormModal, FormModalCancel } from '../../../components/FormModal';

interface PartyModalProps {
  dispute: DisputeDetail;
  /** The party to correct, or null to add one. */
  party: DisputeParty | null;
  onClose: () => void;
}

export function PartyModal({ dispute, party, onClose }: PartyModalProps) {
  const [initial] = useState<PartyFormValues>(() =>
    party ? partyFromDetail(party) : emptyParty('third_party'),
  );
  const [values, setValues] = useState(initial);
  const [errors, setErrors] = useState<Record<string, ReactNode>>({});
  const [busy, setBusy] = useState(false);
  const save = useDisputeMutation('mediation.saveParty', {
    done: party ? '已修改当事人' : '已增加当事人',
    inline: true,
  });
  const createResidents = useCreateResidents();

  function change(patch: Partial<PartyFormValues>) {
    setValues((current) => ({ ...current, ...patch }));
    setErrors((current) => {
      const next = { ...current };
      for (const key of Object.keys(patch)) delete next[key];
      return next;
    });
  }

  async function submit() {
    const problems = partyProblems(values, todayIso());
    if (Object.keys(problems).length > 0) {
      setErrors(problems);
      return;
    }
    setBusy(true);
    try {
      const [linked] = await createResidents([values]);
      setValues(linked!);
      await save.mutateAsync({
        disputeId: dispute.id,
        ...(party ? { partyId: party.id } : {}),
        party: toPartyInput(linked!),
      });
      onClose();
    } catch (failure) {
      if (failure instanceof PartyResidentError) {
        setErrors(fieldsUnder(failure.cause.fields, '', RESIDENT_FIELDS, failure.message));
      } else if (failure instanceof ApiCallError) {
        setErrors(fieldsUnder(failure.fields, 'party.', {}, failure.message));
      }
    } finally {
      setBusy(false);
    }
  }

  return (
    <FormModal
      dirty={values !== initial}
      opened
      onClose={onClose}
      title={party ? `修改当事人 ${party.name}` : '增加当事人'}
      size="xl"
    >
      <form
        noValidate
        onSubmit={(event) => {
          event.preventDefault();
          void submit();
        }}
      >
        <Stack>
          <PartyFields
            legend={party ? party.name : '新增当事人'}
            value={values}
            errors={errors}
            onChange={change}
            autoFocus
          />
          {errors.form ? (
            <Alert color="red" role="alert">
              {errors.form}
            </Alert>
          ) : null}
          <Group justify="flex-end">
            <FormModalCancel />
            <Button type="submit" loading={busy}>
              保存
            </Button>
          </Group>
        </Stack>
      </form>
    </FormModal>
  );
}
