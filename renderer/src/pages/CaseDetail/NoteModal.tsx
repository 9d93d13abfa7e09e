import { Alert, Button, Group, Stack, Textarea } from '@mantine/core';
import { useForm } from '@mantine/form';
import { showFieldErrors } from '../../lib/form';
import { NOTE_FIELDS, type NoteAction } from './note-fields';
import { useCaseMutation } from './use-case-mutation';
import { FormModal, FormModalCancel } from '../../components/FormModal';

interface NoteModalProps {
  caseId: string;
  /** The action being confirmed; null when the modal is closed. */
  action: NoteAction | null;
  onClose: () => void;
}

const NOTE_MAX = 500;

/** Confirms one workflow action with the note the timeline keeps (a reason where one is due). */
export function NoteModal({ caseId, action, onClose }: NoteModalProps) {
  const field = action ? NOTE_FIELDS[action] : null;
  const form = useForm({
    mode: 'uncontrolled',
    initialValues: { note: '' },
    validate: {
      note: (value) => (field?.required && value.trim() === '' ? `请填写${field.label}` : null),
    },
  });
  const transition = useCaseMutation('cases.transition', `已${field?.title ?? '办理'}`);
  const handOut = useCaseMutation('cases.handOut', '已登记结果送达');
  const pending = transition.isPending || handOut.isPending;
  const error = transition.error ?? handOut.error;

  function close() {
    form.reset();
    transition.reset();
    handOut.reset();
    onClose();
  }

  function submit({ note }: { note: string }) {
    if (!action || !field) return;
    const text = note.trim() || null;
    const done = {
      onSuccess: close,
      onError: (e: unknown) => showFieldErrors(form, e, { resultNote: 'note' }),
    };
    if (action === 'hand_out') {
      handOut.mutate({ caseId, note: text }, done);
      return;
    }
    transition.mutate(
      {
        caseId,
        action,
        note: field.target === 'note' ? text : null,
        resultNote: field.target === 'resultNote' ? text : null,
      },
      done,
    );
  }

  return (
    <FormModal
      dirty={form.isDirty()}
      opened={action !== null}
      onClose={close}
      title={field?.title}
      size="md"
    >
      {field ? (
        <form noValidate onSubmit={form.onSubmit(submit)}>
          <Stack gap="md">
            <Textarea
              label={field.label}
              description={`${field.description}。按 Enter 确定，Shift+Enter 换行`}
              withAsterisk={field.required}
              data-autofocus
              autosize
              minRows={3}
              maxRows={8}
              maxLength={NOTE_MAX}
              key={form.key('note')}
              {...form.getInputProps('note')}
              onKeyDown={(event) => {
                // An input method's Enter picks a character; only a plain Enter submits.
                if (event.key === 'Enter' && !event.shiftKey && !event.nativeEvent.isComposing) {
                  event.preventDefault();
                  event.currentTarget.form?.requestSubmit();
                }
              }}
            />
            {error && !error.fields?.note && !error.fields?.resultNote ? (
              <Alert color="red" role="alert">
                {error.message}
              </Alert>
            ) : null}
            <Group justify="flex-end">
              <FormModalCancel />
              <Button type="submit" color={field.danger ? 'red' : undefined} loading={pending}>
                {field.title}
              </Button>
            </Group>
          </Stack>
        </form>
      ) : null}
    </FormModal>
  );
}
