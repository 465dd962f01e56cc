import { describe, expect, it } from "vitest";
import { afterFailedSignIn, isLocked } from "./sign-in";

const policy = { lockAfterFailedSignIns: 5, lockMinutes: 30 };
const now = new Date("2026-11-22T10:00:00Z");

describe("lock-out", () => {
  it("counts failures and locks on the fifth for 30 minutes", () => {
    let state = { failedCount: 0, lockedUntil: null as Date | null };
    const locks = [];
    for (let i = 0; i < 5; i++) {
      const next = afterFailedSignIn(state, policy, now);
      locks.push(next.justLocked);
      state = next;
    }
    expect(locks).toEqual([false, false, false, false, true]);
    expect(state.lockedUntil?.toISOString()).toBe("2026-11-22T10:30:00.000Z");
    expect(isLocked(state.lockedUntil, new Date("2026-11-22T10:29:59Z"))).toBe(true);
    expect(isLocked(state.lockedUntil, new Date("2026-11-22T10:30:00Z"))).toBe(false);
  });
  it("starts counting afresh once a lock has run out", () => {
    const next = afterFailedSignIn({ failedCount: 5, lockedUntil: new Date("2026-11-22T09:00:00Z") }, policy, now);
    expect(next).toEqual({ failedCount: 1, lockedUntil: null, justLocked: false });
  });
});
