// One set of figures everyone trusts (issue 11): reconciliation between sources (对账).
import { Files, Switch } from '@element-plus/icons-vue'
import type { FeatureModule } from '@/router/modules'
import { zh, en } from './messages'

const mod: FeatureModule = {
  modules: [
    { name: 'figures-reconciliation', path: '/monitoring/reconciliation', component: () => import('@/views/figures/ReconciliationView.vue'), titleKey: 'figures.reconciliation.menu', icon: Switch, roles: ['sysadmin', 'park_admin', 'department', 'leader'], order: 34 },
    { name: 'figures-registers', path: '/registers', component: () => import('@/views/figures/RegistersView.vue'), titleKey: 'figures.registers.menu', icon: Files, roles: ['sysadmin', 'park_admin', 'department'], order: 82 },
  ],
  messages: { 'zh-CN': zh, en },
}

export default mod
