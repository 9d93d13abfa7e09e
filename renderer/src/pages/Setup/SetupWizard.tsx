import { SegmentedControl, Stack } from '@mantine/core';
import { useState } from 'react';
import { useApiQuery } from '../../api';
import { CenteredScreen } from '../../components/CenteredScreen';
import { PageLoader } from '../../components/PageLoader';
import { JoinHubSetup } from './JoinHubSetup';
import { StandaloneSetup } from './StandaloneSetup';

type SetupMode = 'standalone' | 'hub';

const SUBTITLES: Record<SetupMode, string> = {
  standalone: '本终端还没有设置。请依次填写单位、终端和第一位系统管理员。',
  hub: '填写县级平台地址和县级中心签发的加入码。加入后，单位、终端编号和组织机构由县级平台下发，再设置第一位系统管理员。',
};

/**
 * First run on an empty database: set up alone, or join the county hub, which hands out the unit
 * and the terminal number. A join whose administrator is not created yet is resumed after a restart.
 */
export function SetupWizard() {
  const pending = useApiQuery('hub.pendingJoin', {});
  const [chosen, setChosen] = useState<SetupMode | null>(null);
  if (pending.isPending) return <PageLoader fullScreen />;
  const joined = pending.data?.state === 'pending' ? pending.data : null;
  const mode = chosen ?? (joined ? 'hub' : 'standalone');
  return (
    <CenteredScreen title="首次使用设置" subtitle={SUBTITLES[mode]} width={640}>
      <Stack gap="lg">
        <SegmentedControl
          aria-label="设置方式"
          fullWidth
          value={mode}
          onChange={(value) => setChosen(value as SetupMode)}
          data={[
            { value: 'standalone', label: '单独设置' },
            { value: 'hub', label: '加入县级平台' },
          ]}
        />
        {mode === 'standalone' ? <StandaloneSetup /> : <JoinHubSetup pending={joined} />}
      </Stack>
    </CenteredScreen>
  );
}
