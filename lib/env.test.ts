import { describe, expect, it } from "vitest";
import { parseEnv } from "./env";

describe("parseEnv", () => {
  it("accepts a PostgreSQL URL and applies defaults", () => {
    const env = parseEnv({
      DATABASE_URL: "postgresql://u:p@localhost:5432/db",
      NEXTAUTH_SECRET: "x".repeat(32),
    });
    expect(env).toMatchObject({ CITY_SLUG: "hohhot", DATABASE_POOL_SIZE: 10, LOG_LEVEL: "info" });
  });

  it("explains a missing DATABASE_URL", () => {
    expect(() => parseEnv({})).toThrow(/DATABASE_URL is not set[\s\S]*NEXTAUTH_SECRET is not set/);
  });

  it("names every invalid variable", () => {
    expect(() =>
      parseEnv({ DATABASE_URL: "mysql://x", DATABASE_POOL_SIZE: "0", CITY_SLUG: "Hohhot City" }),
    ).toThrow(/DATABASE_URL must start with postgresql[\s\S]*DATABASE_POOL_SIZE[\s\S]*CITY_SLUG/);
  });
});
