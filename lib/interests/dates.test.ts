import { describe, expect, it } from "vitest";
import { isPastDeadline, shanghaiDate } from "./dates";

describe("Hohhot dates", () => {
  it("gives the calendar day in Asia/Shanghai, whatever the machine's zone", () => {
    expect(shanghaiDate(new Date("2026-12-01T15:59:59Z"))).toBe("2026-12-01");
    expect(shanghaiDate(new Date("2026-12-01T16:00:00Z"))).toBe("2026-12-02");
  });

  it("keeps the deadline day open until midnight in Hohhot", () => {
    const deadline = new Date("2026-12-01T00:00:00Z"); // a DATE column
    expect(isPastDeadline(deadline, new Date("2026-12-01T15:59:59Z"))).toBe(false);
    expect(isPastDeadline(deadline, new Date("2026-12-01T16:00:00Z"))).toBe(true);
    expect(isPastDeadline(deadline, new Date("2026-11-30T23:00:00Z"))).toBe(false);
    expect(isPastDeadline(null, new Date("2030-01-01T00:00:00Z"))).toBe(false);
  });
});
