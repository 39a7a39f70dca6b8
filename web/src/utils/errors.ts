import { ElMessage } from 'element-plus'
import { isApiError } from '@/api/client'
import { i18n } from '@/locales'

/** Shows an API or unexpected error as a toast; 401s are already handled by a redirect. */
export function showError(e: unknown): void {
  if (isApiError(e)) {
    if (e.status === 401) return
    ElMessage.error(e.status === 0 ? i18n.global.t('common.networkError') : e.message)
    return
  }
  console.error(e)
  ElMessage.error(String((e as Error)?.message ?? e))
}
