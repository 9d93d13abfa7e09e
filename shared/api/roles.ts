import { z } from 'zod';

export const ROLES = ['admin', 'supervisor', 'clerk', 'agent', 'mediator', 'auditor'] as const;
export const roleSchema = z.enum(ROLES);
export type Role = z.infer<typeof roleSchema>;

export const ROLE_LABELS: Record<Role, string> = {
  admin: '系统管理员',
  supervisor: '负责人',
  clerk: '窗口人员',
  agent: '代办员',
  mediator: '调解员',
  auditor: '审计',
};

export const ORG_LEVELS = ['county', 'township', 'village'] as const;
export const orgLevelSchema = z.enum(ORG_LEVELS);
export type OrgLevel = z.infer<typeof orgLevelSchema>;

export const ORG_LEVEL_LABELS: Record<OrgLevel, string> = {
  county: '县级中心',
  township: '乡镇（街道）',
  village: '村（社区）',
};
