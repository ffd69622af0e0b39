// The REST API's contract: every query and every response as a zod schema
// with OpenAPI metadata. lib/api/openapi.ts turns them into the document at
// /api/v1/openapi.json; lib/api/api.integration.test.ts proves that each
// route's actual JSON parses with the schema declared here. Handlers do not
// validate their responses at runtime. Isomorphic: no Prisma import.
import { extendZodWithOpenApi } from "@asteasolutions/zod-to-openapi";
import { z } from "zod";
import { ERROR_CODES, type ErrorCode } from "@/lib/errors/app-error";
import { FACTOR_MAX, type FactorKey, type MatchResult } from "@/lib/matching/score";
import { COOPERATION_TYPES, ORGANISATION_TYPES } from "@/lib/organisations/schema";

extendZodWithOpenApi(z);

// ---------------------------------------------------------------- errors

/** The codes of AppError, and INTERNAL for an unexpected failure (500). */
export type ApiErrorCode = ErrorCode | "INTERNAL";
const API_ERROR_CODES: ApiErrorCode[] = [...(Object.keys(ERROR_CODES) as ErrorCode[]), "INTERNAL"];

export const errorSchema = z
  .object({
    error: z.object({
      code: z
        .enum(API_ERROR_CODES as [ApiErrorCode, ...ApiErrorCode[]])
        .openapi({ description: "What went wrong, stable for programs.", example: "BAD_REQUEST" }),
      message: z
        .string()
        .optional()
        .openapi({ description: "What went wrong, in English, for people." }),
      fields: z
        .record(z.string(), z.string())
        .optional()
        .openapi({
          description: "Per query parameter or field: why its value was refused.",
          example: { limit: "Must be at most 200" },
        }),
      requestId: z.string().optional().openapi({
        description:
          "The request's id (also in the X-Request-Id header): quote it when reporting a failure.",
        example: "7c9e6679-7425-40de-944b-e07fc1f90ae7",
      }),
    }),
  })
  .openapi("Error");

// ---------------------------------------------------------------- paging

/** Page size of the ranked lists: 50 unless asked, never more than 200. */
export const MATCHES_PAGE = { default: 50, max: 200 } as const;
/** Page size of the opportunity list. */
export const OPPORTUNITIES_PAGE = { default: 50, max: 200 } as const;

const limit = (page: { default: number; max: number }) =>
  z.coerce
    .number({ error: "Must be a whole number" })
    .int("Must be a whole number")
    .min(1, "Must be at least 1")
    .max(page.max, `Must be at most ${page.max}`)
    .default(page.default)
    .openapi({
      type: "integer",
      minimum: 1,
      maximum: page.max,
      default: page.default,
      description: `How many items to return (1–${page.max}, default ${page.default}).`,
      param: { example: 20 },
    });

const offset = z.coerce
  .number({ error: "Must be a whole number" })
  .int("Must be a whole number")
  .min(0, "Must be 0 or more")
  .max(1_000_000, "Must be at most 1000000")
  .default(0)
  .openapi({
    type: "integer",
    minimum: 0,
    default: 0,
    description: "How many items to skip (default 0).",
    param: { example: 0 },
  });

const slug = z
  .string()
  .min(1)
  .max(100)
  .regex(/^[a-z0-9-]+$/, "Must be a slug: lowercase letters, digits and hyphens");

// ---------------------------------------------------------------- themes

export const themeSchema = z
  .object({
    slug: z.string().openapi({ example: "dairy" }),
    name: z.string().openapi({ description: "English name.", example: "Dairy" }),
    nameZh: z.string().openapi({ description: "Chinese name.", example: "乳业" }),
    description: z.string().openapi({ description: "English description." }),
    descriptionZh: z.string().openapi({ description: "Chinese description." }),
    keywords: z.array(z.string()).openapi({ description: "English keywords." }),
    keywordsZh: z.array(z.string()).openapi({ description: "Chinese keywords." }),
    area: z
      .object({
        slug: z.string(),
        name: z.string().openapi({ description: "English name." }),
        nameZh: z.string().openapi({ description: "Chinese name." }),
        order: z.number().int(),
      })
      .openapi({ description: "The cooperation area the theme belongs to." }),
    order: z.number().int().openapi({ description: "Position of the theme within its area." }),
    matches: z
      .object({
        good: z
          .number()
          .int()
          .min(0)
          .openapi({ description: "Organisations scoring 50 or more against the theme." }),
        strong: z
          .number()
          .int()
          .min(0)
          .openapi({ description: "Organisations scoring 70 or more against the theme." }),
      })
      .openapi({
        description:
          "How well the theme is covered: counts of organisations officials may see (consented or imported).",
      }),
  })
  .openapi("Theme");

export const themeListSchema = z.object({ data: z.array(themeSchema) }).openapi("ThemeList");

export const themeParamsSchema = z.object({
  slug: slug.openapi({ param: { name: "slug", in: "path", example: "dairy" } }),
});

// ---------------------------------------------------------------- opportunities

export const API_OPPORTUNITY_STATUSES = ["PUBLISHED", "CLOSED"] as const;

const isoDate = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/)
  .openapi({ format: "date", example: "2026-09-30" });
const isoDateTime = z
  .string()
  .datetime({ offset: true })
  .openapi({ format: "date-time", example: "2026-03-01T08:00:00.000Z" });

export const opportunitySchema = z
  .object({
    id: z.string().openapi({ example: "cm8x2k1qz0001abcd1234efgh" }),
    slug: z.string(),
    title: z.string().openapi({ description: "English title." }),
    titleZh: z.string().openapi({ description: "Chinese title." }),
    description: z.string().openapi({ description: "English description." }),
    descriptionZh: z.string().openapi({ description: "Chinese description." }),
    theme: z.string().openapi({ description: "The theme's slug.", example: "dairy" }),
    cooperationTypes: z.array(z.enum(COOPERATION_TYPES)),
    partnerTypes: z
      .array(z.enum(ORGANISATION_TYPES))
      .openapi({ description: "Kinds of partner sought; empty means any." }),
    trlMin: z
      .number()
      .int()
      .min(1)
      .max(9)
      .openapi({ description: "Technology readiness, lowest." }),
    trlMax: z
      .number()
      .int()
      .min(1)
      .max(9)
      .openapi({ description: "Technology readiness, highest." }),
    deadline: isoDate.nullable().openapi({ description: "Last day to express interest, if any." }),
    status: z.enum(API_OPPORTUNITY_STATUSES),
    publishedAt: isoDateTime.nullable(),
  })
  .openapi("Opportunity");

export const opportunityListSchema = z
  .object({
    data: z.array(opportunitySchema),
    total: z
      .number()
      .int()
      .min(0)
      .openapi({ description: "Items matching the filter, all pages." }),
  })
  .openapi("OpportunityList");

export const opportunityListQuerySchema = z.strictObject({
  status: z
    .enum(API_OPPORTUNITY_STATUSES, { error: "Must be PUBLISHED or CLOSED" })
    .optional()
    .openapi({ description: "Only opportunities with this status (default: both)." }),
  theme: slug.optional().openapi({ description: "Only opportunities of this theme (its slug)." }),
  limit: limit(OPPORTUNITIES_PAGE),
  offset,
});

export const opportunityParamsSchema = z.object({
  id: z
    .string()
    .min(1)
    .max(100)
    .openapi({ param: { name: "id", in: "path", description: "The opportunity's id." } }),
});

// ---------------------------------------------------------------- matches

const points = z.number().min(0);

export const explanationFactorSchema = z
  .object({
    key: z.enum(Object.keys(FACTOR_MAX) as [FactorKey, ...FactorKey[]]),
    points: points.openapi({ description: "Points this factor gave, on the 0–100 scale." }),
    max: points.openapi({ description: "The most this factor can give." }),
  })
  .openapi("ExplanationFactor");

export const explanationConceptSchema = z
  .object({
    id: z.string().openapi({
      description: "Thesaurus concept id, or theme:<slug> for a theme's own keywords.",
      example: "fermentation",
    }),
    weight: z.number().min(0).max(1).openapi({ description: "How much it matters to the target." }),
    terms: z
      .array(z.string())
      .openapi({ description: "The organisation's words that named the concept." }),
  })
  .openapi("ExplanationConcept");

const gain = z.number().openapi({ description: "Points the score would gain." });
const trlRange = { orgMin: z.number(), orgMax: z.number(), min: z.number(), max: z.number() };
const sought = z.array(z.string());

export const nearMissSchema = z
  .discriminatedUnion("key", [
    z.object({ key: z.literal("declareTheme"), gain }),
    z.object({ key: z.literal("trlBelow"), gain, ...trlRange }),
    z.object({ key: z.literal("trlAbove"), gain, ...trlRange }),
    z.object({ key: z.literal("trlUnknown"), gain, min: z.number(), max: z.number() }),
    z.object({ key: z.literal("cooperationMismatch"), gain, sought }),
    z.object({ key: z.literal("cooperationUnknown"), gain, sought }),
    z.object({ key: z.literal("partnerType"), gain, sought }),
    z.object({ key: z.literal("language"), gain }),
    z.object({ key: z.literal("stale"), gain }),
    z.object({ key: z.literal("missingConcepts"), gain, concepts: z.array(z.string()) }),
  ])
  .openapi("NearMiss", {
    description: "What would raise the score, and by how much. More kinds may be added.",
  });

export const explanationSchema = z
  .object({
    factors: z.array(explanationFactorSchema),
    gate: z.number().min(0).max(1).optional().openapi({
      description:
        "Share (0–1) of the fit factors that counted: fit counts fully only once the topic matches. Absent in scores computed before it was introduced.",
    }),
    concepts: z
      .array(explanationConceptSchema)
      .openapi({ description: "Concepts both sides share, most important first." }),
    nearMisses: z.array(nearMissSchema).openapi({ description: "Largest gain first." }),
  })
  .openapi("Explanation", { description: "Why the organisation has this score." });

/** Fails the typecheck if the engine's explanation (score.ts) drifts from the documented one. */
export const asDocumentedExplanation = (
  result: Pick<MatchResult, "factors" | "gate" | "concepts" | "nearMisses">,
): z.input<typeof explanationSchema> => result;

export const matchSchema = z
  .object({
    organisation: z.object({
      id: z.string(),
      externalRef: z
        .string()
        .nullable()
        .openapi({ description: "The id in the source it was imported from, if any." }),
      name: z.string(),
      country: z.string().length(2).openapi({ description: "ISO 3166-1 alpha-2.", example: "DE" }),
      type: z.enum(ORGANISATION_TYPES),
    }),
    score: z.number().int().min(0).max(100),
    explanation: explanationSchema,
  })
  .openapi("Match");

export const matchListSchema = z
  .object({
    data: z.array(matchSchema).openapi({
      description: "Best first; equal scores in organisation id order, so paging is stable.",
    }),
    total: z.number().int().min(0).openapi({ description: "Matching organisations, all pages." }),
  })
  .openapi("MatchList");

export const matchesQuerySchema = z.strictObject({ limit: limit(MATCHES_PAGE), offset });

// ---------------------------------------------------------------- import

export const importResultSchema = z
  .object({
    runId: z.string().openapi({ description: "The import run, as recorded." }),
    created: z.number().int().min(0),
    updated: z.number().int().min(0),
  })
  .openapi("ImportResult");

export const importErrorsSchema = z
  .object({
    runId: z.string().optional(),
    errors: z.array(
      z.object({
        row: z.number().int().min(0).openapi({
          description:
            "The row: in CSV the data rows count from 1 (the header is not counted), in JSON Lines the lines; 0 for the whole file.",
        }),
        field: z.string().openapi({ description: "The column or field, if any." }),
        message: z.string(),
      }),
    ),
  })
  .openapi("ImportErrors", { description: "Nothing was imported: the file's errors." });
