import { Badge, Button } from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import { ROLE_LABELS, type User } from '@shared/api';
import { useState } from 'react';
import { useApiQuery } from '../../api';
import { ListTable } from '../../components/ListTable';
import { PageHeader } from '../../components/PageHeader';
import { formatDateTime } from '../../lib/time';
import { useCurrentUser } from '../../session';
import { CreateUserModal } from './CreateUserModal';
import { EditUserModal } from './EditUserModal';
import { ResetPasswordModal } from './ResetPasswordModal';
import { userStatus } from './user-status';
import { UserRowActions } from './UserRowActions';

export function UsersPage() {
  const me = useCurrentUser();
  const users = useApiQuery('users.list', { includeDisabled: true });
  const [creating, { open: openCreate, close: closeCreate }] = useDisclosure(false);
  const [resetting, setResetting] = useState<User | null>(null);
  const [editing, setEditing] = useState<User | null>(null);

  return (
    <>
      <PageHeader
        title="用户管理"
        description="新建账号、重置密码、停用或解除锁定。用过的账号只能停用，不能删除。"
        actions={<Button onClick={openCreate}>新建用户</Button>}
      />
      <ListTable
        highlightOnHover
        minHeight={200}
        fetching={users.isPending}
        noRecordsText="还没有用户"
        records={users.data ?? []}
        columns={[
          { accessor: 'username', title: '用户名' },
          { accessor: 'displayName', title: '姓名' },
          { accessor: 'role', title: '角色', render: (u) => ROLE_LABELS[u.role] },
          { accessor: 'orgUnitName', title: '所属单位' },
          {
            accessor: 'status',
            title: '状态',
            render: (u) => {
              const { label, color } = userStatus(u);
              return (
                <Badge color={color} variant="light">
                  {label}
                </Badge>
              );
            },
          },
          {
            accessor: 'lastSignInAt',
            title: '最近登录',
            render: (u) => formatDateTime(u.lastSignInAt),
          },
          {
            accessor: 'actions',
            title: '操作',
            textAlign: 'right',
            render: (u) => (
              <UserRowActions
                user={u}
                isSelf={u.id === me.id}
                onResetPassword={setResetting}
                onEdit={setEditing}
              />
            ),
          },
        ]}
      />
      <CreateUserModal opened={creating} onClose={closeCreate} />
      <ResetPasswordModal user={resetting} onClose={() => setResetting(null)} />
      <EditUserModal user={editing} onClose={() => setEditing(null)} />
    </>
  );
}
