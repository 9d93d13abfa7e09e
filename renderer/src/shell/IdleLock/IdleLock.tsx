import { useIdle } from '@mantine/hooks';
import { useEffect } from 'react';
import { useApiQuery, type ClientSession } from '../../api';
import { LockOverlay } from './LockOverlay';
import { useLockScreen } from './use-lock-screen';

interface IdleLockProps {
  /** The signed-in session; `locked` shows the overlay. */
  session: ClientSession;
}

// Keyboard and mouse only: a scroll caused by the app itself must not count as someone being there.
const ACTIVITY_EVENTS: (keyof DocumentEventMap)[] = [
  'keydown',
  'mousemove',
  'mousedown',
  'wheel',
  'touchstart',
];

/**
 * After the administrator's idle minutes without keyboard or mouse, the screen locks. The overlay sits
 * on top of the page, which stays mounted, so a half-filled form is still there after unlocking.
 */
export function IdleLock({ session }: IdleLockProps) {
  const settings = useApiQuery('settings.get', {}, { enabled: !session.locked });
  const minutes = settings.data?.idleLockMinutes ?? session.idleLockMinutes;
  const idle = useIdle(minutes * 60_000, { events: ACTIVITY_EVENTS, initialState: false });
  const lock = useLockScreen();

  useEffect(() => {
    if (idle && !session.locked) lock();
  }, [idle, session.locked, lock]);

  return session.locked ? <LockOverlay user={session.user} /> : null;
}
