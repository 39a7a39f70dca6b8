// Risk profiles, emergency resources, energy and emissions (issue 14 items 3-5). Picked up by
// router/modules.ts; menu orders 75.5–76.9 (the safety section).
import { Files, FirstAidKit, Phone, DataLine } from '@element-plus/icons-vue'
import type { FeatureModule } from '@/router/modules'
import zh from './zh-CN'
import en from './en'

const mod: FeatureModule = {
  modules: [
    { name: 'risk-profiles', path: '/risk/profiles', component: () => import('@/views/risk/ProfilesView.vue'), titleKey: 'risk.menu.profiles', icon: Files, order: 75.5 },
    { name: 'risk-emergency', path: '/risk/emergency', component: () => import('@/views/risk/EmergencyView.vue'), titleKey: 'risk.menu.emergency', icon: FirstAidKit, order: 75.6 },
    { name: 'risk-duty', path: '/risk/duty', component: () => import('@/views/risk/DutyView.vue'), titleKey: 'risk.menu.duty', icon: Phone, order: 75.7 },
    { name: 'risk-energy', path: '/risk/energy', component: () => import('@/views/risk/EnergyView.vue'), titleKey: 'risk.menu.energy', icon: DataLine, order: 75.8 },
  ],
  messages: { 'zh-CN': { risk: zh }, en: { risk: en } },
}

export default mod
