import { Badge, Button, Group, Text } from '@mantine/core';
import { useEffect, useState } from 'react';
import { useApiMutation } from '../../api';
import { RevealModal } from './RevealModal';

/** How long a revealed value stays on screen: long enough to read it out or copy it. */
const REVEAL_SECONDS = 30;

interface RevealableValueProps {
  residentId: string;
  field: 'docNumber' | 'phone';
  /** 证件号码 or 联系电话, for the button's name and the modal. */
  fieldLabel: string;
  masked: string | null;
  /** Whether the signed-in role may reveal (residents.reveal's roles). */
  canReveal: boolean;
}

interface Shown {
  value: string;
  /** Comes with the whole ID number, whose middle it is. */
  birthDate: string | null;
  secondsLeft: number;
}

export function RevealableValue({
  residentId,
  field,
  fieldLabel,
  masked,
  canReveal,
}: RevealableValueProps) {
  const [asking, setAsking] = useState(false);
  const [shown, setShown] = useState<Shown | null>(null);
  const reveal = useApiMutation('residents.reveal');

  const counting = shown !== null;
  useEffect(() => {
    if (!counting) return undefined;
    const timer = setInterval(() => {
      setShown((current) =>
        current && current.secondsLeft > 1
          ? { ...current, secondsLeft: current.secondsLeft - 1 }
          : null,
      );
    }, 1000);
    return () => clearInterval(timer);
  }, [counting]);

  if (masked === null) return <Text>—</Text>;

  function confirm(reason: string) {
    reveal.mutate(
      { residentId, field, reason },
      {
        onSuccess: ({ value, birthDate }) => {
          setAsking(false);
          setShown({ value: value ?? '—', birthDate, secondsLeft: REVEAL_SECONDS });
        },
      },
    );
  }

  if (shown) {
    return (
      <Group gap="xs" wrap="wrap">
        <Text ff="monospace" fw={600} aria-label={`完整${fieldLabel}`}>
          {shown.value}
        </Text>
        {shown.birthDate && <Text aria-label="出生日期">出生日期 {shown.birthDate}</Text>}
        <Badge color="orange" variant="light">
          已记入审计日志
        </Badge>
        <Text size="xs" c="dimmed">
          {shown.secondsLeft} 秒后隐藏
        </Text>
        <Button size="compact-xs" variant="subtle" onClick={() => setShown(null)}>
          立即隐藏
        </Button>
      </Group>
    );
  }

  return (
    <Group gap="xs" wrap="nowrap">
      <Text ff="monospace">{masked}</Text>
      {canReveal ? (
        <Button
          size="compact-xs"
          variant="light"
          aria-label={`查看完整号码（${fieldLabel}）`}
          onClick={() => setAsking(true)}
        >
          查看完整号码
        </Button>
      ) : null}
      <RevealModal
        fieldLabel={asking ? fieldLabel : null}
        loading={reveal.isPending}
        onConfirm={confirm}
        onClose={() => setAsking(false)}
      />
    </Group>
  );
}
