import "server-only";
import type { Db } from "@/lib/db";
import { enqueueDelivery, storeEmail } from "@/lib/email/send";
import { env } from "@/lib/env";
import { createNotifications } from "@/lib/notifications/mutations";
import { shanghaiDate } from "./dates";
import { OPEN_STATUSES } from "./state";

/** At most this many expressions are listed in one email; the count covers them all. */
const DIGEST_LINES = 25;

/** Serialises digest runs (pg_advisory_xact_lock key: "interests.digest"). */
const DIGEST_LOCK = 7_142_026_001;

export type DigestResult =
  | { date: string; skipped: "none-waiting"; waiting: 0; sent: 0 }
  | { date: string; waiting: number; sent: number; alreadySent: number };

/**
 * The officials' daily digest (the interests.digest cron, 07:00 in Hohhot):
 * every active official gets one email and one in-app notification listing
 * the open expressions that have waited more than `days` days
 * (INTEREST_DIGEST_DAYS, default 3) without an assignee. Nothing is sent when
 * there are none.
 *
 * Idempotent per Hohhot day: the digest notification of an official records
 * the date, and a second run the same day skips whoever already has one.
 * Runs are serialised by an advisory lock, and the notification and the
 * outbox email of each official are written in the same transaction, so a
 * retried job neither repeats nor loses a digest. Deliveries are enqueued
 * after the commit (email.sweep covers a crash in between).
 */
export async function sendInterestDigest(
  client: Db,
  options: { now?: Date; days?: number; citySlug?: string } = {},
): Promise<DigestResult> {
  const now = options.now ?? new Date();
  const days = options.days ?? env().INTEREST_DIGEST_DAYS;
  const citySlug = options.citySlug ?? env().CITY_SLUG;
  const date = shanghaiDate(now);
  const cutoff = new Date(now.getTime() - days * 86_400_000);
  const where = {
    status: { in: [...OPEN_STATUSES] },
    assigneeId: null,
    createdAt: { lt: cutoff },
    theme: { city: { slug: citySlug } },
  };

  const result = await client.$transaction(
    async (tx) => {
      await tx.$executeRaw`SELECT pg_advisory_xact_lock(${DIGEST_LOCK}::bigint)`;
      const waiting = await tx.expressionOfInterest.count({ where });
      if (waiting === 0) return { waiting, sent: 0, alreadySent: 0, emailIds: [] as string[] };
      const oldest = await tx.expressionOfInterest.findMany({
        where,
        orderBy: [{ createdAt: "asc" }, { id: "asc" }],
        take: DIGEST_LINES,
        select: {
          createdAt: true,
          organisation: { select: { name: true } },
          opportunity: { select: { titleEn: true, titleZh: true } },
          theme: { select: { nameEn: true, nameZh: true } },
        },
      });
      const officials = await tx.user.findMany({
        where: { role: "OFFICIAL", status: "ACTIVE" },
        select: { id: true, email: true, name: true, locale: true },
      });
      const done = new Set(
        (
          await tx.notification.findMany({
            where: {
              kind: "interest.digest",
              userId: { in: officials.map((o) => o.id) },
              data: { path: ["date"], equals: date },
            },
            select: { userId: true },
          })
        ).map((n) => n.userId),
      );
      const recipients = officials.filter((o) => !done.has(o.id));
      await createNotifications(
        tx,
        recipients.map((o) => ({
          userId: o.id,
          kind: "interest.digest" as const,
          data: { date, count: waiting, days },
        })),
      );
      const base = env().NEXTAUTH_URL.replace(/\/+$/, "");
      const emailIds: string[] = [];
      for (const official of recipients) {
        const locale = official.locale === "zh" ? "zh" : "en";
        const lines = oldest.map((e) => {
          const target = e.opportunity
            ? locale === "zh"
              ? e.opportunity.titleZh
              : e.opportunity.titleEn
            : locale === "zh"
              ? e.theme.nameZh
              : e.theme.nameEn;
          return `${e.organisation.name}: ${target} (${shanghaiDate(e.createdAt)})`;
        });
        emailIds.push(
          await storeEmail(tx, {
            to: official.email,
            locale,
            template: "interest-digest",
            data: {
              name: official.name,
              count: waiting,
              days,
              lines,
              url: `${base}/${locale}/official/interests?assignee=none`,
            },
          }),
        );
      }
      return { waiting, sent: recipients.length, alreadySent: done.size, emailIds };
    },
    { timeout: 60_000 },
  );

  for (const id of result.emailIds) await enqueueDelivery(id);
  if (result.waiting === 0) return { date, skipped: "none-waiting", waiting: 0, sent: 0 };
  return { date, waiting: result.waiting, sent: result.sent, alreadySent: result.alreadySent };
}
