import { Button, Modal, type ModalProps } from '@mantine/core';
import { modals } from '@mantine/modals';
import { createContext, useContext, useEffect, useRef, useState } from 'react';
import { registerUnsavedWork } from '../../lib/unsaved-work';

interface FormModalProps extends ModalProps {
  /** Something typed that closing would lose: 取消, the close button, Escape and a click outside ask first. */
  dirty: boolean;
}

/** The dialog's own close, which asks first when something typed would be lost. */
const GuardedClose = createContext<(() => void) | null>(null);

/**
 * A dialog holding a form. Escape meant for a popup inside it (a calendar, a select's list) closes
 * only that popup: those mark their input with data-mantine-stop-propagation while open, which the
 * modal's own Escape handler respects.
 */
export function FormModal({ dirty, onClose, closeOnEscape = true, ...props }: FormModalProps) {
  const [asking, setAsking] = useState(false);
  const holdsChanges = useRef(false);
  useEffect(() => {
    holdsChanges.current = props.opened && dirty;
  });
  // Closing the window would lose what the dialog holds: it asks first (lib/unsaved-work.ts).
  useEffect(() => registerUnsavedWork(() => holdsChanges.current), []);

  function close() {
    if (!dirty) {
      onClose();
      return;
    }
    setAsking(true);
    modals.openConfirmModal({
      title: '放弃已填写的内容？',
      children: '对话框中填写的内容还没有保存，关闭后将会丢失。',
      labels: { confirm: '放弃并关闭', cancel: '继续填写' },
      confirmProps: { color: 'red' },
      onConfirm: onClose,
      onClose: () => setAsking(false),
    });
  }

  // While the question is open, its own Escape answers it; this dialog must not ask again.
  return (
    <GuardedClose.Provider value={close}>
      <Modal {...props} onClose={close} closeOnEscape={closeOnEscape && !asking} />
    </GuardedClose.Provider>
  );
}

/** 取消 inside a FormModal: it closes as the dialog's close button does, asking first when dirty. */
export function FormModalCancel() {
  const close = useContext(GuardedClose);
  if (!close) throw new Error('FormModalCancel must be inside a FormModal');
  return (
    <Button variant="default" onClick={close}>
      取消
    </Button>
  );
}
