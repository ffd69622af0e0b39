// Generated data for the benchmarks (scripts/bench-matching.ts,
// scripts/bench-load.ts): organisation and opportunity texts built from
// random thesaurus terms and neutral filler sentences, drawn from one
// deterministic generator so that runs are comparable.
import { CONCEPTS } from "@/lib/matching/thesaurus-data";

// A deterministic generator (a linear congruential one, seeded with 42).
let seed = 42;
export const random = () => {
  seed = (seed * 1_103_515_245 + 12_345) % 2_147_483_648;
  return seed / 2_147_483_648;
};
export const pick = <T>(list: readonly T[]) => list[Math.floor(random() * list.length)]!;

export const TYPES = [
  "UNIVERSITY",
  "RESEARCH_INSTITUTE",
  "SME",
  "LARGE_COMPANY",
  "CLUSTER",
  "PUBLIC_BODY",
  "OTHER",
] as const;
export const COOPERATION = [
  "JOINT_RD",
  "TECHNOLOGY_TRANSFER",
  "EXPERT_EXCHANGE",
  "JOINT_VENTURE",
  "TRADE_DISTRIBUTION",
  "PILOT_DEMONSTRATION",
  "CONSULTANCY_SERVICES",
] as const;
export const COUNTRIES = [
  "DE",
  "FR",
  "IT",
  "ES",
  "NL",
  "PL",
  "SE",
  "DK",
  "FI",
  "AT",
  "BE",
  "CZ",
  "PT",
  "IE",
  "GB",
  "CH",
  "NO",
];
// Neutral sentences: no thesaurus term, so that they do not make every text match.
export const FILLER = [
  "We work with partners across Europe on applied projects.",
  "Our team of engineers and scientists runs pilot lines and laboratories.",
  "The company has offices in more than twenty countries.",
  "We are looking for partners for joint projects and new ideas.",
  "Founded in 1998, the organisation employs specialists in several fields.",
  "We offer training, testing services and consultancy.",
];

/** A profile's description and keywords: one to four random concepts in English, with filler. */
export function profileText(): { description: string; keywords: string[] } {
  const concepts = Array.from({ length: 1 + Math.floor(random() * 4) }, () => pick(CONCEPTS));
  const terms = concepts.map((c) => pick(c.en));
  const sentences = [
    `We specialise in ${terms.slice(0, 2).join(" and ")}.`,
    pick(FILLER),
    terms[2] ? `Our recent work covers ${terms.slice(2).join(", ")}.` : pick(FILLER),
    pick(FILLER),
  ];
  return {
    description: sentences.join(" "),
    keywords: concepts.map((c) => pick(c.en)).slice(0, 3),
  };
}

/** A generated opportunity under `themeId`, published, as bench-matching makes them. */
export function opportunityRow(i: number, themeId: string, extra: { deadline?: Date | null } = {}) {
  const { description } = profileText();
  const trlMin = 1 + Math.floor(random() * 6);
  return {
    slug: `bench-${i}`,
    themeId,
    titleEn: `Partner sought for ${description.slice(16, 60)}`,
    titleZh: `寻求合作伙伴 ${i}`,
    descriptionEn: description,
    descriptionZh: "寻求欧洲合作伙伴。",
    cooperationTypes: [pick(COOPERATION), pick(COOPERATION)],
    partnerTypes: [pick(TYPES), pick(TYPES)],
    trlMin,
    trlMax: Math.min(9, trlMin + 2),
    status: "PUBLISHED" as const,
    hostNameEn: "Hohhot host",
    hostNameZh: "呼和浩特合作方",
    hostType: "ENTERPRISE" as const,
    ...extra,
  };
}

/** A generated organisation named "Bench Organisation <i>", as bench-matching makes them. */
export function organisationRow(i: number, now = Date.now()) {
  const trlMin = 1 + Math.floor(random() * 7);
  return {
    name: `Bench Organisation ${i}`,
    type: pick(TYPES),
    country: pick(COUNTRIES),
    ...profileText(),
    trlMin,
    trlMax: Math.min(9, trlMin + 2),
    cooperationTypes: [pick(COOPERATION)],
    languages: random() < 0.2 ? ["en", "zh"] : ["en"],
    lastConfirmedAt: new Date(now - random() * 400 * 86_400_000),
  };
}

/** The p-th percentile (nearest rank) of a list of numbers. */
export function percentile(values: readonly number[], p: number) {
  if (values.length === 0) return Number.NaN;
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))]!;
}
