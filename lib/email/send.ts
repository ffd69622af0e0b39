import { type Db, db } from "@/lib/db";
import type { DeclineReason, InterestStatus } from "@/lib/generated/prisma/enums";
import { sendJob } from "@/lib/jobs/boss";
import { logger } from "@/lib/server/logger";
import { renderEmail } from "./render";

export type EmailTemplate =
  | "verify-email"
  | "account-exists"
  | "reset-password"
  | "change-email"
  | "email-changed"
  | "invitation-colleague"
  | "invitation-staff"
  | "interest-status"
  | "interest-info-request"
  | "interest-assigned"
  | "interest-replied"
  | "interest-digest"
  | "interest-invitation";

export type EmailData = {
  "verify-email": { name: string; url: string };
  "account-exists": { loginUrl: string; resetUrl: string };
  "reset-password": { name: string; url: string };
  "change-email": { name: string; url: string; newEmail: string };
  "email-changed": { name: string; newEmail: string };
  "invitation-colleague": { inviterName: string; organisationName: string; url: string };
  "invitation-staff": { inviterName: string; role: "OFFICIAL" | "ADMIN"; url: string };
  /** To the partner: their expression moved (status: the new InterestStatus). */
  "interest-status": {
    name: string;
    target: string;
    status: InterestStatus;
    url: string;
    note?: string;
    declineReason?: DeclineReason;
  };
  /** To the partner: an official asks a question. */
  "interest-info-request": { name: string; target: string; question: string; url: string };
  /** To an official: an expression was assigned to them. */
  "interest-assigned": { name: string; target: string; organisationName: string; url: string };
  /** To the assigned official: the partner answered their question. */
  "interest-replied": { name: string; target: string; organisationName: string; url: string };
  /** To every official: unassigned expressions waiting longer than `days` days (lines: one each). */
  "interest-digest": { name: string; count: number; days: number; lines: string[]; url: string };
  /** To each member of an organisation: an official invites it to express interest (names already in the recipient's language). */
  "interest-invitation": {
    officialName: string;
    organisationName: string;
    cityName: string;
    targetKind: "THEME" | "OPPORTUNITY";
    targetName: string;
    url: string;
  };
};

/** How long a request waits for the queue before leaving the message to the sweeper. */
const ENQUEUE_TIMEOUT_MS = 5_000;

/**
 * Renders an email, stores it as a QUEUED EmailMessage (the outbox) and
 * enqueues its delivery. It never sends within the request: a worker does
 * (lib/jobs/worker.ts). When the queue cannot be reached the message stays
 * QUEUED and the email.sweep job enqueues it later, so this does not throw
 * for that. Returns the EmailMessage id.
 */
export async function queueEmail<T extends EmailTemplate>(input: EmailInput<T>): Promise<string> {
  const id = await storeEmail(db, input);
  await enqueueDelivery(id);
  return id;
}

export type EmailInput<T extends EmailTemplate> = {
  to: string;
  locale: "en" | "zh";
  template: T;
  data: EmailData[T];
};

/**
 * Renders an email and writes its QUEUED outbox row through `client`, which
 * may be a transaction: the message then exists exactly when the change it
 * reports does. The caller enqueues delivery after the commit
 * (enqueueDelivery); if that never happens, email.sweep picks the row up.
 */
export async function storeEmail<T extends EmailTemplate>(
  client: Pick<Db, "emailMessage">,
  input: EmailInput<T>,
): Promise<string> {
  const rendered = renderEmail(input.template, input.locale, input.data);
  const message = await client.emailMessage.create({
    data: {
      to: input.to,
      subject: rendered.subject,
      text: rendered.text,
      html: rendered.html,
      template: input.template,
      locale: input.locale,
    },
    select: { id: true },
  });
  return message.id;
}

/** Enqueues email.deliver for a message; logs instead of throwing when the queue is unreachable. */
export async function enqueueDelivery(messageId: string): Promise<void> {
  let timer: NodeJS.Timeout | undefined;
  try {
    await Promise.race([
      sendJob("email.deliver", { messageId }, { singletonKey: messageId }),
      new Promise((_, reject) => {
        timer = setTimeout(
          () => reject(new Error("timed out waiting for the job queue")),
          ENQUEUE_TIMEOUT_MS,
        );
        timer.unref();
      }),
    ]);
  } catch (error) {
    logger.warn(
      { err: error, messageId },
      "email queued in the outbox but not enqueued; the sweeper will deliver it",
    );
  } finally {
    clearTimeout(timer);
  }
}
