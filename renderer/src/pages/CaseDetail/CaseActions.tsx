import { Button, Group } from '@mantine/core';
import type { CaseDetail } from '@shared/api';
import { CASE_ACTIONS, type CaseAction } from '@shared/domain/cases/case-workflow';
import { useState } from 'react';
import { canCall } from '../../lib/access';
import { useCurrentUser } from '../../session';
import { awaitsHandOut } from './case-labels';
import { MaterialCheckModal } from './MaterialCheckModal';
import type { NoteAction } from './note-fields';
import { NoteModal } from './NoteModal';

interface CaseActionsProps {
  detail: CaseDetail;
}

/** The next steps forward get the filled buttons; turning a case away gets red outlines. */
const VARIANTS: Record<CaseAction, { variant: string; color?: string }> = {
  receive: { variant: 'filled' },
  supplement: { variant: 'filled' },
  start: { variant: 'filled' },
  complete: { variant: 'filled', color: 'teal' },
  hand_over: { variant: 'filled' },
  request_supplement: { variant: 'light', color: 'orange' },
  return: { variant: 'outline', color: 'red' },
  reject: { variant: 'outline', color: 'red' },
  withdraw: { variant: 'outline', color: 'gray' },
};

/**
 * The actions the workflow offers this role in this state (the backend's availableActions), and
 * 登记送达 once a result is there to hand over. Nothing is shown that the role may not do.
 */
export function CaseActions({ detail }: CaseActionsProps) {
  const me = useCurrentUser();
  const [noteAction, setNoteAction] = useState<NoteAction | null>(null);
  const [checkMode, setCheckMode] = useState<'receive' | 'supplement' | null>(null);
  // An agent hands back the results of the cases filed at the village, the counter everything else.
  const canHandOut =
    awaitsHandOut(detail) &&
    canCall(me.role, 'cases.handOut') &&
    (me.role !== 'agent' || detail.channel === 'agency');

  if (detail.availableActions.length === 0 && !canHandOut) return null;
  return (
    <>
      <Group gap="sm" role="group" aria-label="办理操作">
        {detail.availableActions.map((action) => (
          <Button
            key={action}
            {...VARIANTS[action]}
            onClick={() =>
              action === 'receive' || action === 'supplement'
                ? setCheckMode(action)
                : setNoteAction(action)
            }
          >
            {CASE_ACTIONS[action].label}
          </Button>
        ))}
        {canHandOut ? (
          <Button variant="filled" color="teal" onClick={() => setNoteAction('hand_out')}>
            登记送达
          </Button>
        ) : null}
      </Group>
      <NoteModal caseId={detail.id} action={noteAction} onClose={() => setNoteAction(null)} />
      <MaterialCheckModal
        key={checkMode ?? 'closed'}
        detail={detail}
        mode={checkMode}
        onClose={() => setCheckMode(null)}
      />
    </>
  );
}
