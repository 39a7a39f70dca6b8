import { onBeforeUnmount, onMounted, ref } from 'vue'

export const MOBILE_MAX = 768

/** Reactive "is this a phone-width screen". */
export function useIsMobile() {
  const isMobile = ref(typeof window !== 'undefined' && window.innerWidth <= MOBILE_MAX)
  const update = () => {
    isMobile.value = window.innerWidth <= MOBILE_MAX
  }
  onMounted(() => window.addEventListener('resize', update))
  onBeforeUnmount(() => window.removeEventListener('resize', update))
  return isMobile
}
