import { NavLink, Stack } from '@mantine/core';
import { Link, useLocation } from 'react-router';
import type { NavItem } from '../nav-items';

interface NavMenuProps {
  /** The items the signed-in role may see. */
  items: NavItem[];
}

function matches(path: string, pathname: string) {
  return path === '/' ? pathname === '/' : pathname === path || pathname.startsWith(`${path}/`);
}

/**
 * A menu item stays lit on the pages under it, e.g. 案件 on /cases/123, unless a longer item matches
 * too: 调解统计 (/mediation/stats), not 纠纷调解 (/mediation), is lit on its own page.
 */
function isActive(path: string, pathname: string, items: readonly NavItem[]) {
  if (!matches(path, pathname)) return false;
  return !items.some((item) => item.path.length > path.length && matches(item.path, pathname));
}

export function NavMenu({ items }: NavMenuProps) {
  const { pathname } = useLocation();
  return (
    <Stack component="nav" aria-label="主导航" gap={4}>
      {items.map((item) => {
        // A plain Link: react-router's NavLink would mark /mediation current on /mediation/stats too.
        const active = isActive(item.path, pathname, items);
        return (
          <NavLink
            key={item.path}
            component={Link}
            to={item.path}
            label={item.label}
            active={active}
            aria-current={active ? 'page' : undefined}
            fw={500}
          />
        );
      })}
    </Stack>
  );
}
