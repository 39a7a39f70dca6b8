import { createApp } from 'vue'
import { createPinia } from 'pinia'
import ElementPlus from 'element-plus'
import 'element-plus/dist/index.css'
import './styles.css'
import App from './App.vue'
import { router } from './router'
import { i18n, currentLocale } from './locales'
import { configureClient } from './api/client'
import { useAuthStore } from './stores/auth'
import { useOrgStore } from './stores/org'
import { setServerClock } from './utils/time'

const app = createApp(App)
const pinia = createPinia()
app.use(pinia).use(i18n).use(ElementPlus)

const auth = useAuthStore()
configureClient({
  getCsrfToken: () => auth.csrfToken,
  getLocale: () => currentLocale(),
  onUnauthorized: () => {
    auth.clear()
    useOrgStore().reset()
    const here = router.currentRoute.value
    if (here.name !== 'login') {
      router.replace({ name: 'login', query: here.fullPath && here.fullPath !== '/' ? { redirect: here.fullPath } : {} })
    }
  },
})

document.documentElement.lang = currentLocale()
// "Today" is the deployment's date (its time zone and clock), not the browser's.
fetch('/api/v1/health', { credentials: 'same-origin' })
  .then((r) => (r.ok ? r.json() : null))
  .then((h) => h && setServerClock(h))
  .catch(() => undefined)
app.use(router)
app.mount('#app')
