import { describe, expect, it } from "vitest";
import { passwordProblem } from "./password-policy";

describe("passwordProblem", () => {
  it("refuses common passwords, whatever their case", () => {
    expect(passwordProblem("qwerty123456")).toBe("passwordCommon");
    expect(passwordProblem("1Q2W3E4R5T6Y")).toBe("passwordCommon");
  });

  it("refuses a common word padded with digits or repeated", () => {
    expect(passwordProblem("password123456")).toBe("passwordCommon");
    expect(passwordProblem("sunshinesunshine")).toBe("passwordCommon");
  });

  it("refuses the email address or its name part", () => {
    expect(passwordProblem("anna.berg@uni.example", "anna.berg@uni.example")).toBe(
      "passwordLikeEmail",
    );
    expect(passwordProblem("my-anna.berg-2026", "anna.berg@uni.example")).toBe("passwordLikeEmail");
  });

  it("accepts a long passphrase without composition rules", () => {
    expect(passwordProblem("grassland yoghurt bridge", "anna@uni.example")).toBeNull();
    expect(passwordProblem("呼和浩特的乳业合作伙伴")).toBeNull();
  });
});
