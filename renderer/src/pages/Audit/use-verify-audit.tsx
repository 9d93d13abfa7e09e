import { Alert, Button } from '@mantine/core';
import { useApiMutation } from '../../api';

/** Button for the page header: recomputes the hash chain and reports the first break, if any. */
export function useVerifyAudit() {
  const verify = useApiMutation('audit.verify');

  const button = (
    <Button variant="light" loading={verify.isPending} onClick={() => verify.mutate({})}>
      校验完整性
    </Button>
  );

  const result = verify.data ? (
    verify.data.ok ? (
      <Alert color="teal" role="status" mb="md" title="校验通过">
        审计日志完整，共校验 {verify.data.checked} 条
      </Alert>
    ) : (
      <Alert color="red" role="alert" mb="md" title="审计日志可能被改动">
        {verify.data.problem
          ? `第 ${verify.data.problem.seq} 条：${verify.data.problem.reason}`
          : '校验未通过'}
        （共校验 {verify.data.checked} 条）
      </Alert>
    )
  ) : null;

  return { button, result };
}
