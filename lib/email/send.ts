import { db } from "@/lib/db";
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
  | "invitation-staff";

export type EmailData = {
  "verify-email": { name: string; url: string };
  "account-exists": { loginUrl: string; resetUrl: string };
  "reset-password": { name: string; url: string };
  "change-email": { name: string; url: string; newEmail: string };
  "email-changed": { name: string; newEmail: string };
  "invitation-colleague": { inviterName: string; organisationName: string; url: string };
  "invitation-staff": { inviterName: string; role: "OFFICIAL" | "ADMIN"; url: string };
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
export async function queueEmail<T extends EmailTemplate>(input: {
  to: string;
  locale: "en" | "zh";
  template: T;
  data: EmailData[T];
}): Promise<string> {
  const rendered = renderEmail(input.template, input.locale, input.data);
  const message = await db.emailMessage.create({
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
  await enqueueDelivery(message.id);
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
