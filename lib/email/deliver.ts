import nodemailer from "nodemailer";
import SMTPTransport from "nodemailer/lib/smtp-transport";
import { db } from "@/lib/db";
import { type Env, env } from "@/lib/env";
import { logger } from "@/lib/server/logger";

export type OutgoingEmail = {
  from: string;
  to: string;
  subject: string;
  text: string;
  html?: string;
};

/** Where a message goes: an SMTP server, or nowhere but the outbox (the EmailMessage row itself). */
export type EmailTransport = { name: "smtp" | "outbox"; send(email: OutgoingEmail): Promise<void> };

/** Development without SMTP_URL: the stored row is the message; the admin outbox page shows it. */
export const outboxTransport: EmailTransport = {
  name: "outbox",
  async send(email) {
    logger.info({ to: email.to, subject: email.subject }, "email kept in the development outbox");
  },
};

/**
 * An SMTP transport for `url` (smtp://user:password@host:587 or smtps://…).
 * Timeouts keep one conversation well under the job's expiry, so a hung
 * server fails the attempt (and pg-boss retries) rather than the job timing out.
 */
export function smtpTransport(
  url: string,
  timeouts: Partial<
    Record<"connectionTimeout" | "greetingTimeout" | "socketTimeout" | "dnsTimeout", number>
  > = {},
): EmailTransport {
  // Built through SMTPTransport: nodemailer.createTransport({ url, … }) would
  // keep only what the URL says and drop the timeouts. Query parameters of
  // the URL (e.g. ?tls.rejectUnauthorized=false) still apply.
  const transporter = nodemailer.createTransport(
    new SMTPTransport({
      url,
      connectionTimeout: 15_000,
      greetingTimeout: 15_000,
      socketTimeout: 60_000,
      dnsTimeout: 15_000,
      ...timeouts,
    }),
  );
  return {
    name: "smtp",
    async send(email) {
      await transporter.sendMail(email);
    },
  };
}

let cached: { key: string | undefined; transport: EmailTransport } | undefined;
let warnedNoSmtp = false;

/** The transport the environment asks for: SMTP with SMTP_URL, otherwise the outbox. */
export function transportFromEnv(
  source: Pick<Env, "SMTP_URL" | "NODE_ENV"> = env(),
): EmailTransport {
  if (!cached || cached.key !== source.SMTP_URL) {
    cached = {
      key: source.SMTP_URL,
      transport: source.SMTP_URL ? smtpTransport(source.SMTP_URL) : outboxTransport,
    };
  }
  if (!source.SMTP_URL && source.NODE_ENV === "production" && !warnedNoSmtp) {
    warnedNoSmtp = true;
    logger.warn("SMTP_URL is not set: emails are kept in the outbox and not sent");
  }
  return cached.transport;
}

export type DeliverOptions = {
  /** Defaults to transportFromEnv(); tests inject one. */
  transport?: EmailTransport;
  /** Defaults to EMAIL_FROM. */
  from?: string;
  /** This is the job's last try: a failure marks the message FAILED. */
  finalAttempt?: boolean;
};

export type DeliverResult = "sent" | "already-sent" | "missing";

/**
 * Sends one stored EmailMessage. Idempotent: a message already SENT is left
 * alone. On failure it records the attempt and the error message, marks the
 * message FAILED when `finalAttempt`, and rethrows so that pg-boss retries.
 */
export async function deliverEmail(
  messageId: string,
  options: DeliverOptions = {},
): Promise<DeliverResult> {
  const message = await db.emailMessage.findUnique({ where: { id: messageId } });
  if (!message) {
    logger.warn({ messageId }, "email message to deliver does not exist");
    return "missing";
  }
  if (message.status === "SENT") return "already-sent";

  const transport = options.transport ?? transportFromEnv();
  try {
    await transport.send({
      from: options.from ?? env().EMAIL_FROM,
      to: message.to,
      subject: message.subject,
      text: message.text,
      ...(message.html ? { html: message.html } : {}),
    });
  } catch (error) {
    const lastError = (error instanceof Error ? error.message : String(error)).slice(0, 2000);
    await db.emailMessage.update({
      where: { id: messageId },
      data: {
        attempts: { increment: 1 },
        lastError,
        ...(options.finalAttempt ? { status: "FAILED" as const } : {}),
      },
    });
    logger.warn(
      {
        messageId,
        transport: transport.name,
        err: lastError,
        finalAttempt: options.finalAttempt ?? false,
      },
      options.finalAttempt ? "email delivery failed for good" : "email delivery failed; will retry",
    );
    throw error;
  }

  await db.emailMessage.update({
    where: { id: messageId },
    data: {
      status: "SENT",
      sentAt: new Date(),
      transport: transport.name,
      attempts: { increment: 1 },
    },
  });
  logger.info({ messageId, transport: transport.name }, "email delivered");
  return "sent";
}
