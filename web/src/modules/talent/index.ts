// Talent-demand database (人才需求信息库) and rewards (奖补) — issue 13 items 3 and 4. Picked up by
// router/modules.ts; menu section "talent" (orders 72–73.9).
import { UserFilled, Trophy } from '@element-plus/icons-vue'
import type { FeatureModule } from '@/router/modules'
import zh from './zh-CN'
import en from './en'

const mod: FeatureModule = {
  modules: [
    { name: 'talent', path: '/talent', component: () => import('@/views/talent/TalentView.vue'), titleKey: 'talent.menu.talent', icon: UserFilled, order: 72 },
    { name: 'rewards', path: '/rewards', component: () => import('@/views/talent/RewardsView.vue'), titleKey: 'talent.menu.rewards', icon: Trophy, order: 72.5 },
  ],
  messages: { 'zh-CN': { talent: zh }, en: { talent: en } },
}

export default mod
