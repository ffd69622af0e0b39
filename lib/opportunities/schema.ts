// The officials' opportunity form and its status actions, shared by the form
// (useActionForm) and the server actions. Isomorphic: no Prisma import; the
// enum lists are those of lib/organisations/schema.ts and Prisma's HostType.
import { z } from "zod";
import { COOPERATION_TYPES, ORGANISATION_TYPES } from "@/lib/organisations/schema";
import { id, msg, text, trl } from "@/lib/validation/fields";

export const HOST_TYPES = ["ENTERPRISE", "UNIVERSITY", "AGENCY"] as const;
export type HostTypeValue = (typeof HOST_TYPES)[number];

export const OPPORTUNITY_STATUSES = ["DRAFT", "PUBLISHED", "CLOSED"] as const;
export type OpportunityStatusValue = (typeof OPPORTUNITY_STATUSES)[number];

export const OPPORTUNITY_LIMITS = {
  titleMin: 5,
  titleMax: 200,
  descriptionMin: 50,
  descriptionMax: 5000,
  hostNameMin: 2,
  hostNameMax: 200,
} as const;

/** The management list's page size. */
export const MANAGE_PAGE_SIZE = 20;

const required = { error: msg("required") };
const DATE = /^\d{4}-\d{2}-\d{2}$/;

/** Today's date in UTC as YYYY-MM-DD: deadlines are whole days (lib/opportunities/visibility.ts). */
export function todayIso(now = new Date()): string {
  return now.toISOString().slice(0, 10);
}

/** A YYYY-MM-DD string that names a real day. */
function isRealDate(value: string): boolean {
  if (!DATE.test(value)) return false;
  const date = new Date(`${value}T00:00:00Z`);
  return !Number.isNaN(date.getTime()) && date.toISOString().slice(0, 10) === value;
}

/**
 * A date field ("" from an empty date input means no deadline). Accepts its
 * own output (null) too: the form sends what the browser's parse produced.
 */
const deadline = z
  .string()
  .nullable()
  .optional()
  .transform((s) => (s?.trim() ? s.trim() : null))
  .refine((s) => s === null || isRealDate(s), msg("date"));

const unique = <T>(values: T[]) => [...new Set(values)];

export const opportunityFields = {
  titleEn: text({ min: OPPORTUNITY_LIMITS.titleMin, max: OPPORTUNITY_LIMITS.titleMax }),
  titleZh: text({ min: OPPORTUNITY_LIMITS.titleMin, max: OPPORTUNITY_LIMITS.titleMax }),
  descriptionEn: text({
    min: OPPORTUNITY_LIMITS.descriptionMin,
    max: OPPORTUNITY_LIMITS.descriptionMax,
    multiline: true,
  }),
  descriptionZh: text({
    min: OPPORTUNITY_LIMITS.descriptionMin,
    max: OPPORTUNITY_LIMITS.descriptionMax,
    multiline: true,
  }),
  hostNameEn: text({ min: OPPORTUNITY_LIMITS.hostNameMin, max: OPPORTUNITY_LIMITS.hostNameMax }),
  hostNameZh: text({ min: OPPORTUNITY_LIMITS.hostNameMin, max: OPPORTUNITY_LIMITS.hostNameMax }),
  themeId: z.string(required).min(1, msg("required")).pipe(id),
  hostType: z.enum(HOST_TYPES, required),
  cooperationTypes: z
    .array(z.enum(COOPERATION_TYPES), required)
    .transform(unique)
    .refine((v) => v.length > 0, msg("choose")),
  partnerTypes: z.array(z.enum(ORGANISATION_TYPES)).default([]).transform(unique),
  trlMin: trl,
  trlMax: trl,
  deadline,
};

/**
 * Save (a draft stays a draft, a published or closed opportunity keeps its
 * status) or publish. `id` and `updatedAt` are absent for a new opportunity;
 * when editing, `updatedAt` is the version the form read (optimistic
 * concurrency: saving over a newer version is refused).
 */
export const opportunitySaveSchema = z
  .strictObject({
    ...opportunityFields,
    id: id.optional(),
    updatedAt: z.iso.datetime({ offset: true }).optional(),
    intent: z.enum(["save", "publish"]).default("save"),
  })
  .superRefine((value, context) => {
    if (value.trlMin > value.trlMax)
      context.addIssue({ code: "custom", path: ["trlMax"], message: msg("trlOrder") });
    if (value.intent === "publish" && value.deadline !== null && value.deadline < todayIso())
      context.addIssue({ code: "custom", path: ["deadline"], message: msg("deadlinePast") });
    if ((value.id === undefined) !== (value.updatedAt === undefined))
      context.addIssue({ code: "custom", path: ["_form"], message: msg("invalid") });
  });

export type OpportunitySaveInput = z.input<typeof opportunitySaveSchema>;
export type OpportunitySaveValues = z.output<typeof opportunitySaveSchema>;
export type OpportunityFieldValues = Omit<OpportunitySaveValues, "id" | "updatedAt" | "intent">;

/** Close or reopen: which opportunity, and the version the official saw. */
export const opportunityStatusSchema = z.strictObject({
  id,
  updatedAt: z.iso.datetime({ offset: true }),
});
export type OpportunityStatusInput = z.input<typeof opportunityStatusSchema>;

/** The management list's query parameters (?status=DRAFT&theme=dairy&page=2); bad values mean "any". */
export const manageFilterSchema = z.object({
  status: z.enum(OPPORTUNITY_STATUSES).optional().catch(undefined),
  theme: z
    .string()
    .regex(/^[a-z0-9-]{1,100}$/)
    .optional()
    .catch(undefined),
  page: z.coerce.number().int().min(1).max(10_000).optional().catch(undefined),
});
export type ManageFilter = z.output<typeof manageFilterSchema>;

export function parseManageFilter(params: Record<string, string | string[] | undefined>) {
  const first = (v: string | string[] | undefined) => {
    const value = Array.isArray(v) ? v[0] : v;
    return value === "" ? undefined : value;
  };
  return manageFilterSchema.parse({
    status: first(params.status),
    theme: first(params.theme),
    page: first(params.page),
  });
}

export function manageFilterQuery(filter: ManageFilter, page?: number): string {
  const query = new URLSearchParams();
  if (filter.status) query.set("status", filter.status);
  if (filter.theme) query.set("theme", filter.theme);
  if (page && page > 1) query.set("page", String(page));
  const search = query.toString();
  return search ? `?${search}` : "";
}

/**
 * The address of an opportunity, from its English title: lower-case ASCII
 * words joined by hyphens, at most 80 characters. Uniqueness is the
 * mutation's job (it appends -2, -3…).
 */
export function slugify(title: string): string {
  const slug = title
    .normalize("NFKD")
    .replace(/[\u0300-\u036f]/g, "")
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, "-")
    .replace(/^-+|-+$/g, "")
    .slice(0, 80)
    .replace(/-+$/g, "");
  return slug || "opportunity";
}
