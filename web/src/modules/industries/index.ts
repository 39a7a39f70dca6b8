// The GB/T 4754-2017 industry classification table (国民经济行业分类): a code table every park
// shares, so it sits with the system pages; system administrators import or restore it, park staff
// and leaders read it (with their park's leading-industry labels).
import { Collection } from '@element-plus/icons-vue'
import type { FeatureModule } from '@/router/modules'
import { zh, en } from './messages'

const mod: FeatureModule = {
  modules: [
    {
      name: 'industries',
      path: '/industries',
      component: () => import('@/views/industries/IndustriesView.vue'),
      titleKey: 'industries.menu',
      icon: Collection,
      roles: ['sysadmin', 'park_admin', 'department', 'leader'],
      order: 82,
    },
  ],
  messages: { 'zh-CN': { industries: zh }, en: { industries: en } },
}

export default mod
