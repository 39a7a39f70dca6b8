// Parks compared (issue 13 items 1 and 2): the region's park evaluation and the chemical-park
// recognition ledger. Picked up by router/modules.ts (menu section "compare", orders 70–71.9).
import { DataAnalysis, Checked } from '@element-plus/icons-vue'
import type { FeatureModule } from '@/router/modules'
import type { Role } from '@/api/auth'
import zh from './zh-CN'
import en from './en'

const READERS: readonly Role[] = ['sysadmin', 'park_admin', 'department', 'leader']

const mod: FeatureModule = {
  modules: [
    { name: 'park-evaluation', path: '/park-evaluation', component: () => import('@/views/parks/ParkEvaluationView.vue'), titleKey: 'parks.menu.evaluation', icon: DataAnalysis, roles: READERS, order: 70 },
    { name: 'chemical-park', path: '/chemical-park', component: () => import('@/views/parks/ChemParkView.vue'), titleKey: 'parks.menu.chem', icon: Checked, roles: READERS, order: 70.5 },
  ],
  messages: { 'zh-CN': { parks: zh }, en: { parks: en } },
}

export default mod
