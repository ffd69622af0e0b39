// Shapes of the demo and reference data loaded by `npm run db:seed`.
// Plain data, no Prisma import, so tests and the seed share it.

// The enums are the product's own (lib/organisations/schema.ts); the seed data uses the same lists.
export type {
  CooperationTypeValue as CooperationType,
  OrganisationTypeValue as OrganisationType,
  SizeBandValue as SizeBand,
} from "@/lib/organisations/schema";

import type {
  CooperationTypeValue as CooperationType,
  OrganisationTypeValue as OrganisationType,
  SizeBandValue as SizeBand,
} from "@/lib/organisations/schema";

export const HOST_TYPES = ["ENTERPRISE", "UNIVERSITY", "AGENCY"] as const;
export type HostType = (typeof HOST_TYPES)[number];

export type SeedArea = {
  slug: string;
  order: number;
  nameEn: string;
  nameZh: string;
  descriptionEn: string;
  descriptionZh: string;
};

export type SeedTheme = {
  slug: string;
  areaSlug: string;
  order: number;
  nameEn: string;
  nameZh: string;
  descriptionEn: string;
  descriptionZh: string;
  keywordsEn: string[];
  keywordsZh: string[];
};

export type SeedOpportunity = {
  /** Stable key so that re-seeding updates instead of duplicating. */
  key: string;
  themeSlug: string;
  titleEn: string;
  titleZh: string;
  descriptionEn: string;
  descriptionZh: string;
  cooperationTypes: CooperationType[];
  partnerTypes: OrganisationType[];
  trlMin: number;
  trlMax: number;
  /** Deadline, counted in days from the first seed. */
  deadlineInDays: number;
  status: "DRAFT" | "PUBLISHED" | "CLOSED";
  hostNameEn: string;
  hostNameZh: string;
  hostType: HostType;
};

export type SeedOrganisation = {
  /** Stable key; fictional EEN-style reference. */
  externalRef: string;
  name: string;
  type: OrganisationType;
  /** ISO 3166-1 alpha-2. */
  country: string;
  city: string;
  website: string;
  sizeBand: SizeBand;
  description: string;
  keywords: string[];
  themeSlugs: string[];
  trlMin: number;
  trlMax: number;
  cooperationTypes: CooperationType[];
  /** ISO 639-1 codes. */
  languages: string[];
};
