import { Button, Group, Text } from '@mantine/core';
import { useState } from 'react';
import { useApiMutation } from '../../../api';

interface RevealValueProps {
  partyId: string;
  field: 'phone' | 'idNumber' | 'agentPhone';
  masked: string | null;
  /** Says whose value and which, for the button's accessible name: 张三的联系电话. */
  what: string;
  /** Only the owning unit's mediators may reveal; others see the masked value alone. */
  canReveal: boolean;
}

/** A masked phone or ID number with an audited 查看 that shows it whole until the page is left. */
export function RevealValue({ partyId, field, masked, what, canReveal }: RevealValueProps) {
  const [value, setValue] = useState<string | null>(null);
  const reveal = useApiMutation('mediation.revealParty', {
    onSuccess: (result) => setValue(result.value ?? ''),
  });
  if (!masked) return <>—</>;
  if (value !== null)
    return (
      <Text span size="sm">
        {value || '—'}
      </Text>
    );
  return (
    <Group gap={6} wrap="nowrap">
      <Text span size="sm">
        {masked}
      </Text>
      {canReveal ? (
        <Button
          size="compact-xs"
          variant="subtle"
          aria-label={`查看${what}`}
          title="查看完整信息，将记入审计日志"
          loading={reveal.isPending}
          onClick={() => reveal.mutate({ partyId, field, reason: '调解工作需要' })}
        >
          查看
        </Button>
      ) : null}
    </Group>
  );
}
