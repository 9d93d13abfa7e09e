import {
  Alert,
  Box,
  Button,
  Center,
  Group,
  Paper,
  PasswordInput,
  Stack,
  Text,
  Title,
} from '@mantine/core';
import { useForm } from '@mantine/form';
import { ROLE_LABELS, type User } from '@shared/api';
import { useQueryClient } from '@tanstack/react-query';
import { useEffect, useRef, type RefObject } from 'react';
import { createPortal } from 'react-dom';
import { useApiClient, useApiMutation } from '../../api';
import { useSessionActions } from '../../session';

interface LockOverlayProps {
  /** The user whose password unlocks; anyone else uses 切换用户. */
  user: User;
}

/**
 * Everything else on the page (including open modals, which live in their own portals) is hidden and
 * made inert while locked: not drawn, so no resident's data shows through on an unattended screen, and
 * out of reach of Tab, a screen reader, text selection and find-in-page. It stays mounted, so a
 * half-filled form is still there after unlocking.
 */
function useHiddenSiblings(overlay: RefObject<HTMLDivElement | null>) {
  useEffect(() => {
    const own = overlay.current;
    const hidden = Array.from(document.body.children)
      .filter(
        (element): element is HTMLElement =>
          element instanceof HTMLElement && element !== own && !element.inert,
      )
      .map((element) => ({
        element,
        visibility: element.style.visibility,
        ariaHidden: element.getAttribute('aria-hidden'),
      }));
    for (const { element } of hidden) {
      element.inert = true;
      element.style.visibility = 'hidden';
      element.setAttribute('aria-hidden', 'true');
    }
    return () => {
      for (const { element, visibility, ariaHidden } of hidden) {
        element.inert = false;
        element.style.visibility = visibility;
        if (ariaHidden === null) element.removeAttribute('aria-hidden');
        else element.setAttribute('aria-hidden', ariaHidden);
      }
    };
  }, [overlay]);
}

export function LockOverlay({ user }: LockOverlayProps) {
  const client = useApiClient();
  const queryClient = useQueryClient();
  const { signOut } = useSessionActions();
  const overlay = useRef<HTMLDivElement>(null);
  useHiddenSiblings(overlay);
  const form = useForm({
    mode: 'uncontrolled',
    initialValues: { password: '' },
    validate: { password: (value) => (value ? null : '请填写密码') },
  });
  const unlock = useApiMutation('auth.unlock', {
    meta: { errorShownInline: true },
    onSuccess: (session) => {
      client.session.signedIn(session);
      // Whatever the page asked for while locked was refused; ask again now.
      void queryClient.invalidateQueries();
    },
    onError: () => form.setFieldValue('password', ''),
  });

  return createPortal(
    <Box
      ref={overlay}
      role="dialog"
      aria-modal="true"
      aria-labelledby="lock-title"
      pos="fixed"
      inset={0}
      style={{ zIndex: 10_000 }}
      // Opaque: a dimmed page can still be read from across the counter.
      bg="rgb(20, 40, 70)"
    >
      <Center h="100%">
        <Paper radius="md" p="xl" w={400} shadow="xl">
          <form noValidate onSubmit={form.onSubmit(({ password }) => unlock.mutate({ password }))}>
            <Stack gap="md">
              <Stack gap={4}>
                <Title order={2} id="lock-title">
                  屏幕已锁定
                </Title>
                <Text fw={500}>
                  {user.displayName}（{ROLE_LABELS[user.role]}，{user.username}）
                </Text>
                <Text c="dimmed" size="sm">
                  请输入密码继续，未保存的内容仍然保留。
                </Text>
              </Stack>
              {unlock.error ? (
                <Alert color="red" role="alert">
                  {unlock.error.message}
                </Alert>
              ) : null}
              <PasswordInput
                label="密码"
                autoComplete="current-password"
                autoFocus
                key={form.key('password')}
                {...form.getInputProps('password')}
              />
              <Group justify="space-between">
                <Button variant="subtle" onClick={() => void signOut()}>
                  切换用户
                </Button>
                <Button type="submit" loading={unlock.isPending}>
                  解锁
                </Button>
              </Group>
            </Stack>
          </form>
        </Paper>
      </Center>
    </Box>,
    document.body,
  );
}
