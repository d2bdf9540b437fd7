import { describe, expect, it } from "vitest";
import { changeEpoch, noteChange } from "@db/coordination";
import { cachedFigures } from "~/models/scorecard-cache.server";

describe("the change epoch (LISTEN/NOTIFY, ADR 0026)", () => {
  it("moves at every change heard", () => {
    const before = changeEpoch();
    noteChange();
    noteChange();
    expect(changeEpoch()).toBe(before + 2);
  });

  it("makes cached scorecard figures stale at once, and only then", async () => {
    let computed = 0;
    const compute = async () => ++computed;
    const key = `epoch-test:${Math.random()}`;
    expect((await cachedFigures(key, compute)).value).toBe(1);
    expect((await cachedFigures(key, compute)).value).toBe(1);
    noteChange();
    expect((await cachedFigures(key, compute)).value).toBe(2);
    expect((await cachedFigures(key, compute)).value).toBe(2);
  });

  it("does not keep figures computed while a change arrived", async () => {
    let computed = 0;
    let release: () => void = () => {};
    const key = `epoch-race:${Math.random()}`;
    const slow = () =>
      new Promise<number>((resolve) => {
        computed += 1;
        const n = computed;
        release = () => resolve(n);
      });
    const first = cachedFigures(key, slow);
    noteChange(); // committed while the first computation was reading
    release();
    expect((await first).value).toBe(1);
    const second = cachedFigures(key, slow);
    release();
    expect((await second).value).toBe(2);
  });
});
