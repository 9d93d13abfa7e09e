import { Badge } from '@mantine/core';

/** Who issues an item: the county's catalogue (县级发布) or this unit (本单位). */
export function IssuerBadge({ countyIssued }: { countyIssued: boolean }) {
  return (
    <Badge variant="outline" color={countyIssued ? 'indigo' : 'gray'}>
      {countyIssued ? '县级发布' : '本单位'}
    </Badge>
  );
}
