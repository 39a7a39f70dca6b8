// 亩均效益评价 (issue 6, evaluation half): the park's workbench and an enterprise's own result page.
import { DataAnalysis, Medal } from '@element-plus/icons-vue'
import type { FeatureModule } from '@/router/modules'
import { en, zhCN } from './messages'

const feature: FeatureModule = {
  modules: [
    {
      name: 'evaluation',
      path: '/evaluation',
      component: () => import('@/views/evaluation/EvaluationView.vue'),
      titleKey: 'evaluation.menu',
      icon: DataAnalysis,
      roles: ['sysadmin', 'park_admin', 'department', 'leader'],
      order: 65,
    },
    {
      name: 'my-evaluation',
      path: '/my-evaluation',
      component: () => import('@/views/evaluation/MyEvaluationView.vue'),
      titleKey: 'evaluation.myMenu',
      icon: Medal,
      roles: ['enterprise'],
      order: 65,
    },
  ],
  messages: { 'zh-CN': { evaluation: zhCN }, en: { evaluation: en } },
}
export default feature
