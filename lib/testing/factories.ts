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

/**
 * A city of its own with one area and one theme (keywords "dairy" / "乳业"),
 * for tests that need a theme nobody else's data touches.
 */
export async function createCityWithTheme(db: Db) {
  const city = await db.city.create({
    data: {
      slug: unique("city"),
      nameEn: "Testcity",
      nameZh: "测试市",
      regionEn: "Region",
      regionZh: "地区",
      countryCode: "CN",
      summaryEn: "A city for tests.",
      summaryZh: "测试用城市。",
    },
  });
  const area = await db.cooperationArea.create({
    data: {
      cityId: city.id,
      slug: "area",
      order: 1,
      nameEn: "Area",
      nameZh: "领域",
      descriptionEn: "An area.",
      descriptionZh: "一个领域。",
    },
  });
  const theme = await db.theme.create({
    data: {
      cityId: city.id,
      areaId: area.id,
      slug: unique("theme"),
      order: 1,
      nameEn: "Dairy",
      nameZh: "乳业",
      descriptionEn: "A theme.",
      descriptionZh: "一个主题。",
      keywordsEn: ["dairy"],
      keywordsZh: ["乳业"],
    },
  });
  return { city, area, theme };
}
