import "server-only";
import { writeAudit } from "@/lib/audit/write";
import { db } from "@/lib/db";
import { queueEmail } from "@/lib/email/send";
import { AppError } from "@/lib/errors/app-error";
import { isLocale, type Locale } from "@/lib/i18n/routing";
import { visibleToOfficials } from "@/lib/matching/official-queries";
import { isOpen } from "@/lib/opportunities/visibility";
import { reinviteWindowStart } from "./queries";

type Target = {
  slug: string;
  nameEn: string;
  nameZh: string;
  cityNameEn: string;
  cityNameZh: string;
};

/** The link in the email: the partner's form to express interest, in the recipient's language. */
export function interestFormUrl(
  appUrl: string,
  locale: Locale,
  kind: "THEME" | "OPPORTUNITY",
  slug: string,
) {
  const base = appUrl.replace(/\/+$/, "");
  const parameter = kind === "OPPORTUNITY" ? "opportunity" : "theme";
  return `${base}/${locale}/interests/new?${parameter}=${encodeURIComponent(slug)}`;
}

/**
 * An official invites an organisation to express interest in a theme or a
 * published, open opportunity. In one transaction: the checks, the
 * InterestInvite row and its AuditLog row; a lock per organisation and
 * target makes two officials clicking at once send one invitation. Then one
 * email per ACTIVE member with a confirmed address, each in their language.
 *
 * Refused: an organisation officials may not see or an unknown target
 * (NOT_FOUND); a target nobody can act on (UNPROCESSABLE, reason
 * notInvitable); an invitation to the same target within REINVITE_AFTER_DAYS
 * (CONFLICT, reason recent, with its date); no member to write to, e.g. an
 * imported organisation nobody has registered (UNPROCESSABLE, reason noMembers).
 */
export async function inviteToExpressInterest(input: {
  invitedById: string;
  officialName: string;
  organisationId: string;
  targetKind: "THEME" | "OPPORTUNITY";
  targetId: string;
  appUrl: string;
  now?: Date;
}) {
  const now = input.now ?? new Date();
  const { invite, target, organisationName, members } = await db.$transaction(async (tx) => {
    await tx.$queryRaw`SELECT pg_advisory_xact_lock(hashtext(${`interest-invite:${input.organisationId}:${input.targetKind}:${input.targetId}`}))::text`;

    let target: Target;
    if (input.targetKind === "THEME") {
      const theme = await tx.theme.findUnique({
        where: { id: input.targetId },
        select: { slug: true, nameEn: true, nameZh: true, city: true },
      });
      if (!theme) throw new AppError("NOT_FOUND", "theme");
      target = { ...theme, cityNameEn: theme.city.nameEn, cityNameZh: theme.city.nameZh };
    } else {
      const opportunity = await tx.opportunity.findUnique({
        where: { id: input.targetId },
        select: {
          slug: true,
          titleEn: true,
          titleZh: true,
          status: true,
          deadline: true,
          theme: { select: { city: true } },
        },
      });
      if (!opportunity) throw new AppError("NOT_FOUND", "opportunity");
      if (!isOpen(opportunity, now))
        throw new AppError("UNPROCESSABLE", "opportunity not open", {
          details: { reason: "notInvitable" },
        });
      target = {
        slug: opportunity.slug,
        nameEn: opportunity.titleEn,
        nameZh: opportunity.titleZh,
        cityNameEn: opportunity.theme.city.nameEn,
        cityNameZh: opportunity.theme.city.nameZh,
      };
    }

    const organisation = await tx.organisation.findFirst({
      where: { id: input.organisationId, ...visibleToOfficials },
      select: { id: true, name: true },
    });
    if (!organisation) throw new AppError("NOT_FOUND", "organisation");

    const recent = await tx.interestInvite.findFirst({
      where: {
        organisationId: organisation.id,
        targetKind: input.targetKind,
        targetId: input.targetId,
        createdAt: { gte: reinviteWindowStart(now) },
      },
      orderBy: { createdAt: "desc" },
      select: { createdAt: true },
    });
    if (recent)
      throw new AppError("CONFLICT", "invited recently", {
        details: { reason: "recent", at: recent.createdAt.toISOString() },
      });

    const members = await tx.user.findMany({
      where: { organisationId: organisation.id, status: "ACTIVE", emailVerifiedAt: { not: null } },
      select: { email: true, locale: true },
      orderBy: { email: "asc" },
    });
    if (members.length === 0)
      throw new AppError("UNPROCESSABLE", "no member to invite", {
        details: { reason: "noMembers" },
      });

    const invite = await tx.interestInvite.create({
      data: {
        organisationId: organisation.id,
        targetKind: input.targetKind,
        targetId: input.targetId,
        invitedById: input.invitedById,
        recipients: members.length,
        createdAt: now,
      },
      select: { id: true, createdAt: true, recipients: true },
    });
    await writeAudit(tx, {
      actorId: input.invitedById,
      action: "interestInvite.create",
      entityType: "InterestInvite",
      entityId: invite.id,
      data: {
        organisationId: organisation.id,
        targetKind: input.targetKind,
        targetId: input.targetId,
        recipients: members.length,
      },
    });
    return { invite, target, organisationName: organisation.name, members };
  });

  // After the commit: the emails go through the outbox and the job queue.
  for (const member of members) {
    const locale: Locale = isLocale(member.locale) ? member.locale : "en";
    const zh = locale === "zh";
    await queueEmail({
      to: member.email,
      locale,
      template: "interest-invitation",
      data: {
        officialName: input.officialName,
        organisationName,
        cityName: zh ? target.cityNameZh : target.cityNameEn,
        targetKind: input.targetKind,
        targetName: zh ? target.nameZh : target.nameEn,
        url: interestFormUrl(input.appUrl, locale, input.targetKind, target.slug),
      },
    });
  }
  return { id: invite.id, invitedAt: invite.createdAt, recipients: invite.recipients };
}
