import { Alert, Button, Center, Grid, Group, Loader, Stack, Text, Title } from '@mantine/core';
import { SERVICE_ITEM_TYPE_LABELS } from '@shared/domain/catalogue/service-item';
import { Link, useLocation, useNavigate, useParams } from 'react-router';
import { useApiQuery } from '../../api';
import { CaseStateBadge } from '../../components/CaseStatus';
import { RateButton } from '../../components/RateButton';
import { RecordSyncBadge } from '../../components/SyncStatus';
import { canCall } from '../../lib/access';
import { useCurrentUser } from '../../session';
import { AgencyMark } from '../Cases/case-columns';
import { CaseActions } from './CaseActions';
import { CaseChecklist } from './CaseChecklist';
import { AgencyFacts, CaseFacts, OutcomeFacts } from './CaseFacts';
import { CaseTimeline } from './CaseTimeline';
import { CaseWarnings } from './CaseWarnings';
import { PrintLinks } from './PrintLinks';

/** Back where the person came from (the filtered list, the 工作台), or to the list. */
function BackButton() {
  const navigate = useNavigate();
  const location = useLocation();
  const cameFromApp = location.key !== 'default';
  return cameFromApp ? (
    <Button variant="default" onClick={() => void navigate(-1)}>
      返回
    </Button>
  ) : (
    <Button variant="default" component={Link} to="/cases">
      返回案件列表
    </Button>
  );
}

/** One case: particulars, warnings, the actions open to this role, materials with files, timeline. */
export function CaseDetailPage() {
  const { id = '' } = useParams();
  const me = useCurrentUser();
  const query = useApiQuery('cases.get', { caseId: id }, { meta: { errorShownInline: true } });
  const detail = query.data;
  const version = useApiQuery(
    'catalogue.getVersion',
    { versionId: detail?.itemVersionId ?? '' },
    { enabled: detail !== undefined, staleTime: Infinity, meta: { errorShownInline: true } },
  );

  if (query.isPending) {
    return (
      <Center mih={300}>
        <Loader aria-label="正在载入案件" />
      </Center>
    );
  }
  if (!detail) {
    return (
      <Stack>
        <Alert color="red" role="alert" title="无法打开该案件">
          {query.error?.message}
        </Alert>
        <Group>
          <BackButton />
        </Group>
      </Stack>
    );
  }

  return (
    <Stack gap="md">
      <Group justify="space-between" align="flex-start" wrap="nowrap">
        <Stack gap={6}>
          <Group gap="sm">
            <Title order={2}>案件 {detail.caseNo}</Title>
            <CaseStateBadge state={detail.state} size="lg" />
            <AgencyMark summary={detail} />
            <RecordSyncBadge root="cases" id={detail.id} />
          </Group>
          <Text c="dimmed">
            {detail.itemName}
            {version.data ? `（第 ${version.data.number} 版受理）` : ''} · {detail.itemCode} ·{' '}
            {SERVICE_ITEM_TYPE_LABELS[detail.itemType]}
          </Text>
        </Stack>
        <BackButton />
      </Group>
      <CaseWarnings detail={detail} />
      <Group justify="space-between" gap="sm">
        <CaseActions detail={detail} />
        <Group gap="sm">
          {canCall(me.role, 'ratings.submit') ? <RateButton caseDetail={detail} /> : null}
          <PrintLinks detail={detail} />
        </Group>
      </Group>
      <CaseFacts detail={detail} />
      <AgencyFacts detail={detail} />
      <OutcomeFacts detail={detail} />
      <Grid gap="lg">
        <Grid.Col span={{ base: 12, lg: 8 }}>
          <CaseChecklist detail={detail} canUpload={canCall(me.role, 'attachments.upload')} />
        </Grid.Col>
        <Grid.Col span={{ base: 12, lg: 4 }}>
          <CaseTimeline events={detail.events} />
        </Grid.Col>
      </Grid>
    </Stack>
  );
}
