import { createTranslator } from "next-intl";
import { messages } from "@/lib/i18n/messages";
import type { EmailData, EmailTemplate } from "./send";

export type EmailLocale = "en" | "zh";
export type RenderedEmail = { subject: string; text: string; html: string };

function translator(locale: EmailLocale) {
  return createTranslator({ locale, messages: messages[locale], namespace: "emailTemplates" });
}
type Translate = ReturnType<typeof translator>;

/** A paragraph of text, or a link shown as its own URL. */
type Block = { text: string } | { url: string };
type Body = { subject: string; blocks: Block[] };

const builders: { [K in EmailTemplate]: (t: Translate, data: EmailData[K]) => Body } = {
  "verify-email": (t, d) => ({
    subject: t("verifyEmail.subject"),
    blocks: [
      { text: t("common.greeting", { name: d.name }) },
      { text: t("verifyEmail.intro") },
      { url: d.url },
      { text: t("common.ignore") },
    ],
  }),
  "account-exists": (t, d) => ({
    subject: t("accountExists.subject"),
    blocks: [
      { text: t("common.greetingNoName") },
      { text: t("accountExists.intro") },
      { text: t("accountExists.login") },
      { url: d.loginUrl },
      { text: t("accountExists.reset") },
      { url: d.resetUrl },
      { text: t("common.ignore") },
    ],
  }),
  "reset-password": (t, d) => ({
    subject: t("resetPassword.subject"),
    blocks: [
      { text: t("common.greeting", { name: d.name }) },
      { text: t("resetPassword.intro") },
      { url: d.url },
      { text: t("resetPassword.notYou") },
    ],
  }),
  "change-email": (t, d) => ({
    subject: t("changeEmail.subject"),
    blocks: [
      { text: t("common.greeting", { name: d.name }) },
      { text: t("changeEmail.intro", { newEmail: d.newEmail }) },
      { url: d.url },
      { text: t("common.ignore") },
    ],
  }),
  "email-changed": (t, d) => ({
    subject: t("emailChanged.subject"),
    blocks: [
      { text: t("common.greeting", { name: d.name }) },
      { text: t("emailChanged.intro", { newEmail: d.newEmail }) },
      { text: t("emailChanged.notYou") },
    ],
  }),
  "invitation-colleague": (t, d) => ({
    subject: t("invitationColleague.subject", {
      inviterName: d.inviterName,
      organisationName: d.organisationName,
    }),
    blocks: [
      { text: t("common.greetingNoName") },
      {
        text: t("invitationColleague.intro", {
          inviterName: d.inviterName,
          organisationName: d.organisationName,
        }),
      },
      { url: d.url },
      { text: t("common.ignore") },
    ],
  }),
  "invitation-staff": (t, d) => ({
    subject: t("invitationStaff.subject", { inviterName: d.inviterName }),
    blocks: [
      { text: t("common.greetingNoName") },
      { text: t("invitationStaff.intro", { inviterName: d.inviterName, role: d.role }) },
      { url: d.url },
      { text: t("common.ignore") },
    ],
  }),
  "interest-status": (t, d) => {
    const status = t(`interestStatus.statuses.${d.status}`);
    return {
      subject: t("interestStatus.subject", { status }),
      blocks: [
        { text: t("common.greeting", { name: d.name }) },
        { text: t("interestStatus.intro", { target: d.target, status }) },
        ...(d.declineReason
          ? [
              {
                text: t("interestStatus.reason", {
                  reason: t(`interestStatus.reasons.${d.declineReason}`),
                }),
              },
            ]
          : []),
        ...(d.note ? [{ text: t("interestStatus.note", { note: d.note }) }] : []),
        { text: t("interestStatus.open") },
        { url: d.url },
      ],
    };
  },
  "interest-info-request": (t, d) => ({
    subject: t("interestInfoRequest.subject"),
    blocks: [
      { text: t("common.greeting", { name: d.name }) },
      { text: t("interestInfoRequest.intro", { target: d.target }) },
      { text: d.question },
      { text: t("interestInfoRequest.open") },
      { url: d.url },
    ],
  }),
  "interest-assigned": (t, d) => ({
    subject: t("interestAssigned.subject", { organisationName: d.organisationName }),
    blocks: [
      { text: t("common.greeting", { name: d.name }) },
      {
        text: t("interestAssigned.intro", {
          organisationName: d.organisationName,
          target: d.target,
        }),
      },
      { url: d.url },
    ],
  }),
  "interest-replied": (t, d) => ({
    subject: t("interestReplied.subject", { organisationName: d.organisationName }),
    blocks: [
      { text: t("common.greeting", { name: d.name }) },
      {
        text: t("interestReplied.intro", {
          organisationName: d.organisationName,
          target: d.target,
        }),
      },
      { url: d.url },
    ],
  }),
  "interest-digest": (t, d) => ({
    subject: t("interestDigest.subject", { count: d.count }),
    blocks: [
      { text: t("common.greeting", { name: d.name }) },
      { text: t("interestDigest.intro", { count: d.count, days: d.days }) },
      // One line per expression; flatten() covers top-level strings only.
      ...d.lines.map((line) => ({
        text: `• ${line.replace(/[\r\n\t\u2028\u2029]+/g, " ").trim()}`,
      })),
      { text: t("interestDigest.open") },
      { url: d.url },
    ],
  }),
  "interest-invitation": (t, d) => ({
    subject: t("interestInvitation.subject", { targetName: d.targetName }),
    blocks: [
      { text: t("common.greetingNoName") },
      {
        text: t("interestInvitation.intro", {
          officialName: d.officialName,
          cityName: d.cityName,
          organisationName: d.organisationName,
          targetKind: d.targetKind,
          targetName: d.targetName,
        }),
      },
      { text: t("interestInvitation.open") },
      { url: d.url },
      { text: t("interestInvitation.noCommitment") },
    ],
  }),
};

const HTML_LANG: Record<EmailLocale, string> = { en: "en", zh: "zh-CN" };

export function escapeHtml(value: string): string {
  return value
    .replaceAll("&", "&amp;")
    .replaceAll("<", "&lt;")
    .replaceAll(">", "&gt;")
    .replaceAll('"', "&quot;")
    .replaceAll("'", "&#39;");
}

/** Data values are single-line: a line break in a name must not forge lines or headers. */
function flatten<D extends object>(data: D): D {
  return Object.fromEntries(
    Object.entries(data).map(([key, value]) => [
      key,
      typeof value === "string" ? value.replace(/[\r\n\t\u2028\u2029]+/g, " ").trim() : value,
    ]),
  ) as D;
}

function assertHttpUrl(url: string): string {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    throw new Error(`email link is not a URL: ${url}`);
  }
  if (parsed.protocol !== "https:" && parsed.protocol !== "http:") {
    throw new Error(`email link must be http(s): ${url}`);
  }
  return url;
}

/**
 * The subject, plain text and HTML of an email, in the recipient's language.
 * Texts come from the "emailTemplates" messages through next-intl's
 * createTranslator (no request needed, so jobs and scripts can render too);
 * every interpolated value is HTML-escaped in the HTML part.
 */
export function renderEmail<T extends EmailTemplate>(
  template: T,
  locale: EmailLocale,
  data: EmailData[T],
): RenderedEmail {
  const t = translator(locale);
  const build = builders[template] as (t: Translate, data: EmailData[T]) => Body;
  const { subject: rawSubject, blocks } = build(t, flatten(data));
  for (const block of blocks) if ("url" in block) assertHttpUrl(block.url);
  const subject = rawSubject.replace(/\s+/g, " ").trim();
  const signature = t("common.signature");
  const footer = t("common.footer");

  const text = [
    ...blocks.map((block) => ("url" in block ? block.url : block.text)),
    signature,
    `--\n${footer}`,
  ].join("\n\n");

  const paragraph = "margin:0 0 16px";
  const htmlBlocks = blocks.map((block) =>
    "url" in block
      ? `<p style="${paragraph};word-break:break-all"><a href="${escapeHtml(block.url)}" style="color:#1d4ed8">${escapeHtml(block.url)}</a></p>`
      : `<p style="${paragraph}">${escapeHtml(block.text)}</p>`,
  );
  const html = [
    "<!doctype html>",
    `<html lang="${HTML_LANG[locale]}">`,
    '<head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">',
    `<title>${escapeHtml(subject)}</title></head>`,
    "<body style=\"margin:0;padding:24px;background:#ffffff;color:#111827;font-family:system-ui,-apple-system,'Segoe UI','PingFang SC','Microsoft YaHei',sans-serif;font-size:16px;line-height:1.6\">",
    '<div style="max-width:560px;margin:0 auto">',
    ...htmlBlocks,
    `<p style="${paragraph}">${escapeHtml(signature)}</p>`,
    '<hr style="border:none;border-top:1px solid #e5e7eb;margin:24px 0">',
    `<p style="margin:0;font-size:13px;color:#4b5563">${escapeHtml(footer)}</p>`,
    "</div></body></html>",
  ].join("\n");

  return { subject, text, html };
}
