// Briefings, notifications and scheduled jobs (issue 12). Picked up by router/modules.ts.
import { Notebook, Bell, Timer } from '@element-plus/icons-vue'
import type { FeatureModule } from '@/router/modules'
import zh from './zh-CN'
import en from './en'

const mod: FeatureModule = {
  modules: [
    { name: 'briefings', path: '/briefings', component: () => import('@/views/briefings/BriefingsView.vue'), titleKey: 'briefings.menu.list', icon: Notebook, roles: ['sysadmin', 'park_admin', 'department', 'leader'], order: 34 },
    { name: 'briefing-detail', path: '/briefings/:id', component: () => import('@/views/briefings/BriefingDetailView.vue'), titleKey: 'briefings.menu.detail', icon: Notebook, roles: ['sysadmin', 'park_admin', 'department', 'leader'], menu: false },
    { name: 'notifications', path: '/notifications', component: () => import('@/views/briefings/NotificationsView.vue'), titleKey: 'briefings.menu.notifications', icon: Bell, order: 15 },
    { name: 'jobs', path: '/jobs', component: () => import('@/views/briefings/JobsView.vue'), titleKey: 'briefings.menu.jobs', icon: Timer, roles: ['sysadmin', 'park_admin'], order: 92 },
  ],
  messages: { 'zh-CN': { briefings: zh }, en: { briefings: en } },
}

export default mod
