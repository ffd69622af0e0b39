import type PgBoss from "pg-boss";
import type { AuditOrigin } from "@/lib/audit/write";

/**
 * Every queue of the app, with its options, in one place (docs/decisions/004).
 *
 * - email.deliver: one job per EmailMessage, keyed by the message id. Policy
 *   "short" lets at most one job per key wait in the created state, so a
 *   message cannot be queued twice (a second send returns null).
 * - email.sweep and maintenance.purge are crons: pg-boss's clock puts one job
 *   per time slot in the queue however many instances run, and SKIP LOCKED
 *   hands it to exactly one worker.
 */
export const QUEUES = {
  "email.deliver": {
    policy: "short",
    retryLimit: 5,
    retryDelay: 10,
    retryBackoff: true,
    // An SMTP conversation is capped at well under this (lib/email/deliver.ts).
    expireInSeconds: 5 * 60,
  },
  "email.sweep": {
    policy: "short",
    retryLimit: 0,
    expireInSeconds: 5 * 60,
  },
  "maintenance.purge": {
    policy: "short",
    retryLimit: 1,
    retryDelay: 60,
    expireInSeconds: 15 * 60,
  },
  // Matching (lib/matching/jobs.ts): keyed by what changed, so a burst of
  // saves waits as one job.
  "matching.rescore-organisation": {
    policy: "short",
    retryLimit: 3,
    retryDelay: 5,
    expireInSeconds: 5 * 60,
  },
  "matching.rescore-target": {
    policy: "short",
    retryLimit: 3,
    retryDelay: 5,
    expireInSeconds: 10 * 60,
  },
  "matching.rebuild": {
    policy: "short",
    retryLimit: 1,
    retryDelay: 30,
    expireInSeconds: 30 * 60,
  },
  // An uploaded import (lib/import/run.ts), keyed by its ImportRun. No retry:
  // a run that failed says so on its page, and the official uploads again.
  "imports.run": {
    policy: "short",
    retryLimit: 0,
    expireInSeconds: 30 * 60,
  },
  // The officials' daily digest of unassigned expressions of interest
  // (lib/interests/digest.ts); idempotent per day, so a retry is harmless.
  "interests.digest": {
    policy: "short",
    retryLimit: 2,
    retryDelay: 300,
    expireInSeconds: 15 * 60,
  },
  // The second half of a password reset or a registration (lib/auth/account-jobs.ts):
  // the request queues one job whatever the address, the job looks it up.
  // Standard policy: every request is its own job.
  "auth.password-reset": {
    policy: "standard",
    retryLimit: 2,
    retryDelay: 5,
    expireInSeconds: 5 * 60,
  },
  "auth.register": {
    policy: "standard",
    retryLimit: 2,
    retryDelay: 5,
    expireInSeconds: 5 * 60,
  },
} as const satisfies Record<string, Omit<PgBoss.Queue, "name">>;

export type QueueName = keyof typeof QUEUES;

/** The payload of each queue's jobs. */
export type JobData = {
  "email.deliver": { messageId: string };
  "email.sweep": Record<string, never>;
  "maintenance.purge": Record<string, never>;
  "matching.rescore-organisation": { organisationId: string };
  "matching.rescore-target": { kind: "THEME" | "OPPORTUNITY"; id: string };
  "matching.rebuild": Record<string, never>;
  "interests.digest": Record<string, never>;
  "imports.run": { runId: string; locale: "en" | "zh" };
  "auth.password-reset": { email: string; locale: "en" | "zh"; origin: AuditOrigin };
  /** The password arrives hashed (argon2, as stored): never in clear in the queue. */
  "auth.register": {
    name: string;
    email: string;
    passwordHash: string;
    locale: "en" | "zh";
    origin: AuditOrigin;
  };
};

/** Cron schedules (UTC), by queue. */
export const SCHEDULES = {
  "email.sweep": "* * * * *",
  "maintenance.purge": "17 * * * *",
  // 07:00 in Hohhot (Asia/Shanghai, UTC+8 all year, no daylight saving).
  "interests.digest": "0 23 * * *",
} as const satisfies Partial<Record<QueueName, string>>;

/** How many email.deliver jobs one worker takes at a time. */
export const EMAIL_BATCH_SIZE = 5;

/** A QUEUED message older than this with no job waiting is re-enqueued by email.sweep. */
export const SWEEP_AFTER_SECONDS = 60;

/** Attempts after which a message is given up: the first try plus the retries. */
export const MAX_EMAIL_ATTEMPTS = QUEUES["email.deliver"].retryLimit + 1;
