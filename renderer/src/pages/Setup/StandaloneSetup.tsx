import { Button, Group, Stepper, Text } from '@mantine/core';
import { useForm } from '@mantine/form';
import { notifications } from '@mantine/notifications';
import { useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { apiKey, useApiMutation } from '../../api';
import { showFieldErrors } from '../../lib/form';
import { AdminStep } from './AdminStep';
import { OrgStep } from './OrgStep';
import {
  INITIAL_SETUP_VALUES,
  STEP_FIELDS,
  stepOfField,
  toSetupInput,
  validateSetup,
  type SetupValues,
} from './setup-form';
import { TerminalStep } from './TerminalStep';

const LAST_STEP = STEP_FIELDS.length - 1;

/** Setting up without the county hub: the org unit, this terminal and the first administrator. */
export function StandaloneSetup() {
  const queryClient = useQueryClient();
  const [active, setActive] = useState(0);
  const form = useForm<SetupValues>({
    mode: 'controlled',
    initialValues: INITIAL_SETUP_VALUES,
    validate: validateSetup,
  });
  const initialize = useApiMutation('setup.initialize', {
    onSuccess: () => {
      notifications.show({
        color: 'teal',
        title: '初始设置完成',
        message: '请使用刚才设置的管理员账号登录',
      });
      void queryClient.invalidateQueries({ queryKey: apiKey('system.status') });
    },
    onError: (error) => {
      showFieldErrors(form, error);
      const first = Object.keys(error.fields ?? {})[0];
      if (first) setActive(stepOfField(first));
    },
  });

  function stepIsValid(step: number): boolean {
    const results = STEP_FIELDS[step]!.map((path) => form.validateField(path));
    return results.every((result) => !result.hasError);
  }

  function submit() {
    if (!stepIsValid(active)) return;
    if (active < LAST_STEP) {
      setActive(active + 1);
      return;
    }
    const result = form.validate();
    if (result.hasErrors) setActive(stepOfField(Object.keys(result.errors)[0] ?? ''));
    else initialize.mutate(toSetupInput(form.getValues()));
  }

  return (
    <>
      {/* One form for all steps: Enter anywhere moves on, as 下一步 does. */}
      <form
        noValidate
        onSubmit={(event) => {
          event.preventDefault();
          submit();
        }}
      >
        <Stepper active={active} size="sm" allowNextStepsSelect={false} onStepClick={setActive}>
          <Stepper.Step label="单位" description="层级、代码和名称">
            <OrgStep form={form} />
          </Stepper.Step>
          <Stepper.Step label="终端" description="这台电脑">
            <TerminalStep form={form} />
          </Stepper.Step>
          <Stepper.Step label="管理员" description="第一位系统管理员">
            <AdminStep form={form} />
          </Stepper.Step>
        </Stepper>
        <Group justify="space-between" mt="xl">
          {active > 0 ? (
            <Button variant="default" onClick={() => setActive(active - 1)}>
              上一步
            </Button>
          ) : (
            <Text size="sm" c="dimmed">
              第 1 步，共 3 步
            </Text>
          )}
          <Button type="submit" loading={initialize.isPending}>
            {active < LAST_STEP ? '下一步' : '完成设置'}
          </Button>
        </Group>
      </form>
    </>
  );
}
