import { Alert, Button, Group, Paper, Stack, Switch, TextInput } from '@mantine/core';
import type { MethodInput } from '@shared/api';
import classes from './OutcomeBar.module.css';

export type Outcome = MethodInput<'cases.intake'>['outcome'];

interface OutcomeBarProps {
  /** Nothing required is missing. */
  complete: boolean;
  /** The item is a 即办件, which may be completed on the spot. */
  instant: boolean;
  completeOnSpot: boolean;
  onCompleteOnSpotChange: (value: boolean) => void;
  note: string;
  onNoteChange: (value: string) => void;
  onOutcome: (outcome: Outcome) => void;
  /** The outcome being saved, if any. */
  saving: Outcome | null;
  /** The backend's refusal, when it has no field to sit beside. */
  error: string | null;
  /** Field message for 当场办结. */
  onSpotError?: string | undefined;
}

/** The three outcomes at the window. 受理 needs a complete checklist, 一次性告知 an incomplete one. */
export function OutcomeBar(props: OutcomeBarProps) {
  const busy = props.saving !== null;
  return (
    <Paper
      withBorder
      p="sm"
      radius="sm"
      shadow="sm"
      component="section"
      aria-label="受理结果"
      className={classes.bar}
    >
      <Stack gap="sm">
        {props.error && (
          <Alert color="red" role="alert" py="xs">
            {props.error}
          </Alert>
        )}
        <Group justify="space-between" align="flex-end" wrap="nowrap">
          <Group align="flex-end" wrap="nowrap" style={{ flex: 1 }}>
            <TextInput
              label="备注"
              placeholder="可不填，记入办理过程"
              maxLength={200}
              style={{ flex: 1, maxWidth: 360 }}
              value={props.note}
              onChange={(event) => props.onNoteChange(event.currentTarget.value)}
            />
            {props.instant && (
              <Switch
                label="即办件当场办结并交付"
                mb={8}
                checked={props.completeOnSpot}
                error={props.onSpotError}
                onChange={(event) => props.onCompleteOnSpotChange(event.currentTarget.checked)}
              />
            )}
          </Group>
          <Group gap="sm" wrap="nowrap">
            <Button
              color="teal"
              disabled={!props.complete || busy}
              loading={props.saving === 'complete'}
              onClick={() => props.onOutcome('complete')}
            >
              受理
            </Button>
            <Button
              color="orange"
              disabled={props.complete || busy}
              loading={props.saving === 'incomplete'}
              onClick={() => props.onOutcome('incomplete')}
            >
              一次性告知
            </Button>
            <Button
              color="red"
              variant="outline"
              disabled={busy}
              loading={props.saving === 'not_ours'}
              onClick={() => props.onOutcome('not_ours')}
            >
              不予受理
            </Button>
          </Group>
        </Group>
      </Stack>
    </Paper>
  );
}
