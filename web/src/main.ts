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
app.use(router)
app.mount('#app')
