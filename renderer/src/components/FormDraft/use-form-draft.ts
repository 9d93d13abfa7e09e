import { useDebouncedValue } from '@mantine/hooks';
import type { FormDraft } from '@shared/api';
import { useCallback, useEffect, useLayoutEffect, useRef, useState } from 'react';
import { useApiClient } from '../../api';
import { registerFormInProgress } from '../../lib/forms-in-progress';
import { registerUnsavedWork } from '../../lib/unsaved-work';
import { useLeaveGuard } from './use-leave-guard';

/** Long enough not to call the backend per keystroke, short enough that a click away loses nothing. */
const SAVE_DELAY_MS = 400;

export interface FormDraftState {
  /** When the draft shown was saved, once one was restored on opening the form. */
  restoredAt: string | null;
  /** 放弃草稿: deletes the stored draft; the page empties its own form. */
  discard: () => void;
  /** After a submit: the draft is deleted and what is on screen now is not saved again. */
  clear: () => void;
}

type DraftData = FormDraft['data'];

/**
 * Keeps a half-filled form as the signed-in user's draft in the backend, debounced as they type, and
 * hands a stored draft back once when the form opens. `current` is null while the form holds nothing
 * worth keeping. While a change could not be stored (the backend is down), leaving the page asks first.
 */
export function useFormDraft<T extends object>(
  formKey: string,
  current: T | null,
  onRestore: (data: T) => void,
): FormDraftState {
  const client = useApiClient();
  const [loaded, setLoaded] = useState(false);
  const [restoredAt, setRestoredAt] = useState<string | null>(null);
  /** What the backend holds for this form, as JSON; null for no draft. */
  const stored = useRef<string | null>(null);
  /** Content already submitted: never saved again as a draft. */
  const finished = useRef<string | null>(null);
  const latest = useRef<string | null>(null);
  const loadedRef = useRef(false);
  const restore = useRef(onRestore);

  const json = current === null ? null : JSON.stringify(current);
  useLayoutEffect(() => {
    restore.current = onRestore;
    latest.current = json;
  });
  const [debounced] = useDebouncedValue(json, SAVE_DELAY_MS);

  useEffect(() => {
    let live = true;
    void client.call('drafts.get', { formKey }).then((result) => {
      if (!live) return;
      // Typing that began before the answer came is not overwritten by an older draft.
      if (result.ok && result.value && latest.current === null) {
        stored.current = JSON.stringify(result.value.data);
        restore.current(result.value.data as unknown as T);
        setRestoredAt(result.value.updatedAt);
      }
      loadedRef.current = true;
      setLoaded(true);
    });
    return () => {
      live = false;
    };
  }, [client, formKey]);

  const persist = useCallback(
    async (value: string | null): Promise<boolean> => {
      if (value === stored.current) return true;
      if (value !== null && value === finished.current) return true;
      const result =
        value === null
          ? await client.call('drafts.discard', { formKey })
          : await client.call('drafts.save', { formKey, data: JSON.parse(value) as DraftData });
      if (result.ok) stored.current = value;
      return result.ok;
    },
    [client, formKey],
  );

  // Only a settled value: right after a restore the debounced one still holds the empty form, and
  // saving that would discard the draft just brought back.
  useEffect(() => {
    if (loaded && debounced === json) void persist(debounced);
  }, [loaded, debounced, json, persist]);

  // Leaving within the save delay (a click on the menu) still keeps the last keystrokes.
  useEffect(
    () => () => {
      if (loadedRef.current) void persist(latest.current);
    },
    [persist],
  );

  // Typed but not stored yet: within the save delay, or a save that failed. Emptying the form or
  // what was just submitted is nothing to lose.
  const unsaved = useCallback(() => {
    const value = latest.current;
    return (
      loadedRef.current && value !== null && value !== stored.current && value !== finished.current
    );
  }, []);
  useLeaveGuard(unsaved, () => persist(latest.current));
  // Closing the window cannot wait for a save: it asks while the last typing is not stored.
  useEffect(() => registerUnsavedWork(unsaved), [unsaved]);
  // Something typed and not yet submitted, draft or not: no restart for an update now.
  useEffect(
    () =>
      registerFormInProgress(() => latest.current !== null && latest.current !== finished.current),
    [],
  );

  const discard = useCallback(() => {
    finished.current = null;
    stored.current = null;
    setRestoredAt(null);
    void client.call('drafts.discard', { formKey });
  }, [client, formKey]);

  const clear = useCallback(() => {
    finished.current = latest.current;
    stored.current = null;
    setRestoredAt(null);
    void client.call('drafts.discard', { formKey });
  }, [client, formKey]);

  return { restoredAt, discard, clear };
}
