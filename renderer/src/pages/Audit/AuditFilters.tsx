import { Button, Group, Select, TextInput } from '@mantine/core';
import { DatePickerInput } from '@mantine/dates';
import { AUDIT_OUTCOMES } from '@shared/api';
import { useApiQuery } from '../../api';
import { actionLabel, OUTCOME_LABELS } from '../../lib/labels';
import type { AuditFilterValues } from './audit-filters';

interface AuditFiltersProps {
  value: AuditFilterValues;
  onChange: (value: AuditFilterValues) => void;
  onReset: () => void;
}

const OUTCOME_OPTIONS = AUDIT_OUTCOMES.map((o) => ({ value: o, label: OUTCOME_LABELS[o] }));

export function AuditFilters({ value, onChange, onReset }: AuditFiltersProps) {
  const actions = useApiQuery('audit.actions', {});
  const actionOptions = (actions.data ?? [])
    .map((action) => ({ value: action, label: actionLabel(action) }))
    .sort((a, b) => a.label.localeCompare(b.label, 'zh-CN'));

  return (
    <Group align="flex-end" gap="sm" mb="md" role="search" aria-label="筛选审计日志">
      <DatePickerInput
        type="range"
        label="日期范围"
        placeholder="全部日期"
        clearable
        allowSingleDateInRange
        w={260}
        value={value.range}
        onChange={(range) => onChange({ ...value, range: [range[0] ?? null, range[1] ?? null] })}
      />
      <TextInput
        label="用户名"
        placeholder="全部用户"
        w={160}
        value={value.username}
        onChange={(event) => onChange({ ...value, username: event.currentTarget.value })}
      />
      <Select
        label="操作"
        placeholder="全部操作"
        clearable
        searchable
        w={200}
        data={actionOptions}
        value={value.action}
        onChange={(action) => onChange({ ...value, action })}
      />
      <Select
        label="结果"
        placeholder="全部结果"
        clearable
        w={130}
        data={OUTCOME_OPTIONS}
        value={value.outcome}
        onChange={(outcome) =>
          onChange({ ...value, outcome: outcome as AuditFilterValues['outcome'] })
        }
      />
      <Button variant="default" onClick={onReset}>
        清除筛选
      </Button>
    </Group>
  );
}
