import { Autocomplete, type AutocompleteProps } from '@mantine/core';

/** The usual reasons; the agent may type any other. */
const COMMON_REASONS = [
  '申请人年老体弱，行动不便',
  '申请人患病或残疾，行动不便',
  '申请人外出务工，无法到场',
  '申请人居住偏远，往返不便',
];

export function AgencyReasonInput(props: Omit<AutocompleteProps, 'data' | 'label'>) {
  return (
    <Autocomplete
      label="代办原因"
      withAsterisk
      placeholder="选择或填写"
      description="可选常见原因，也可自行填写"
      maxLength={100}
      data={COMMON_REASONS}
      {...props}
    />
  );
}
