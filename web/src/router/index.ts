import { createRouter, createWebHistory, type RouteRecordRaw } from 'vue-router'
import type { Role } from '@/api/auth'
import { useAuthStore } from '@/stores/auth'
import { appModules } from './modules'

declare module 'vue-router' {
  interface RouteMeta {
    public?: boolean
    roles?: readonly Role[]
    titleKey?: string
  }
}

const routes: RouteRecordRaw[] = [
  { path: '/login', name: 'login', component: () => import('@/views/login/LoginView.vue'), meta: { public: true } },
  {
    path: '/',
    component: () => import('@/layouts/MainLayout.vue'),
    children: [
      ...appModules.map<RouteRecordRaw>((m) => ({
        path: m.path === '/' ? '' : m.path.replace(/^\//, ''),
        name: m.name,
        component: m.component,
        meta: { roles: m.roles, titleKey: m.titleKey },
      })),
      { path: 'account', name: 'account', component: () => import('@/views/account/AccountView.vue'), meta: { titleKey: 'account.title' } },
      { path: 'forbidden', name: 'forbidden', component: () => import('@/views/errors/ForbiddenView.vue'), meta: { titleKey: 'errors.forbidden' } },
      { path: ':rest(.*)*', name: 'not-found', component: () => import('@/views/errors/NotFoundView.vue'), meta: { titleKey: 'errors.notFound' } },
    ],
  },
]

export const router = createRouter({ history: createWebHistory('/'), routes })

router.beforeEach(async (to) => {
  const auth = useAuthStore()
  // The login page does not probe the session (no 401 in the console on every login page, issue
  // 11 item 8); a logged-in user who opens it simply logs in again.
  if (!auth.checked && to.name !== 'login') await auth.restore()
  if (to.meta.public) {
    return auth.loggedIn && to.name === 'login' ? { name: 'home' } : true
  }
  if (!auth.loggedIn) {
    return { name: 'login', query: to.fullPath !== '/' ? { redirect: to.fullPath } : {} }
  }
  if (!auth.hasRole(to.meta.roles)) return { name: 'forbidden' }
  // -- management loop (issue 19): a department user's home page is the unit's work queue --
  if (to.name === 'home' && auth.role === 'department') return { name: 'my-queue' }
  return true
})
