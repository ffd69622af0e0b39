import { describe, expect, it } from "vitest";
import {
  auditQuery,
  decodeCursor,
  encodeCursor,
  isFiltered,
  parseAuditFilter,
  utcDayStart,
} from "./schema";

describe("the audit filter", () => {
  it("reads known actions, prefixes, actor, entity, days and IP from the address", () => {
    const filter = parseAuditFilter({
      action: "auth.sign_in_failed",
      prefix: " auth. ",
      actor: "Admin@",
      type: "User",
      entity: "ck123",
      from: "2026-11-01",
      to: "2026-11-30",
      ip: "203.0.113.7",
      page: "3",
    });
    expect(filter).toMatchObject({
      action: "auth.sign_in_failed",
      prefix: "auth.",
      actor: "Admin@",
      type: "User",
      entity: "ck123",
      from: "2026-11-01",
      to: "2026-11-30",
      ip: "203.0.113.7",
    });
    expect(isFiltered(filter)).toBe(true);
  });

  it("ignores what does not parse instead of failing", () => {
    const filter = parseAuditFilter({
      action: "drop.tables",
      prefix: "a b",
      type: "User; --",
      from: "2026-02-31",
      to: "yesterday",
      ip: "not-an-ip",
      before: "garbage",
    });
    expect(filter).toEqual({});
    expect(isFiltered(parseAuditFilter({ action: ["auth.sign_in", "x"] }))).toBe(true);
  });

  it("days are UTC days, whatever the server's time zone", () => {
    // The unit tests run in Pacific/Auckland: a local-time parse would be 13 hours off.
    expect(utcDayStart("2026-11-29")?.toISOString()).toBe("2026-11-29T00:00:00.000Z");
    expect(utcDayStart("2026-02-29")).toBeUndefined();
  });

  it("positions round-trip through the address, and links keep the filters", () => {
    const cursor = { createdAt: new Date("2026-11-29T10:00:00.123Z"), id: "cmabc123" };
    expect(decodeCursor(encodeCursor(cursor))).toEqual(cursor);
    const filter = parseAuditFilter({ prefix: "auth.", before: encodeCursor(cursor) });
    expect(filter.before).toEqual(cursor);
    expect(auditQuery(filter)).toBe("prefix=auth.");
    expect(auditQuery(filter, { after: cursor })).toBe(
      "prefix=auth.&after=2026-11-29T10%3A00%3A00.123Z_cmabc123",
    );
    // Both directions at once: the older one wins.
    expect(
      parseAuditFilter({ before: encodeCursor(cursor), after: encodeCursor(cursor) }).after,
    ).toBeUndefined();
  });
});
