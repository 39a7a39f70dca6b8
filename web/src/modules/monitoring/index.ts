// Economic-operation monitoring (issue 3): the leaders' dashboard, monthly entry, targets and the catalog.
import { DataLine, Edit, Aim, Collection } from '@element-plus/icons-vue'
import type { FeatureModule } from '@/router/modules'
import zh from './zh-CN'
import en from './en'

// Leaders read the dashboard; entry, targets and the catalog are work and settings pages (issue 11 item 7).
const mod: FeatureModule = {
  modules: [
    { name: 'monitoring-dashboard', path: '/monitoring', component: () => import('@/views/monitoring/DashboardView.vue'), titleKey: 'monitoring.menu.dashboard', icon: DataLine, roles: ['sysadmin', 'park_admin', 'department', 'leader'], order: 30 },
    { name: 'monitoring-entry', path: '/monitoring/entry', component: () => import('@/views/monitoring/EntryView.vue'), titleKey: 'monitoring.menu.entry', icon: Edit, roles: ['sysadmin', 'park_admin', 'department'], order: 31 },
    { name: 'monitoring-targets', path: '/monitoring/targets', component: () => import('@/views/monitoring/TargetsView.vue'), titleKey: 'monitoring.menu.targets', icon: Aim, roles: ['sysadmin', 'park_admin', 'department'], order: 32 },
    { name: 'monitoring-catalog', path: '/monitoring/indicators', component: () => import('@/views/monitoring/CatalogView.vue'), titleKey: 'monitoring.menu.catalog', icon: Collection, roles: ['sysadmin', 'park_admin', 'department'], order: 33 },
  ],
  messages: { 'zh-CN': { monitoring: zh }, en: { monitoring: en } },
}

export default mod
