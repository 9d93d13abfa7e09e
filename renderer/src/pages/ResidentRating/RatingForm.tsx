import { Alert, Button, Group, SimpleGrid, Stack, Text, Textarea, Title } from '@mantine/core';
import { RATING_LEVELS, RATINGS, type RatingLevel } from '@shared/domain/cases/rating';
import { useQueryClient } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import { apiKey, useApiMutation } from '../../api';
import { RatingFace } from './RatingFace';
import { RATING_COLORS } from '../../lib/ratings';
import classes from './ResidentRating.module.css';

/** The contract's limit on the comment. */
const COMMENT_MAX_LENGTH = 300;

interface RatingFormProps {
  caseId: string;
  itemName: string;
  /** The visit's date as written on paper, 2026年11月27日. */
  visitDate: string;
  onRated: (result: { bad: boolean }) => void;
  /** The resident prefers not to rate: a rating is never coerced. */
  onSkip: () => void;
}

export function RatingForm({ caseId, itemName, visitDate, onRated, onSkip }: RatingFormProps) {
  const queryClient = useQueryClient();
  const [level, setLevel] = useState<RatingLevel | null>(null);
  const [comment, setComment] = useState('');
  const [missingLevel, setMissingLevel] = useState(false);
  const submit = useApiMutation('ratings.submit', {
    meta: { errorShownInline: true },
    onSuccess: (result) => {
      for (const method of ['cases.get', 'cases.dashboard', 'ratings.followups'] as const) {
        void queryClient.invalidateQueries({ queryKey: apiKey(method) });
      }
      onRated(result);
    },
  });

  function send(event: FormEvent) {
    event.preventDefault();
    if (!level) {
      setMissingLevel(true);
      return;
    }
    const text = comment.trim();
    submit.mutate({ caseId, level, comment: text === '' ? null : text });
  }

  function choose(next: RatingLevel) {
    setLevel(next);
    setMissingLevel(false);
  }

  return (
    <form onSubmit={send} noValidate>
      <Stack align="center" gap="xl">
        <Stack align="center" gap={6}>
          <Title order={1} className={classes.title}>
            请您对本次办事进行评价
          </Title>
          <Text size="xl" c="dimmed">
            {itemName} · {visitDate}
          </Text>
        </Stack>
        <SimpleGrid
          cols={5}
          spacing="md"
          w="100%"
          role="group"
          aria-label="满意程度"
          aria-describedby={missingLevel ? 'rating-level-error' : undefined}
        >
          {RATING_LEVELS.map((option) => (
            <Button
              key={option}
              type="button"
              color={RATING_COLORS[option]}
              variant={level === option ? 'filled' : 'light'}
              aria-pressed={level === option}
              className={classes.level}
              classNames={{ label: classes.levelLabel }}
              onClick={() => choose(option)}
            >
              <RatingFace level={option} />
              <span>{RATINGS[option].label}</span>
            </Button>
          ))}
        </SimpleGrid>
        {missingLevel ? (
          <Text id="rating-level-error" c="red.8" size="xl" role="alert">
            请先点选一个满意程度
          </Text>
        ) : null}
        <Textarea
          label="您的意见或建议（选填）"
          size="xl"
          w="100%"
          autosize
          minRows={3}
          maxRows={5}
          maxLength={COMMENT_MAX_LENGTH}
          description={`${comment.length}/${COMMENT_MAX_LENGTH} 字`}
          value={comment}
          onChange={(event) => setComment(event.currentTarget.value)}
          classNames={{ label: classes.commentLabel }}
        />
        {submit.isError ? (
          <Alert color="red" variant="light" role="alert" w="100%">
            <Text size="xl">{submit.error.message}</Text>
          </Alert>
        ) : null}
        <Group justify="center" gap="xl">
          <Button type="submit" size="xl" h={72} px={64} fz={28} loading={submit.isPending}>
            提交评价
          </Button>
        </Group>
        <Button variant="subtle" color="gray" size="md" onClick={onSkip}>
          不评价，返回
        </Button>
      </Stack>
    </form>
  );
}
