import { Button, Stack, Text, Title } from '@mantine/core';
import { BAD_RATING_FOLLOW_UP_WORKING_DAYS } from '@shared/domain/cases/rating';
import { useEffect, useState } from 'react';
import classes from './ResidentRating.module.css';

/** Long enough to read the thanks, short enough that the next resident is not kept waiting. */
const RETURN_AFTER_SECONDS = 6;

interface RatingThanksProps {
  bad: boolean;
  /** Back to the clerk's screen. */
  onDone: () => void;
}

export function RatingThanks({ bad, onDone }: RatingThanksProps) {
  const [left, setLeft] = useState(RETURN_AFTER_SECONDS);

  useEffect(() => {
    if (left <= 0) {
      onDone();
      return;
    }
    const timer = setTimeout(() => setLeft((seconds) => seconds - 1), 1000);
    return () => clearTimeout(timer);
  }, [left, onDone]);

  return (
    <Stack align="center" gap="xl" py={60} role="status">
      <Title order={1} className={classes.title}>
        感谢您的评价！
      </Title>
      <Text size="xl" ta="center" maw={720}>
        {bad
          ? `很抱歉没有让您满意。负责人会在 ${BAD_RATING_FOLLOW_UP_WORKING_DAYS} 个工作日内与您联系回访，了解情况并改进。`
          : '您的评价已提交，我们会继续努力为您做好服务。'}
      </Text>
      <Text c="dimmed" size="lg">
        {left} 秒后自动返回
      </Text>
      <Button size="lg" variant="default" onClick={onDone}>
        返回
      </Button>
    </Stack>
  );
}
