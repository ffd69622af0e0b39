import { z } from "zod";

// Every environment variable the app reads, validated once with a clear message.
const schema = z.object({
  NODE_ENV: z.enum(["development", "production", "test"]).default("development"),
  DATABASE_URL: z
    .string({
      error:
        "DATABASE_URL is not set. Start the app with `npm run dev` or `npm start`, which start an embedded PostgreSQL, or set it to postgresql://user:password@host:5432/db.",
    })
    .regex(/^postgres(ql)?:\/\//, "DATABASE_URL must start with postgresql:// or postgres://"),
  DATABASE_POOL_SIZE: z.coerce.number().int().min(1).max(100).default(10),
  CITY_SLUG: z
    .string()
    .regex(/^[a-z0-9-]+$/, "CITY_SLUG must be a lowercase slug such as hohhot")
    .default("hohhot"),
  LOG_LEVEL: z.enum(["fatal", "error", "warn", "info", "debug", "trace", "silent"]).default("info"),
  NEXTAUTH_SECRET: z
    .string({
      error:
        "NEXTAUTH_SECRET is not set. Give every instance the same random value of 32 characters or more (e.g. `openssl rand -base64 32`).",
    })
    .min(32, "NEXTAUTH_SECRET must be at least 32 characters"),
  NEXTAUTH_URL: z
    .url("NEXTAUTH_URL must be the public URL of the app, e.g. https://bridgehead.example.eu")
    .default("http://localhost:3000"),
  SMTP_URL: z
    .string()
    .regex(/^smtps?:\/\//, "SMTP_URL must look like smtp://user:password@host:587 or smtps://…")
    .optional(),
  EMAIL_FROM: z.string().default("Bridgehead <no-reply@bridgehead.example>"),
  INTEREST_DIGEST_DAYS: z.coerce
    .number()
    .int("INTEREST_DIGEST_DAYS must be a whole number of days")
    .min(1, "INTEREST_DIGEST_DAYS must be at least 1")
    .max(90, "INTEREST_DIGEST_DAYS must be at most 90")
    .default(3),
  TRUSTED_IP_HEADER: z
    .string()
    .regex(/^[a-z0-9-]+$/, "TRUSTED_IP_HEADER must be a lowercase header name such as x-real-ip")
    .optional(),
  // Only the benchmarks' server sets it: it opens their reference pages (lib/performance/bench-floor.ts).
  BENCH_FLOOR: z.enum(["0", "1"], "BENCH_FLOOR must be 0 or 1").default("0"),
});

export type Env = z.infer<typeof schema>;

let cached: Env | undefined;

export function parseEnv(source: Record<string, string | undefined>): Env {
  const result = schema.safeParse(source);
  if (!result.success) {
    const lines = result.error.issues.map(
      (issue) => `  - ${issue.path.join(".")}: ${issue.message}`,
    );
    throw new Error(`Invalid environment configuration:\n${lines.join("\n")}`);
  }
  return result.data;
}

/** The validated environment, read on first use. */
export function env(): Env {
  cached ??= parseEnv(process.env);
  return cached;
}
