// Every page of the app in one table: its route, its menu entry and who may use it.
// Adding a module = one entry here + one locale block in src/locales/*.ts.
import type { Component } from 'vue'
import type { RouteComponent } from 'vue-router'
import { HomeFilled, List, OfficeBuilding, User, Document, Key } from '@element-plus/icons-vue'
import type { Role } from '@/api/auth'

export interface AppModule {
  /** Route name, also the test id of the menu item (menu-<name>). */
  name: string
  path: string
  component: () => Promise<RouteComponent | { default: RouteComponent }>
  /** i18n key of the menu label and page title. */
  titleKey: string
  icon: Component
  /** Roles allowed; omitted = every logged-in user. */
  roles?: readonly Role[]
  /** false = routable but not in the menu. */
  menu?: boolean
}

const ADMINS: readonly Role[] = ['sysadmin']

export const appModules: AppModule[] = [
  { name: 'home', path: '/', component: () => import('@/views/home/HomeView.vue'), titleKey: 'menu.home', icon: HomeFilled },
  { name: 'tasks', path: '/tasks', component: () => import('@/views/tasks/TasksView.vue'), titleKey: 'menu.tasks', icon: List },
  { name: 'org', path: '/org', component: () => import('@/views/org/OrgView.vue'), titleKey: 'menu.org', icon: OfficeBuilding },
  { name: 'users', path: '/users', component: () => import('@/views/users/UsersView.vue'), titleKey: 'menu.users', icon: User, roles: ADMINS },
  { name: 'audit', path: '/audit', component: () => import('@/views/audit/AuditView.vue'), titleKey: 'menu.audit', icon: Document, roles: ADMINS },
  { name: 'tokens', path: '/tokens', component: () => import('@/views/tokens/TokensView.vue'), titleKey: 'menu.tokens', icon: Key, roles: ['sysadmin', 'park_admin'] },
]

/** The modules a role may use, in menu order. Pure; unit-tested. */
export function menuFor(role: Role | null, modules: AppModule[] = appModules): AppModule[] {
  if (!role) return []
  return modules.filter((m) => m.menu !== false && (!m.roles || m.roles.includes(role)))
}
