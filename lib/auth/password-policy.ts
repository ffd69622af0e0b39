import { dictionary } from "@zxcvbn-ts/language-common";

// 49,000 of the most common passwords (zxcvbn-ts's list). With the 12-character
// minimum, this is the whole policy: no composition rules (NIST SP 800-63B).
const COMMON = new Set((dictionary["passwords-common"] as string[]).map((p) => p.toLowerCase()));

export type PasswordProblem = "passwordCommon" | "passwordLikeEmail";

export function passwordProblem(password: string, email?: string): PasswordProblem | null {
  const lower = password.toLowerCase();
  if (COMMON.has(lower)) return "passwordCommon";
  // One word repeated ("passwordpassword") or a common password padded with digits.
  const core = lower.replace(/\d+$/, "").replace(/^\d+/, "");
  if (core.length >= 4 && (COMMON.has(core) || /^(.+)\1+$/.test(lower))) return "passwordCommon";
  if (email) {
    const local = email.toLowerCase().split("@")[0] ?? "";
    if (lower === email.toLowerCase() || (local.length >= 4 && lower.includes(local)))
      return "passwordLikeEmail";
  }
  return null;
}
