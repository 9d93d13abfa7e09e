import { ModalsProvider } from '@mantine/modals';
import type { ReactNode } from 'react';

/**
 * Where modals.open… shows its dialogs, for the screens that open any: the shell and recovery. Not
 * around the whole app: Mantine's Modal, its scroll area and @floating-ui would join the sign-in
 * screen's script, which opens none (issue 12).
 */
export function DeskModals({ children }: { children: ReactNode }) {
  return <ModalsProvider labels={{ confirm: '确定', cancel: '取消' }}>{children}</ModalsProvider>;
}
