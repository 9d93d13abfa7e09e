import type { EventReport } from '@shared/api';

export const URGENCY_COLORS: Record<EventReport['urgency'], string> = {
  normal: 'gray',
  urgent: 'orange',
  critical: 'red',
};

export const REPORTER_ROLES = ['mediator', 'supervisor', 'clerk', 'agent'] as const;

/** Counter staff and agents report but do not sign for what comes up from below. */
export const SIGNER_ROLES = ['mediator', 'supervisor'] as const;
