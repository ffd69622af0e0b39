import { describe, expect, it, vi } from "vitest";

vi.mock("@/lib/env", () => ({ env: () => ({ DATABASE_URL: "postgresql://unused" }) }));

const { retryOnDeadlock } = await import("./boss");

const deadlock = () => Object.assign(new Error("deadlock detected"), { code: "40P01" });

describe("creating queues while another instance does the same", () => {
  it("tries again after a deadlock, and succeeds", async () => {
    const work = vi
      .fn<() => Promise<string>>()
      .mockRejectedValueOnce(deadlock())
      .mockRejectedValueOnce(deadlock())
      .mockResolvedValue("created");
    await expect(retryOnDeadlock(work)).resolves.toBe("created");
    expect(work).toHaveBeenCalledTimes(3);
  });

  it("gives up after the last attempt, and never retries other errors", async () => {
    const always = vi.fn<() => Promise<string>>().mockRejectedValue(deadlock());
    await expect(retryOnDeadlock(always, 3)).rejects.toThrow("deadlock detected");
    expect(always).toHaveBeenCalledTimes(3);
    const other = vi.fn<() => Promise<string>>().mockRejectedValue(new Error("permission denied"));
    await expect(retryOnDeadlock(other)).rejects.toThrow("permission denied");
    expect(other).toHaveBeenCalledTimes(1);
  });
});
