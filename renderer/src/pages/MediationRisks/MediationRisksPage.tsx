import { Chip, Group, Stack, Text } from '@mantine/core';
import { useState } from 'react';
import { useApiQuery } from '../../api';
import { PageHeader } from '../../components/PageHeader';
import { useCurrentUser } from '../../session';
import { RISK_RULE_LABELS, ruleCounts, type RiskRule } from './risk-rules';
import { RiskFlagsTable } from './RiskFlagsTable';
import { RiskThresholds } from './RiskThresholds';

/** 风险预警: the supervisor's list of disputes the early-warning rules flag, and the thresholds. */
export function MediationRisksPage() {
  const user = useCurrentUser();
  const flags = useApiQuery('mediation.riskFlags', {});
  const settings = useApiQuery('mediation.getSettings', {});
  const [rule, setRule] = useState<RiskRule | 'all'>('all');
  const all = flags.data ?? [];
  const shown =
    rule === 'all' ? all : all.filter((flag) => flag.rules.some((fired) => fired.rule === rule));

  return (
    <>
      <PageHeader
        title="风险预警"
        description="未结案件中，同一当事人或同一地址12个月内发生2起以上、风险等级重大、金额或人数达到预警线、回访发现矛盾反复的，列入预警。"
      />
      <Stack gap="md">
        {settings.data ? (
          <RiskThresholds
            key={settings.dataUpdatedAt}
            settings={settings.data}
            editable={user.role === 'supervisor'}
          />
        ) : null}
        <Stack gap={6}>
          <Text size="sm" fw={500} id="rule-filter-label">
            按预警规则筛选
          </Text>
          <Chip.Group value={rule} onChange={(value) => setRule(value as RiskRule | 'all')}>
            <Group gap="xs" role="radiogroup" aria-labelledby="rule-filter-label">
              <Chip value="all" variant="outline">
                全部（{all.length}）
              </Chip>
              {ruleCounts(all).map(({ rule: value, count }) => (
                <Chip key={value} value={value} variant="outline" disabled={count === 0}>
                  {RISK_RULE_LABELS[value]}（{count}）
                </Chip>
              ))}
            </Group>
          </Chip.Group>
        </Stack>
        <RiskFlagsTable flags={shown} fetching={flags.isFetching} />
      </Stack>
    </>
  );
}
