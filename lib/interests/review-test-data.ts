// Test data for the review queue, the export and the dashboard: a city of its
// own (so counts are exact while other test files share the database), its
// themes and opportunities, organisations, officials and expressions of
// interest inserted directly with Prisma.
import type { Db } from "@/lib/db/client";
import type {
  CooperationType,
  InterestStatus,
  MatchTargetKind,
  OrganisationType,
} from "@/lib/generated/prisma/enums";
import { unique } from "@/lib/testing/factories";

export async function createReviewCity(db: Db) {
  const slug = unique("city");
  const city = await db.city.create({
    data: {
      slug,
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
  return { ...city, areaId: area.id };
}

export async function createReviewTheme(
  db: Db,
  city: { id: string; areaId: string },
  name: { en: string; zh: string; order?: number },
) {
  return db.theme.create({
    data: {
      cityId: city.id,
      areaId: city.areaId,
      slug: unique("theme"),
      order: name.order ?? 1,
      nameEn: name.en,
      nameZh: name.zh,
      descriptionEn: "A theme.",
      descriptionZh: "一个主题。",
      keywordsEn: [],
      keywordsZh: [],
    },
  });
}

export async function createReviewOpportunity(
  db: Db,
  themeId: string,
  title: { en: string; zh: string },
) {
  return db.opportunity.create({
    data: {
      slug: unique("opp"),
      themeId,
      titleEn: title.en,
      titleZh: title.zh,
      descriptionEn: "Something sought.",
      descriptionZh: "所需内容。",
      cooperationTypes: ["JOINT_RD"],
      partnerTypes: [],
      trlMin: 3,
      trlMax: 7,
      status: "PUBLISHED",
      hostNameEn: "Host",
      hostNameZh: "发布方",
      hostType: "ENTERPRISE",
      publishedAt: new Date(),
    },
  });
}

export async function createReviewOrganisation(
  db: Db,
  options: {
    name?: string;
    country?: string;
    type?: OrganisationType;
    description?: string;
    keywords?: string[];
  } = {},
) {
  return db.organisation.create({
    data: {
      name: options.name ?? unique("Org"),
      type: options.type ?? "UNIVERSITY",
      country: options.country ?? "DE",
      city: "Freiburg",
      description: options.description ?? "A test organisation.",
      keywords: options.keywords ?? [],
      cooperationTypes: ["JOINT_RD"],
      languages: ["en"],
      consentedAt: new Date(),
    },
  });
}

export async function createMatchScore(
  db: Db,
  organisationId: string,
  targetKind: MatchTargetKind,
  targetId: string,
  score: number,
) {
  return db.matchScore.create({
    data: {
      organisationId,
      targetKind,
      targetId,
      score,
      explanation: JSON.stringify({ factors: [], concepts: [], nearMisses: [] }),
      computedAt: new Date(),
    },
  });
}

export type InterestInput = {
  organisationId: string;
  themeId: string;
  opportunityId?: string | null;
  status?: InterestStatus;
  motivation?: string;
  contribution?: string;
  timeline?: string;
  cooperationType?: CooperationType;
  assigneeId?: string | null;
  createdAt?: Date;
  firstReviewedAt?: Date | null;
  decidedAt?: Date | null;
};

/** One expression of interest, inserted as it stands (no workflow, no events). */
export async function createInterest(db: Db, input: InterestInput) {
  return db.expressionOfInterest.create({
    data: {
      organisationId: input.organisationId,
      themeId: input.themeId,
      opportunityId: input.opportunityId ?? null,
      status: input.status ?? "SUBMITTED",
      motivation: input.motivation ?? "We would like to cooperate.",
      contribution: input.contribution ?? "Our experience.",
      timeline: input.timeline ?? "Next year.",
      cooperationType: input.cooperationType ?? "JOINT_RD",
      assigneeId: input.assigneeId ?? null,
      createdAt: input.createdAt,
      firstReviewedAt: input.firstReviewedAt ?? null,
      decidedAt: input.decidedAt ?? null,
    },
  });
}
