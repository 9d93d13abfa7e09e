import { notifications } from '@mantine/notifications';
import type { CaseDetail } from '@shared/api';
import { useQueryClient } from '@tanstack/react-query';
import { useNavigate } from 'react-router';
import { apiKey } from '../../api';
import { casePrintPath, paperAfterIntake } from '../CasePrint/paths';

function outcomeMessage(saved: CaseDetail): string {
  switch (saved.state) {
    case 'completed':
      return `即办件已当场办结，受理编号 ${saved.caseNo}`;
    case 'pending_supplement':
      return `已出具一次性告知单，编号 ${saved.caseNo}，案件待补正`;
    case 'rejected':
      return `已不予受理，编号 ${saved.caseNo}`;
    default:
      return `已受理，受理编号 ${saved.caseNo}，承诺 ${saved.dueDate ?? '—'} 前办结`;
  }
}

/** After intake or 补正: refresh the case lists, say what happened and open the paper to hand over. */
export function useOpenPaper() {
  const queryClient = useQueryClient();
  const navigate = useNavigate();
  return (saved: CaseDetail) => {
    for (const method of [
      'cases.list',
      'cases.dashboard',
      'cases.ofResident',
      'cases.get',
    ] as const) {
      void queryClient.invalidateQueries({ queryKey: apiKey(method) });
    }
    // Long enough to read the case number and the date out to the resident.
    notifications.show({ color: 'teal', message: outcomeMessage(saved), autoClose: 10_000 });
    void navigate(casePrintPath(saved.id, paperAfterIntake(saved.state)));
  };
}
