import { createI18n } from 'vue-i18n'
import zhCNCore from './zh-CN'
import enCore from './en'
import { featureModules } from '@/router/modules'

// Feature modules bring their own message blocks (src/modules/<name>/index.ts).
const zhCN: Record<string, unknown> = { ...zhCNCore }
const en: Record<string, unknown> = { ...enCore }
for (const f of featureModules) {
  Object.assign(zhCN, f.messages['zh-CN'])
  Object.assign(en, f.messages.en)
}

export type Locale = 'zh-CN' | 'en'
export const LOCALES: { value: Locale; label: string }[] = [
  { value: 'zh-CN', label: '中文' },
  { value: 'en', label: 'English' },
]
const STORAGE_KEY = 'parkhq.locale'

function initialLocale(): Locale {
  try {
    const saved = localStorage.getItem(STORAGE_KEY)
    if (saved === 'en' || saved === 'zh-CN') return saved
  } catch {
    /* storage unavailable */
  }
  return 'zh-CN'
}

export const i18n = createI18n({
  legacy: false,
  globalInjection: true,
  locale: initialLocale(),
  fallbackLocale: 'zh-CN',
  messages: { 'zh-CN': zhCN, en },
})

export function currentLocale(): Locale {
  return i18n.global.locale.value as Locale
}

export function setLocale(l: Locale): void {
  i18n.global.locale.value = l
  try {
    localStorage.setItem(STORAGE_KEY, l)
  } catch {
    /* ignore */
  }
  document.documentElement.lang = l
}
