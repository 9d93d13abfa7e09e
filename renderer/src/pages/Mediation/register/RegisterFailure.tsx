import { Alert, Anchor, Text } from '@mantine/core';
import type { ErrorCode } from '@shared/api';
import { Link } from 'react-router';
import { useApiQuery } from '../../../api';
import { canCall } from '../../../lib/access';
import { todayIso } from '../../../lib/time';
import { useCurrentUser } from '../../../session';
import { sampleCaseNumber } from '../../MediationSettings/abbreviation';
import { MEDIATION_SETTINGS_PATH } from '../../MediationSettings/path';

/** Where the case-number abbreviation is set: the way there for the supervisor, whom to ask for others. */
function WhereToSetIt() {
  const me = useCurrentUser();
  return canCall(me.role, 'mediation.updateSettings') ? (
    <Anchor component={Link} to={MEDIATION_SETTINGS_PATH} size="sm">
      前往“调解设置”填写案号简称
    </Anchor>
  ) : (
    <Text size="sm">案号简称只有本单位负责人可以设置（左侧菜单“调解设置”）。</Text>
  );
}

/**
 * Said before anything is typed: without a usable case-number abbreviation nothing can be registered
 * until the supervisor sets one.
 */
export function AbbreviationWarning() {
  const settings = useApiQuery('mediation.getSettings', {});
  if (!settings.data) return null;
  const year = Number(todayIso().slice(0, 4));
  if (sampleCaseNumber(settings.data.effectiveAbbreviation, year)) return null;
  return (
    <Alert color="orange" title="尚未设置案号简称，暂不能登记">
      <Text size="sm">
        无法由单位名称（{settings.data.orgUnitName}）生成案号简称，登记前须先设置。
      </Text>
      <WhereToSetIt />
    </Alert>
  );
}

/** Why registration was refused, and for a missing abbreviation where to set it. */
export function RegisterFailure({ message, code }: { message: string; code: ErrorCode | null }) {
  return (
    <Alert color="red" role="alert" title="未能登记">
      <Text size="sm">{message}</Text>
      {code === 'CASE_ABBREVIATION_MISSING' ? <WhereToSetIt /> : null}
    </Alert>
  );
}
