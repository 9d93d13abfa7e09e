import { Button, Group, MultiSelect, Select, TextInput } from '@mantine/core';
import { DatePickerInput } from '@mantine/dates';
import { DISPUTE_STATE_LABELS, DISPUTE_STATES } from '@shared/domain/mediation/workflow';
import { RISK_LEVEL_LABELS, RISK_LEVELS } from '@shared/domain/mediation/vocabulary';
import { DISPUTE_DEADLINE_LABELS, DUE_SOON_DAYS } from '@shared/domain/mediation/clocks';
import type { DisputeListFilters } from './list-filters';
import { useDisputeTypes } from '../../../lib/mediation-reference';

const STATE_OPTIONS = DISPUTE_STATES.map((state) => ({
  value: state,
  label: DISPUTE_STATE_LABELS[state],
}));
const RISK_OPTIONS = RISK_LEVELS.map((level) => ({
  value: level,
  label: RISK_LEVEL_LABELS[level],
}));
const DEADLINE_OPTIONS = [
  { value: 'due_soon', label: `${DUE_SOON_DAYS}天内到期` },
  { value: 'overdue', label: DISPUTE_DEADLINE_LABELS.overdue },
];
const ACCESS_OPTIONS = [
  { value: 'all', label: '全部' },
  { value: 'owner', label: '本单位承办' },
  { value: 'reader', label: '已上交跟踪' },
];

interface DisputeFiltersProps {
  value: DisputeListFilters;
  onChange: (value: DisputeListFilters) => void;
  onReset: () => void;
}

export function DisputeFilters({ value, onChange, onReset }: DisputeFiltersProps) {
  const set = <K extends keyof DisputeListFilters>(key: K, next: DisputeListFilters[K]) =>
    onChange({ ...value, [key]: next });
  const types = useDisputeTypes();
  return (
    <Group align="flex-end" gap="sm" mb="md" role="search" aria-label="查找调解案件">
      <TextInput
        label="查找"
        placeholder="案号、当事人姓名或序号"
        w={220}
        value={value.query}
        data-autofocus
        onChange={(event) => set('query', event.currentTarget.value)}
      />
      <MultiSelect
        label="状态"
        placeholder={value.states.length ? undefined : '全部'}
        data={STATE_OPTIONS}
        clearable
        w={180}
        value={value.states}
        onChange={(states) => set('states', states as DisputeListFilters['states'])}
      />
      <MultiSelect
        label="纠纷类型"
        placeholder={value.types.length ? undefined : '全部'}
        data={types.options}
        searchable
        clearable
        w={180}
        value={value.types}
        onChange={(types) => set('types', types as DisputeListFilters['types'])}
      />
      <MultiSelect
        label="风险等级"
        placeholder={value.riskLevels.length ? undefined : '全部'}
        data={RISK_OPTIONS}
        clearable
        w={150}
        value={value.riskLevels}
        onChange={(levels) => set('riskLevels', levels as DisputeListFilters['riskLevels'])}
      />
      <Select
        label="调解期限"
        placeholder="全部"
        data={DEADLINE_OPTIONS}
        clearable
        w={130}
        value={value.deadline}
        onChange={(deadline) => set('deadline', deadline as DisputeListFilters['deadline'])}
      />
      <DatePickerInput
        type="range"
        label="登记日期"
        placeholder="全部日期"
        clearable
        allowSingleDateInRange
        w={230}
        value={value.range}
        onChange={(range) => set('range', [range[0] ?? null, range[1] ?? null])}
      />
      <Select
        label="范围"
        allowDeselect={false}
        data={ACCESS_OPTIONS}
        w={130}
        value={value.access}
        onChange={(access) => access && set('access', access as DisputeListFilters['access'])}
      />
      <Button variant="default" onClick={onReset}>
        清除筛选
      </Button>
    </Group>
  );
}
