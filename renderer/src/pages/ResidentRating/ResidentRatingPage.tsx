import { Alert, Button, Center, Container, Loader, Stack, Text, Title } from '@mantine/core';
import { RATEABLE_STATES } from '@shared/domain/cases/rating';
import { useCallback, useState } from 'react';
import { useLocation, useNavigate, useParams } from 'react-router';
import { useApiQuery } from '../../api';
import { returnPathOf } from '../../components/RateButton';
import { formatPaperDate } from '../../print';
import { RatingForm } from './RatingForm';
import { RatingThanks } from './RatingThanks';
import classes from './ResidentRating.module.css';

/**
 * 好差评, the view the clerk turns toward the resident: nothing about the staff, no menu, large and
 * simple. The resident rates once; the view then thanks them and goes back to the clerk's page.
 */
export function ResidentRatingPage() {
  const { caseId = '' } = useParams();
  // A new visit starts afresh, even when the view is already open for the previous one.
  return <RatingScreen key={caseId} caseId={caseId} />;
}

function RatingScreen({ caseId }: { caseId: string }) {
  const navigate = useNavigate();
  const returnTo = returnPathOf(useLocation().state);
  const visit = useApiQuery(
    'cases.get',
    { caseId },
    { enabled: caseId !== '', meta: { errorShownInline: true } },
  );
  const [rated, setRated] = useState<{ bad: boolean } | null>(null);
  const goBack = useCallback(
    () => void navigate(returnTo, { replace: true }),
    [navigate, returnTo],
  );

  let body;
  if (rated) {
    body = <RatingThanks bad={rated.bad} onDone={goBack} />;
  } else if (visit.isPending) {
    body = (
      <Center py="xl">
        <Loader size="lg" aria-label="正在载入" />
      </Center>
    );
  } else if (visit.isError) {
    body = <Notice message={visit.error.message} onBack={goBack} />;
  } else if (visit.data.rating) {
    body = (
      <Notice
        title="本次办事已经评价过了"
        message="每次办事只能评价一次，感谢您的支持！"
        onBack={goBack}
      />
    );
  } else if (!RATEABLE_STATES.includes(visit.data.state)) {
    body = <Notice message="受理或办结之后才能评价。" onBack={goBack} />;
  } else {
    body = (
      <RatingForm
        caseId={visit.data.id}
        itemName={visit.data.itemName}
        visitDate={formatPaperDate(visit.data.createdAt)}
        onRated={setRated}
        onSkip={goBack}
      />
    );
  }

  return (
    <main className={classes.screen}>
      <Container size="lg" py={48}>
        {body}
      </Container>
    </main>
  );
}

interface NoticeProps {
  title?: string;
  message: string;
  onBack: () => void;
}

function Notice({ title, message, onBack }: NoticeProps) {
  return (
    <Stack align="center" gap="xl" py={60}>
      {title ? (
        <Title order={1} className={classes.title}>
          {title}
        </Title>
      ) : null}
      <Alert color="blue" variant="light" role="alert" className={classes.notice}>
        <Text size="xl">{message}</Text>
      </Alert>
      <Button size="xl" variant="default" onClick={onBack} data-autofocus>
        返回
      </Button>
    </Stack>
  );
}
