import { defineStore } from 'pinia'
import { computed, ref } from 'vue'
import { authApi, type Role, type Scope, type User } from '@/api/auth'
import { isApiError } from '@/api/client'

export const useAuthStore = defineStore('auth', () => {
  const user = ref<User | null>(null)
  const csrfToken = ref<string | null>(null)
  const scope = ref<Scope | null>(null)
  /** True once the start-up /me probe has answered (either way). */
  const checked = ref(false)

  const loggedIn = computed(() => user.value !== null)
  const role = computed<Role | null>(() => user.value?.role ?? null)

  function hasRole(roles?: readonly Role[]): boolean {
    if (!roles || roles.length === 0) return true
    return role.value !== null && roles.includes(role.value)
  }

  /** May the caller write this register (park staff always; departments that keep it)? */
  function canKeep(register: string, parkId?: number | null): boolean {
    if (role.value === 'sysadmin' || role.value === 'park_admin') return true
    if (role.value !== 'department') return false
    return (scope.value?.keeps ?? []).some((k) => k.register === register && (parkId == null || k.park_id === parkId))
  }

  async function restore(): Promise<void> {
    try {
      const me = await authApi.me()
      user.value = me.user
      csrfToken.value = me.csrf_token
      scope.value = me.scope ?? null
    } catch (e) {
      if (!isApiError(e) || e.status !== 401) console.warn('restore session failed', e)
      clear()
    } finally {
      checked.value = true
    }
  }

  async function login(username: string, password: string): Promise<void> {
    const res = await authApi.login(username, password)
    user.value = res.user
    csrfToken.value = res.csrf_token
    checked.value = true
    // The scope comes with /me only; a failure here must not fail the login.
    try {
      const me = await authApi.me()
      scope.value = me.scope ?? null
      if (me.csrf_token) csrfToken.value = me.csrf_token
    } catch {
      scope.value = null
    }
  }

  async function logout(): Promise<void> {
    try {
      await authApi.logout()
    } finally {
      clear()
    }
  }

  function clear(): void {
    user.value = null
    csrfToken.value = null
    scope.value = null
  }

  return { user, csrfToken, scope, checked, loggedIn, role, hasRole, canKeep, restore, login, logout, clear }
})
