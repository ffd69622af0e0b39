import "server-only";
// The review queue as CSV: exactly the rows of the filtered view (all pages,
// same filters, same order), read in batches of 1,000 so that 20,000 rows
// never sit in memory at once, and written as a stream. UTF-8 with a
// byte-order mark so that Excel opens Chinese text correctly; headers and
// labels in the official's language. The route handler
// (app/api/official/interests/export/route.ts) only wraps this in a Response.
import { stringify } from "csv-stringify/sync";
import { createTranslator } from "next-intl";
import { messages } from "@/lib/i18n/messages";
import type { Locale } from "@/lib/i18n/routing";
import { countryName } from "@/lib/organisations/countries";
import {
  EXPORT_BATCH_SIZE,
  exportReviewRows,
  type ReviewCaller,
  type ReviewExportRow,
  type ReviewOptions,
} from "./review-queries";
import { parseReviewState, REVIEW_TIME_ZONE, reviewFilterOf } from "./review-schema";

export const CSV_BOM = "\uFEFF";

const COLUMNS = [
  "id",
  "submitted",
  "status",
  "organisation",
  "country",
  "type",
  "theme",
  "opportunity",
  "cooperationType",
  "score",
  "assignee",
  "waitedDays",
  "firstReviewed",
  "decided",
  "declineReason",
  "motivation",
  "contribution",
  "timeline",
  "link",
] as const;

// "2026-03-01 14:05" in Hohhot's time: sorts as text and Excel reads it as a date.
const dateTime = new Intl.DateTimeFormat("sv-SE", {
  timeZone: REVIEW_TIME_ZONE,
  year: "numeric",
  month: "2-digit",
  day: "2-digit",
  hour: "2-digit",
  minute: "2-digit",
});
const when = (date: Date | null) => (date ? dateTime.format(date) : "");

/**
 * Text typed by partners must not run as a spreadsheet formula (CSV
 * injection): a cell starting with = + - @ or a control character gets a
 * leading apostrophe, which spreadsheets show as plain text.
 */
export function safeCell(value: string): string {
  return /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
}

function translators(locale: Locale) {
  const m = messages[locale];
  return {
    header: createTranslator({ locale, messages: m, namespace: "reviewCsv" }),
    status: createTranslator({ locale, messages: m, namespace: "interestStatus" }),
    reason: createTranslator({ locale, messages: m, namespace: "declineReason" }),
    type: createTranslator({ locale, messages: m, namespace: "organisationType" }),
    coop: createTranslator({ locale, messages: m, namespace: "cooperationType" }),
  };
}

/** The header line's labels, in the official's language. */
export function csvHeaders(locale: Locale): string[] {
  const t = translators(locale);
  return COLUMNS.map((column) => t.header(column));
}

function csvRecord(
  row: ReviewExportRow,
  locale: Locale,
  t: ReturnType<typeof translators>,
  baseUrl: string,
): string[] {
  const zh = locale === "zh";
  return [
    row.id,
    when(row.createdAt),
    t.status(row.status),
    safeCell(row.organisationName),
    countryName(row.country, locale),
    t.type(row.organisationType),
    zh ? row.themeNameZh : row.themeNameEn,
    (zh ? row.opportunityTitleZh : row.opportunityTitleEn) ?? "",
    t.coop(row.cooperationType),
    row.score === null ? "" : String(row.score),
    row.assigneeName ?? "",
    row.waited === null ? "" : (row.waited / 86_400).toFixed(1),
    when(row.firstReviewedAt),
    when(row.decidedAt),
    row.declineReason ? t.reason(row.declineReason) : "",
    safeCell(row.motivation),
    safeCell(row.contribution),
    safeCell(row.timeline),
    `${baseUrl}/${locale}/official/interests/${row.id}`,
  ];
}

/**
 * The CSV of the view that `params` (the queue page's own query string)
 * describes, as a byte stream: the BOM and the header line first, then one
 * chunk per batch of rows. The same parser as the queue page reads the
 * parameters; page, page size and columns are ignored (all rows, every column).
 */
export function reviewCsvStream(
  caller: ReviewCaller,
  params: URLSearchParams,
  {
    locale,
    baseUrl,
    batchSize = EXPORT_BATCH_SIZE,
    ...options
  }: ReviewOptions & { locale: Locale; baseUrl: string; batchSize?: number },
): ReadableStream<Uint8Array> {
  const filter = reviewFilterOf(parseReviewState(params));
  const t = translators(locale);
  const encoder = new TextEncoder();
  // Checks the caller now, before the first byte goes out.
  const batches = exportReviewRows(caller, filter, { batchSize, ...options });
  return new ReadableStream<Uint8Array>({
    start(controller) {
      controller.enqueue(encoder.encode(CSV_BOM + stringify([csvHeaders(locale)])));
    },
    async pull(controller) {
      const next = await batches.next();
      if (next.done) {
        controller.close();
        return;
      }
      const records = next.value.map((row) => csvRecord(row, locale, t, baseUrl));
      controller.enqueue(encoder.encode(stringify(records)));
    },
    async cancel() {
      await batches.return(undefined);
    },
  });
}

/** The file's name: interests-YYYY-MM-DD.csv, the day in Hohhot. */
export function csvFileName(now = new Date()): string {
  const day = new Intl.DateTimeFormat("en-CA", { timeZone: REVIEW_TIME_ZONE }).format(now);
  return `interests-${day}.csv`;
}
