import { Checkbox, Select, Stack, type ComboboxItem, type ComboboxItemGroup } from '@mantine/core';
import { ORG_LEVEL_LABELS, type DemoOrgNode, type OrgLevel } from '@shared/api';
import { useApiQuery } from '../../api';

interface DemoOrgPickerProps {
  /** The level chosen above: only units of that level are offered. */
  level: OrgLevel;
  /** Whether the demo tree is to be loaded at setup. */
  enabled: boolean;
  onEnabledChange: (enabled: boolean) => void;
  /** Called with the node the person picked as their own unit. */
  onPick: (node: { code: string; name: string; level: OrgLevel }) => void;
}

/** The units of one level by their plain names; villages under their township, whose names repeat. */
function optionsOf(
  nodes: DemoOrgNode[],
  level: OrgLevel,
): (ComboboxItem | ComboboxItemGroup<ComboboxItem>)[] {
  const item = (node: DemoOrgNode): ComboboxItem => ({ value: node.code, label: node.name });
  if (level !== 'village') return nodes.filter((n) => n.level === level).map(item);
  return nodes
    .filter((n) => n.level === 'township')
    .map((township) => ({
      group: township.name,
      items: nodes.filter((n) => n.level === 'village' && n.parentCode === township.code).map(item),
    }))
    .filter((group) => group.items.length > 0);
}

export function DemoOrgPicker({ level, enabled, onEnabledChange, onPick }: DemoOrgPickerProps) {
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
          // A new level offers other units: the old choice goes with it.
          key={level}
          label="从演示组织架构中选择本单位"
          description={`列出${ORG_LEVEL_LABELS[level]}一级的单位，可在上方改选层级`}
          placeholder={tree.isPending ? '正在读取…' : '输入名称查找'}
          searchable
          nothingFoundMessage="没有找到"
          data={optionsOf(nodes, level)}
          onChange={(code) => {
            const node = nodes.find((n) => n.code === code);
            if (node) onPick(node);
          }}
        />
      ) : null}
    </Stack>
  );
}
