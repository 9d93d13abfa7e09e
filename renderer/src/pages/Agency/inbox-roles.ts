import type { Role } from '@shared/api';
import { CASE_ACTIONS } from '@shared/domain/cases/case-workflow';

/**
 * Who sees 待接收: those the workflow lets receive a hand-off. The contract lets the administrator
 * call cases.receive, but the workflow refuses it, so the page would offer 核对接收 for nothing.
 */
export const INBOX_ROLES: readonly Role[] = CASE_ACTIONS.receive.from.awaiting_receipt ?? [];
