// Test data, each with unique names, shared by integration tests and e2e set-up.
import { randomBytes } from "node:crypto";
import { hashPassword } from "@/lib/auth/password";
import type { Db } from "@/lib/db/client";
import type { Role } from "@/lib/generated/prisma/enums";

export const TEST_PASSWORD = "correct horse battery staple";

export function unique(prefix = "t") {
  return `${prefix}-${randomBytes(5).toString("hex")}`;
}

let cachedHash: Promise<string> | undefined;
function testPasswordHash() {
  cachedHash ??= hashPassword(TEST_PASSWORD);
  return cachedHash;
}

export async function createOrganisation(
  db: Db,
  overrides: Partial<{ name: string; country: string }> = {},
) {
  return db.organisation.create({
    data: {
      name: overrides.name ?? unique("Org"),
      type: "UNIVERSITY",
      country: overrides.country ?? "DE",
      city: "Freiburg",
      sizeBand: "MEDIUM",
      website: "https://org.test.example",
      description:
        "A test organisation that works on dairy fermentation, probiotic strains and food safety research, with pilot plants for cheese and yoghurt.",
      keywords: ["dairy", "probiotics"],
      languages: ["en"],
      cooperationTypes: ["JOINT_RD"],
      trlMin: 3,
      trlMax: 6,
      consentedAt: new Date(),
    },
  });
}

export async function createUser(
  db: Db,
  options: {
    role?: Role;
    organisationId?: string | null;
    verified?: boolean;
    email?: string;
    name?: string;
  } = {},
) {
  return db.user.create({
    data: {
      email: options.email ?? `${unique("user")}@test.example`,
      name: options.name ?? unique("Name"),
      role: options.role ?? "PARTNER",
      organisationId: options.organisationId ?? null,
      passwordHash: await testPasswordHash(),
      emailVerifiedAt: options.verified === false ? null : new Date(),
    },
  });
}
