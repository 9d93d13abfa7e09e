import { SimpleGrid, Text } from '@mantine/core';
import type { ServiceItemDetail } from '@shared/api';
import type { ReactNode } from 'react';
import { formatFee } from '../../lib/money';

function Fact({ label, children }: { label: string; children: ReactNode }) {
  return (
    <div>
      <Text size="xs" c="dimmed">
        {label}
      </Text>
      <Text size="sm">{children}</Text>
    </div>
  );
}

/** What the clerk tells the resident about the item before checking the materials. */
export function ItemFacts({ item }: { item: ServiceItemDetail }) {
  return (
    <SimpleGrid cols={3} spacing="xs" verticalSpacing={4} aria-label="事项信息">
      <Fact label="事项编码">{item.code}</Fact>
      <Fact label="办件类型">
        {item.type === 'instant' ? '即办件（当场办结）' : `承诺件，${item.promisedDays} 个工作日`}
      </Fact>
      <Fact label="法定时限">{item.statutoryDays} 个工作日</Fact>
      <Fact label="责任部门">{item.department}</Fact>
      <Fact label="收费">{formatFee(item.feeFen)}</Fact>
      <Fact label="村（社区）代办">{item.agencyAllowed ? '可代办' : '不可代办'}</Fact>
    </SimpleGrid>
  );
}
