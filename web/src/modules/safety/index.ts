// Safety and environment (issue 14, items 1 and 2): hidden hazards with inspections, and the
// park's shared facilities. Picked up by router/modules.ts.
import { Warning, OfficeBuilding } from '@element-plus/icons-vue'
import type { FeatureModule } from '@/router/modules'
import zh from './zh-CN'
import en from './en'

const mod: FeatureModule = {
  modules: [
    { name: 'safety-hazards', path: '/safety/hazards', component: () => import('@/views/safety/HazardsView.vue'), titleKey: 'safety.menu.hazards', icon: Warning, order: 74 },
    { name: 'safety-facilities', path: '/safety/facilities', component: () => import('@/views/safety/FacilitiesView.vue'), titleKey: 'safety.menu.facilities', icon: OfficeBuilding, roles: ['sysadmin', 'park_admin', 'department', 'leader'], order: 74.5 },
  ],
  messages: { 'zh-CN': { safety: zh }, en: { safety: en } },
}

export default mod
