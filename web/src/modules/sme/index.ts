// 创业园运营 (SME park, issue 16): space and occupancy, leases, bills, repairs. Picked up by router/modules.ts.
import { OfficeBuilding, Tickets, Money, Tools, Coin, Brush } from '@element-plus/icons-vue'
import type { FeatureModule } from '@/router/modules'
import zh from './zh-CN'
import en from './en'

const STAFF_READERS = ['sysadmin', 'park_admin', 'department', 'leader'] as const

const mod: FeatureModule = {
  modules: [
    { name: 'sme-space', path: '/sme/space', component: () => import('./SpaceView.vue'), titleKey: 'sme.menu.space', icon: OfficeBuilding, roles: STAFF_READERS, order: 78 },
    { name: 'sme-leases', path: '/sme/leases', component: () => import('./LeasesView.vue'), titleKey: 'sme.menu.leases', icon: Tickets, order: 78.5 },
    { name: 'sme-bills', path: '/sme/bills', component: () => import('./BillsView.vue'), titleKey: 'sme.menu.bills', icon: Money, order: 79 },
    { name: 'sme-refurbishments', path: '/sme/refurbishments', component: () => import('./RefurbView.vue'), titleKey: 'sme.menu.refurbishments', icon: Brush, roles: STAFF_READERS, order: 79.6 },
    { name: 'sme-financing', path: '/sme/financing', component: () => import('./FinancingView.vue'), titleKey: 'sme.menu.financing', icon: Coin, order: 79.7 },
    { name: 'sme-repairs', path: '/sme/repairs', component: () => import('./RepairsView.vue'), titleKey: 'sme.menu.repairs', icon: Tools, order: 79.5 },
  ],
  messages: { 'zh-CN': { sme: zh }, en: { sme: en } },
}

export default mod
