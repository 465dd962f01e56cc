import { describe, expect, it } from "vitest";
import { inOrder } from "./in-order";

describe("inOrder", () => {
  it("starts each query only after the previous one has finished, and returns the results in order", async () => {
    const events: string[] = [];
    const query = (name: string, ms: number) => () =>
      new Promise<string>((resolve) => {
        events.push(`start ${name}`);
        setTimeout(() => {
          events.push(`end ${name}`);
          resolve(name);
        }, ms);
      });
    const results = await inOrder([query("slow", 20), query("fast", 1), async () => 3]);
    expect(results).toEqual(["slow", "fast", 3]);
    expect(events).toEqual(["start slow", "end slow", "start fast", "end fast"]);
  });

  it("stops at the first failure without starting the rest", async () => {
    let started = false;
    await expect(
      inOrder([
        () => Promise.reject(new Error("refused")),
        async () => {
          started = true;
        },
      ]),
    ).rejects.toThrow("refused");
    expect(started).toBe(false);
  });
});
