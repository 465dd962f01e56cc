// Account lock-out after repeated failed sign-ins. Pure rules; lib/data/auth.ts applies them.

export type LockPolicy = { lockAfterFailedSignIns: number; lockMinutes: number };

export function isLocked(lockedUntil: Date | null, now: Date): boolean {
  return lockedUntil !== null && lockedUntil.getTime() > now.getTime();
}

/** The account's state after one more failed attempt. A lock that has run out starts a fresh count. */
export function afterFailedSignIn(
  state: { failedCount: number; lockedUntil: Date | null },
  policy: LockPolicy,
  now: Date,
): { failedCount: number; lockedUntil: Date | null; justLocked: boolean } {
  const expired = state.lockedUntil !== null && !isLocked(state.lockedUntil, now);
  const failedCount = (expired ? 0 : state.failedCount) + 1;
  if (failedCount >= policy.lockAfterFailedSignIns) {
    return { failedCount, lockedUntil: new Date(now.getTime() + policy.lockMinutes * 60_000), justLocked: true };
  }
  return { failedCount, lockedUntil: null, justLocked: false };
}

export function lockedMessage(lockedUntil: Date): string {
  const time = new Intl.DateTimeFormat("en-GB", { hour: "2-digit", minute: "2-digit", timeZone: "Europe/London" }).format(lockedUntil);
  return `This account is locked after too many failed sign-in attempts. Try again after ${time}, or ask your administrator to unlock it.`;
}

export const WRONG_CREDENTIALS_MESSAGE =
  "The email address or password is not right. Check them and try again. Repeated failed attempts lock the account for a while.";
