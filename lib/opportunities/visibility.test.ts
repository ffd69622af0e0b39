import { describe, expect, it } from "vitest";
import { isOpen, today } from "./visibility";

const noon = new Date("2026-11-28T12:00:00Z");

describe("isOpen", () => {
  it("is open when published and the deadline is today or later", () => {
    expect(isOpen({ status: "PUBLISHED", deadline: new Date("2026-11-28T00:00:00Z") }, noon)).toBe(
      true,
    );
    expect(isOpen({ status: "PUBLISHED", deadline: new Date("2027-01-01T00:00:00Z") }, noon)).toBe(
      true,
    );
    expect(isOpen({ status: "PUBLISHED", deadline: null }, noon)).toBe(true);
  });

  it("is closed after the deadline, when closed, or as a draft", () => {
    expect(isOpen({ status: "PUBLISHED", deadline: new Date("2026-11-27T00:00:00Z") }, noon)).toBe(
      false,
    );
    expect(isOpen({ status: "CLOSED", deadline: null }, noon)).toBe(false);
    expect(isOpen({ status: "DRAFT", deadline: null }, noon)).toBe(false);
  });

  it("counts whole days in UTC whatever the local time zone", () => {
    expect(today(new Date("2026-11-28T23:30:00Z")).toISOString()).toBe("2026-11-28T00:00:00.000Z");
  });
});
