import { describe, expect, it } from "vitest";
import { advanceStep, previousStep, resolveStep, stepFromParam } from "./steps";

describe("advanceStep", () => {
  it("moves to the step after the one saved", () => {
    expect(advanceStep("ORGANISATION", "ORGANISATION")).toBe("CAPABILITIES");
    expect(advanceStep("CAPABILITIES", "CAPABILITIES")).toBe("CONSENT");
    expect(advanceStep("CONSENT", "CONSENT")).toBeNull();
  });

  it("never moves back when an earlier step is saved again", () => {
    expect(advanceStep("CONSENT", "ORGANISATION")).toBe("CONSENT");
    expect(advanceStep("CONSENT", "CAPABILITIES")).toBe("CONSENT");
    expect(advanceStep("CAPABILITIES", "ORGANISATION")).toBe("CAPABILITIES");
  });

  it("keeps a finished onboarding finished", () => {
    expect(advanceStep(null, "ORGANISATION")).toBeNull();
    expect(advanceStep(null, "CAPABILITIES")).toBeNull();
  });
});

describe("resolveStep", () => {
  it("opens at the stored step", () => {
    expect(resolveStep("CAPABILITIES", null)).toBe("CAPABILITIES");
    expect(resolveStep(undefined, null)).toBe("ORGANISATION");
  });

  it("opens a requested step already reached, and no further", () => {
    expect(resolveStep("CONSENT", "ORGANISATION")).toBe("ORGANISATION");
    expect(resolveStep("CAPABILITIES", "CONSENT")).toBe("CAPABILITIES");
    expect(resolveStep(null, "CAPABILITIES")).toBe("ORGANISATION");
  });
});

describe("step parameters", () => {
  it("reads steps from the URL", () => {
    expect(stepFromParam("capabilities")).toBe("CAPABILITIES");
    expect(stepFromParam("account")).toBeNull();
    expect(stepFromParam(["consent"])).toBeNull();
    expect(previousStep("CONSENT")).toBe("CAPABILITIES");
    expect(previousStep("ORGANISATION")).toBeNull();
  });
});
