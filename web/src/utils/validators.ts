// Client-side mirrors of the server's user rules (the server stays the judge).
export const USERNAME_RE = /^[A-Za-z0-9][A-Za-z0-9_.-]{2,31}$/

/** Server rule: at least 10 characters and at least 3 of the 4 classes (upper, lower, digit, other). */
export function passwordStrong(pw: string): boolean {
  if (!pw || pw.length < 10) return false
  let classes = 0
  if (/[A-Z]/.test(pw)) classes++
  if (/[a-z]/.test(pw)) classes++
  if (/[0-9]/.test(pw)) classes++
  if (/[^A-Za-z0-9]/.test(pw)) classes++
  return classes >= 3
}

export function usernameValid(u: string): boolean {
  return USERNAME_RE.test(u)
}
