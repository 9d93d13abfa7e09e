import { Select, type SelectProps } from '@mantine/core';
import { useApiQuery } from '../../api';

/** The villages and communities of the caller's units (orgUnits.list answers the caller's scope). */
export function VillageSelect(props: Omit<SelectProps, 'data'>) {
  const units = useApiQuery('orgUnits.list', {});
  const villages = (units.data ?? [])
    .filter((unit) => unit.level === 'village')
    .map((unit) => ({ value: unit.id, label: unit.name }));
  return (
    <Select
      searchable
      clearable
      nothingFoundMessage={units.isPending ? '正在读取…' : '本单位下没有村（社区）'}
      placeholder={villages.length === 0 ? '本单位下没有村（社区）' : '选择村（社区）'}
      data={villages}
      {...props}
    />
  );
}
