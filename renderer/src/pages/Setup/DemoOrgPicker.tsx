import { Checkbox, Select, Stack, type ComboboxItem, type ComboboxItemGroup } from '@mantine/core';
import type { DemoOrgNode, OrgLevel } from '@shared/api';
import { useApiQuery } from '../../api';

interface DemoOrgPickerProps {
  /** Whether the demo tree is to be loaded at setup. */
  enabled: boolean;
  onEnabledChange: (enabled: boolean) => void;
  /** Called with the node the person picked as their own unit. */
  onPick: (node: { code: string; name: string; level: OrgLevel }) => void;
}

/** County first, then each township followed by its villages and communities. */
function groupByTownship(nodes: DemoOrgNode[]): ComboboxItemGroup<ComboboxItem>[] {
  const item = (node: DemoOrgNode): ComboboxItem => ({
    value: node.code,
    label: `${node.name}（${node.code}）`,
  });
  const counties = nodes.filter((n) => n.level === 'county');
  const townships = nodes.filter((n) => n.level === 'township');
  return [
    { group: '县级中心', items: counties.map(item) },
    ...townships.map((township) => ({
      group: township.name,
      items: [township, ...nodes.filter((n) => n.parentCode === township.code)].map(item),
    })),
  ];
}

export function DemoOrgPicker({ enabled, onEnabledChange, onPick }: DemoOrgPickerProps) {
  const tree = useApiQuery('setup.demoOrgTree', {}, { enabled, staleTime: Infinity });
  const nodes = tree.data?.nodes ?? [];

  return (
    <Stack gap="xs">
      <Checkbox
        label={`加载演示组织架构（温州某区县${tree.data ? `：${tree.data.countyName}` : ''}）`}
        description="试用时选择：载入一个区县的乡镇（街道）和村（社区），并从中选择本单位"
        checked={enabled}
        onChange={(event) => onEnabledChange(event.currentTarget.checked)}
      />
      {enabled ? (
        <Select
          label="从演示组织架构中选择本单位"
          placeholder={tree.isPending ? '正在读取…' : '输入名称或代码查找'}
          searchable
          nothingFoundMessage="没有找到"
          data={groupByTownship(nodes)}
          onChange={(code) => {
            const node = nodes.find((n) => n.code === code);
            if (node) onPick(node);
          }}
        />
      ) : null}
    </Stack>
  );
}
