import { Button, Checkbox, Group, MultiSelect, Select, TextInput } from '@mantine/core';
import { DatePickerInput } from '@mantine/dates';
import { CASE_STATE_LABELS, CASE_STATES } from '@shared/domain/cases/case-workflow';
import { useApiQuery } from '../../api';
import { canCall } from '../../lib/access';
import { useCurrentUser } from '../../session';
import { QUERY_MAX_LENGTH, type CaseChannel, type CaseListParams } from './case-list-params';

interface CaseFiltersProps {
  params: CaseListParams;
  /** What the search box shows now; it reaches `params` after a short pause in typing. */
  searchText: string;
  onSearchTextChange: (text: string) => void;
  /** Enter in the search box: search now rather than after the pause. */
  onSearchSubmit: () => void;
  /** The backend's word on the search text (too short), shown under the box. */
  searchError: string | null;
  onChange: (patch: Partial<CaseListParams>) => void;
  onReset: () => void;
}

const STATE_OPTIONS = CASE_STATES.map((state) => ({
  value: state,
  label: CASE_STATE_LABELS[state],
}));
const CHANNEL_OPTIONS: { value: CaseChannel; label: string }[] = [
  { value: 'counter', label: '窗口受理' },
  { value: 'agency', label: '村（社区）代办' },
];

export function CaseFilters(props: CaseFiltersProps) {
  const { params, onChange } = props;
  const me = useCurrentUser();
  // Who may list users may pick an agent; the others filter by 来源 alone.
  const canListAgents = canCall(me.role, 'users.list');
  const items = useApiQuery('catalogue.list', { query: '', includeInactive: true });
  const users = useApiQuery('users.list', { includeDisabled: true }, { enabled: canListAgents });
  const itemOptions = (items.data ?? []).map((item) => ({
    value: item.id,
    label: item.active ? item.name : `${item.name}（已停用）`,
  }));
  const agentOptions = (users.data ?? [])
    .filter((user) => user.role === 'agent')
    .map((user) => ({ value: user.id, label: `${user.displayName}（${user.orgUnitName}）` }));

  return (
    <Group align="flex-start" gap="sm" mb="md" role="search" aria-label="筛选案件">
      <TextInput
        label="搜索"
        placeholder="姓名、拼音、证件号、手机号、事项或编号"
        description="证件号、手机号请输入完整号码；其余至少 2 个字或 3 位数字"
        w={260}
        maxLength={QUERY_MAX_LENGTH}
        data-autofocus
        value={props.searchText}
        error={props.searchError}
        onChange={(event) => props.onSearchTextChange(event.currentTarget.value)}
        onKeyDown={(event) => {
          if (event.key === 'Enter') props.onSearchSubmit();
        }}
      />
      <MultiSelect
        label="状态"
        placeholder={params.states.length > 0 ? undefined : '全部状态'}
        description="可多选"
        w={200}
        data={STATE_OPTIONS}
        value={params.states}
        onChange={(states) => onChange({ states: states as CaseListParams['states'] })}
        clearable
        hidePickedOptions
      />
      <Select
        label="事项"
        placeholder="全部事项"
        description="可输入名称查找"
        w={220}
        searchable
        clearable
        nothingFoundMessage="没有找到该事项"
        data={itemOptions}
        value={params.itemId}
        onChange={(itemId) => onChange({ itemId })}
      />
      <DatePickerInput
        type="range"
        label="收件日期"
        placeholder="全部日期"
        description="起止日期均包含在内"
        clearable
        allowSingleDateInRange
        w={240}
        value={[params.from, params.to]}
        onChange={([from, to]) => onChange({ from: from ?? null, to: to ?? null })}
      />
      <Select
        label="来源"
        placeholder="全部来源"
        description="窗口或代办"
        w={150}
        clearable
        data={CHANNEL_OPTIONS}
        value={params.channel}
        onChange={(channel) => onChange({ channel: channel as CaseChannel | null })}
      />
      {canListAgents ? (
        <Select
          label="代办员"
          placeholder="全部代办员"
          description="代办件由谁收件"
          w={200}
          searchable
          clearable
          nothingFoundMessage="没有代办员"
          data={agentOptions}
          value={params.agentUserId}
          onChange={(agentUserId) => onChange({ agentUserId })}
        />
      ) : null}
      <Checkbox
        label="只看超期"
        mt={56}
        checked={params.overdueOnly}
        onChange={(event) => onChange({ overdueOnly: event.currentTarget.checked })}
      />
      <Button variant="default" mt={47} onClick={props.onReset}>
        清除筛选
      </Button>
    </Group>
  );
}
