import { Alert, Anchor, Center, Loader, Stack } from '@mantine/core';
import { Link, useParams } from 'react-router';
import { useApiQuery } from '../../../api';
import { PageHeader } from '../../../components/PageHeader';
import { AgreementForm } from './AgreementForm';

/** 调解协议: written while the parties talk, saved as a draft, printed to sign, then recorded. */
export function AgreementPage() {
  const { id = '' } = useParams();
  const dispute = useApiQuery('mediation.get', { disputeId: id });
  if (dispute.isPending) {
    return (
      <Center p="xl">
        <Loader aria-label="正在打开案卷" />
      </Center>
    );
  }
  if (dispute.isError) {
    return (
      <Alert color="red" title="无法打开案卷" role="alert">
        {dispute.error.message}
      </Alert>
    );
  }
  const editable = dispute.data.canWrite && ['accepted', 'mediating'].includes(dispute.data.state);
  return (
    <Stack gap="md">
      <Anchor component={Link} to={`/mediation/${id}`} size="sm">
        ← 返回案卷 {dispute.data.caseNo}
      </Anchor>
      <PageHeader
        title="调解协议"
        description={`${dispute.data.caseNo}，${dispute.data.partyNames}。当事人的身份信息、案号和调解员取自案卷，与协议书一致。`}
      />
      {editable ? (
        <AgreementForm dispute={dispute.data} />
      ) : (
        <Alert color="gray">案件当前不能修改调解协议。</Alert>
      )}
    </Stack>
  );
}
