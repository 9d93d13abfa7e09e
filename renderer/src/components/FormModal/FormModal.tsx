import { Modal, type ModalProps } from '@mantine/core';
import { modals } from '@mantine/modals';
import { useState } from 'react';

interface FormModalProps extends ModalProps {
  /** Something typed that closing would lose: the close button, Escape and a click outside ask first. */
  dirty: boolean;
}

/**
 * A dialog holding a form. Escape meant for a popup inside it (a calendar, a select's list) closes
 * only that popup: those mark their input with data-mantine-stop-propagation while open, which the
 * modal's own Escape handler respects.
 */
export function FormModal({ dirty, onClose, closeOnEscape = true, ...props }: FormModalProps) {
  const [asking, setAsking] = useState(false);

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
  return <Modal {...props} onClose={close} closeOnEscape={closeOnEscape && !asking} />;
}
