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
  /** Menu position (smaller first). Core pages use 10..20 and 80..95; feature modules 30..70. */
  order?: number
}

/** What a feature module (src/modules/<name>/index.ts) exports: its pages and its messages. */
export interface FeatureModule {
  modules: AppModule[]
  messages: { 'zh-CN': Record<string, unknown>; en: Record<string, unknown> }
}

const ADMINS: readonly Role[] = ['sysadmin']

const coreModules: AppModule[] = [
  { name: 'home', path: '/', component: () => import('@/views/home/HomeView.vue'), titleKey: 'menu.home', icon: HomeFilled, order: 10 },
  { name: 'tasks', path: '/tasks', component: () => import('@/views/tasks/TasksView.vue'), titleKey: 'menu.tasks', icon: List, order: 20 },
  { name: 'org', path: '/org', component: () => import('@/views/org/OrgView.vue'), titleKey: 'menu.org', icon: OfficeBuilding, order: 80 },
  { name: 'users', path: '/users', component: () => import('@/views/users/UsersView.vue'), titleKey: 'menu.users', icon: User, roles: ADMINS, order: 85 },
  { name: 'audit', path: '/audit', component: () => import('@/views/audit/AuditView.vue'), titleKey: 'menu.audit', icon: Document, roles: ADMINS, order: 90 },
  { name: 'tokens', path: '/tokens', component: () => import('@/views/tokens/TokensView.vue'), titleKey: 'menu.tokens', icon: Key, roles: ['sysadmin', 'park_admin'], order: 95 },
]

/** Feature modules register themselves by existing: src/modules/<name>/index.ts. */
export const featureModules: FeatureModule[] = Object.values(
  import.meta.glob<FeatureModule>('../modules/*/index.ts', { eager: true, import: 'default' }),
)

export const appModules: AppModule[] = [...coreModules, ...featureModules.flatMap((f) => f.modules)].sort(
  (a, b) => (a.order ?? 50) - (b.order ?? 50),
)

/** Menu sections by order range: pages of one module sit together under one heading. */
export const menuSections: { key: string; titleKey: string; from: number; to: number }[] = [
  { key: 'monitoring', titleKey: 'menuGroups.monitoring', from: 30, to: 40 },
  { key: 'projects', titleKey: 'menuGroups.projects', from: 40, to: 50 },
  { key: 'enterprises', titleKey: 'menuGroups.enterprises', from: 50, to: 60 },
  { key: 'land', titleKey: 'menuGroups.land', from: 60, to: 70 },
  { key: 'compare', titleKey: 'menuGroups.compare', from: 70, to: 72 },
  { key: 'talent', titleKey: 'menuGroups.talent', from: 72, to: 74 },
  { key: 'safety', titleKey: 'menuGroups.safety', from: 74, to: 77 },
  { key: 'gates', titleKey: 'menuGroups.gates', from: 77, to: 78 },
  { key: 'sme', titleKey: 'menuGroups.sme', from: 78, to: 80 },
  { key: 'system', titleKey: 'menuGroups.system', from: 80, to: 100 },
]

export type MenuEntry =
  | { kind: 'item'; module: AppModule }
  | { kind: 'group'; key: string; titleKey: string; icon: Component; items: AppModule[] }

/** The menu of a role: pages outside any section stand alone; a section with one page shows the
 * page itself. Pure; unit-tested. */
export function menuTree(role: Role | null, modules: AppModule[] = appModules): MenuEntry[] {
  const out: MenuEntry[] = []
  for (const m of menuFor(role, modules)) {
    const order = m.order ?? 50
    const sec = menuSections.find((s) => order >= s.from && order < s.to)
    if (!sec) {
      out.push({ kind: 'item', module: m })
      continue
    }
    const last = out[out.length - 1]
    if (last && last.kind === 'group' && last.key === sec.key) last.items.push(m)
    else out.push({ kind: 'group', key: sec.key, titleKey: sec.titleKey, icon: m.icon, items: [m] })
  }
  return out.map((e) => (e.kind === 'group' && e.items.length === 1 ? { kind: 'item', module: e.items[0] } : e))
}

/** The modules a role may use, in menu order. Pure; unit-tested. */
export function menuFor(role: Role | null, modules: AppModule[] = appModules): AppModule[] {
  if (!role) return []
  return modules.filter((m) => m.menu !== false && (!m.roles || m.roles.includes(role)))
}
