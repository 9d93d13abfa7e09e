import { modals } from '@mantine/modals';
import { useEffect, useRef } from 'react';
import { useBlocker } from 'react-router';

/**
 * Leaving the page by the menu or a link while something typed is not yet stored first tries to store
 * it (`save`); only if that fails does it ask. Closing the window cannot wait for a save: it asks
 * while anything is unstored (lib/unsaved-work.ts).
 */
export function useLeaveGuard(unsaved: () => boolean, save: () => Promise<boolean>) {
  const blocker = useBlocker(
    ({ currentLocation, nextLocation }) =>
      currentLocation.pathname !== nextLocation.pathname && unsaved(),
  );
  const saveRef = useRef(save);
  useEffect(() => {
    saveRef.current = save;
  });

  useEffect(() => {
    if (blocker.state !== 'blocked') return;
    let live = true;
    void saveRef.current().then((saved) => {
      if (!live) return;
      if (saved) {
        blocker.proceed();
        return;
      }
      // Closed without an answer (Escape, ×): the person stays, as with 留在本页.
      let answered = false;
      modals.openConfirmModal({
        title: '草稿未能保存',
        children:
          '本机服务暂时没有响应，刚填写的内容还没有保存为草稿。现在离开，这些内容将会丢失。',
        labels: { confirm: '仍然离开', cancel: '留在本页' },
        confirmProps: { color: 'red' },
        onConfirm: () => {
          answered = true;
          blocker.proceed();
        },
        onCancel: () => {
          answered = true;
          blocker.reset();
        },
        onClose: () => {
          if (!answered) blocker.reset();
        },
      });
    });
    return () => {
      live = false;
    };
  }, [blocker]);
}
