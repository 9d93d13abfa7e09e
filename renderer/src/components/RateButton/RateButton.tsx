import { Button } from '@mantine/core';
import type { CaseDetail } from '@shared/api';
import { RATEABLE_STATES } from '@shared/domain/cases/rating';
import { useLocation, useNavigate } from 'react-router';
import { ratingPath } from './rating-path';

interface RateButtonProps {
  /** The case of this visit, as cases.get gives it. */
  caseDetail: Pick<CaseDetail, 'id' | 'state' | 'rating'>;
}

/**
 * 请群众评价: opens the rating view the clerk turns toward the resident, which comes back here once
 * the resident has rated. Shown only when the visit can be rated; greyed out once it has been.
 */
export function RateButton({ caseDetail }: RateButtonProps) {
  const navigate = useNavigate();
  const location = useLocation();
  if (!RATEABLE_STATES.includes(caseDetail.state)) return null;
  if (caseDetail.rating) {
    return (
      <Button variant="default" disabled>
        群众已评价
      </Button>
    );
  }
  return (
    <Button
      variant="light"
      onClick={() =>
        void navigate(ratingPath(caseDetail.id), {
          state: { returnTo: `${location.pathname}${location.search}` },
        })
      }
    >
      请群众评价
    </Button>
  );
}
