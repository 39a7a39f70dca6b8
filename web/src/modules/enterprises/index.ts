// Enterprises (issue 5): registry 一企一档, monthly report, review, reporting status, pools.
import { OfficeBuilding, EditPen, Checked, DataAnalysis, TrendCharts, Setting } from '@element-plus/icons-vue'
import type { FeatureModule } from '@/router/modules'
import { zh, en } from './messages'

const STAFF = ['sysadmin', 'park_admin', 'department', 'leader'] as const
const REVIEWERS = ['sysadmin', 'park_admin'] as const

const mod: FeatureModule = {
  modules: [
    { name: 'enterprises', path: '/enterprises', component: () => import('@/views/enterprises/EnterprisesView.vue'), titleKey: 'enterprises.menu.list', icon: OfficeBuilding, order: 50 },
    { name: 'enterprise-profile', path: '/enterprises/:id', component: () => import('@/views/enterprises/ProfileView.vue'), titleKey: 'enterprises.menu.profile', icon: OfficeBuilding, menu: false, order: 50 },
    { name: 'enterprise-report', path: '/enterprise-report', component: () => import('@/views/enterprises/ReportView.vue'), titleKey: 'enterprises.menu.report', icon: EditPen, roles: ['enterprise', 'sysadmin', 'park_admin'], order: 51 },
    { name: 'enterprise-review', path: '/enterprise-review', component: () => import('@/views/enterprises/ReviewView.vue'), titleKey: 'enterprises.menu.review', icon: Checked, roles: REVIEWERS, order: 52 },
    { name: 'enterprise-status', path: '/enterprise-status', component: () => import('@/views/enterprises/StatusView.vue'), titleKey: 'enterprises.menu.status', icon: DataAnalysis, roles: STAFF, order: 53 },
    { name: 'enterprise-pools', path: '/enterprise-pools', component: () => import('@/views/enterprises/PoolsView.vue'), titleKey: 'enterprises.menu.pools', icon: TrendCharts, roles: STAFF, order: 54 },
    { name: 'enterprise-settings', path: '/enterprise-settings', component: () => import('@/views/enterprises/SettingsView.vue'), titleKey: 'enterprises.menu.settings', icon: Setting, roles: ['sysadmin', 'park_admin', 'department'], order: 55 },
  ],
  messages: { 'zh-CN': { enterprises: zh }, en: { enterprises: en } },
}

export default mod
