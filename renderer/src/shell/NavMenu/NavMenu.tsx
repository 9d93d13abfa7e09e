import { NavLink, Stack } from '@mantine/core';
import { NavLink as RouterNavLink, useLocation } from 'react-router';
import type { NavItem } from '../nav-items';

interface NavMenuProps {
  /** The items the signed-in role may see. */
  items: NavItem[];
}

/** A menu item stays lit on the pages under it, e.g. 案件 on /cases/123. */
function isActive(path: string, pathname: string) {
  return path === '/' ? pathname === '/' : pathname === path || pathname.startsWith(`${path}/`);
}

export function NavMenu({ items }: NavMenuProps) {
  const { pathname } = useLocation();
  return (
    <Stack component="nav" aria-label="主导航" gap={4}>
      {items.map((item) => (
        <NavLink
          key={item.path}
          component={RouterNavLink}
          to={item.path}
          label={item.label}
          active={isActive(item.path, pathname)}
          fw={500}
        />
      ))}
    </Stack>
  );
}
