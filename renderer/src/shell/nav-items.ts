import {
  EVENT_REPORT_READERS,
  MEDIATION_READERS,
  ROLES,
  type OrgLevel,
  type Role,
} from '@shared/api';
import type { ComponentType } from 'react';
import { SYNC_PROBLEMS_PATH } from '../components/SyncStatus/paths';
import { rolesOf } from '../lib/access';
import { INBOX_ROLES } from '../pages/Agency/inbox-roles';
import { MEDIATION_SETTINGS_PATH } from '../pages/MediationSettings/path';
import {
  AgencyInboxPage,
  AgencyPage,
  AuditPage,
  BackupsPage,
  CaseListPage,
  CataloguePage,
  DisputeListPage,
  EventReportsPage,
  FollowupsPage,
  HomePage,
  HubPage,
  HubTerminalsPage,
  IntakePage,
  MediationRisksPage,
  MediationSettingsPage,
  MediationStatsPage,
  MediatorsPage,
  ResidentsPage,
  SettingsPage,
  StatsPage,
  SyncConflictsPage,
  SyncProblemsPage,
  UsersPage,
} from './pages';

export interface NavItem {
  path: string;
  label: string;
  /** Who sees the item and may open its page; the backend checks again on every call. */
  roles: readonly Role[];
  /** Only at a terminal of these levels (the county centre's 终端管理); every level when absent. */
  levels?: readonly OrgLevel[];
  Page: ComponentType;
}

/**
 * The navigation, one row per page, keyed by role. Later issues add 受理, 案件 and 调解 here; the
 * navbar and the routes are both built from this table.
 */
const NAV_ITEMS: readonly NavItem[] = [
  { path: '/', label: '工作台', roles: ROLES, Page: HomePage },
  { path: '/intake', label: '受理', roles: ['clerk', 'supervisor'], Page: IntakePage },
  { path: '/cases', label: '案件', roles: rolesOf('cases.list'), Page: CaseListPage },
  { path: '/agency', label: '代办', roles: rolesOf('cases.agencyIntake'), Page: AgencyPage },
  {
    path: '/agency/inbox',
    label: '待接收',
    roles: INBOX_ROLES,
    Page: AgencyInboxPage,
  },
  {
    path: '/mediation',
    label: '纠纷调解',
    roles: rolesOf('mediation.list'),
    Page: DisputeListPage,
  },
  { path: '/mediators', label: '调解员', roles: rolesOf('mediators.list'), Page: MediatorsPage },
  {
    path: '/mediation/risks',
    label: '风险预警',
    roles: ['supervisor', 'auditor'],
    Page: MediationRisksPage,
  },
  {
    path: MEDIATION_SETTINGS_PATH,
    label: '调解设置',
    roles: rolesOf('mediation.updateSettings'),
    Page: MediationSettingsPage,
  },
  {
    path: '/mediation/stats',
    label: '调解统计',
    roles: MEDIATION_READERS,
    Page: MediationStatsPage,
  },
  {
    path: '/event-reports',
    label: '事件报告',
    roles: EVENT_REPORT_READERS,
    Page: EventReportsPage,
  },
  {
    path: '/residents',
    label: '群众档案',
    roles: rolesOf('residents.search'),
    Page: ResidentsPage,
  },
  { path: '/catalogue', label: '事项目录', roles: rolesOf('catalogue.list'), Page: CataloguePage },
  {
    path: '/followups',
    label: '差评回访',
    roles: rolesOf('ratings.followups'),
    Page: FollowupsPage,
  },
  { path: '/stats', label: '窗口统计', roles: rolesOf('stats.counter'), Page: StatsPage },
  { path: '/users', label: '用户管理', roles: ['admin'], Page: UsersPage },
  { path: '/audit', label: '审计日志', roles: ['admin', 'supervisor', 'auditor'], Page: AuditPage },
  { path: '/backups', label: '备份与恢复', roles: ['admin'], Page: BackupsPage },
  { path: '/settings', label: '系统设置', roles: ['admin'], Page: SettingsPage },
  { path: '/hub', label: '县级平台', roles: ['admin'], Page: HubPage },
  {
    path: '/hub/terminals',
    label: '终端管理',
    roles: ['admin'],
    levels: ['county'],
    Page: HubTerminalsPage,
  },
  {
    path: '/hub/conflicts',
    label: '同步冲突',
    roles: rolesOf('sync.conflicts'),
    Page: SyncConflictsPage,
  },
  // Also reached from the status bar and a record's badge; here so that settled ones can be looked up.
  {
    path: SYNC_PROBLEMS_PATH,
    label: '同步问题',
    roles: rolesOf('sync.problems'),
    Page: SyncProblemsPage,
  },
];

export function navItemsFor(role: Role, level: OrgLevel | null): NavItem[] {
  return NAV_ITEMS.filter(
    (item) =>
      item.roles.includes(role) &&
      (!item.levels || (level !== null && item.levels.includes(level))),
  );
}
