import "server-only";
// The countries that have at least one organisation meeting a condition, for
// the country filters of officials' lists. A DISTINCT over the join of the
// organisations with what they must have (expressions, scores) reads both
// tables whole, on every view. Instead the country index is walked one
// country at a time (a loose index scan: one index step per country, about
// thirty in all), and a country is kept as soon as one of its organisations
// meets the condition: LIMIT 1 keeps that a short probe per country instead
// of a join the planner would run over every organisation.
import { Prisma } from "@/lib/generated/prisma/client";

/**
 * SELECT the trimmed country codes, sorted, of the organisations `o` for which
 * `from` (FROM … joins … starting with `"Organisation" o`) and `where` hold.
 */
export function countriesWhere(from: Prisma.Sql, where: Prisma.Sql): Prisma.Sql {
  return Prisma.sql`
    WITH RECURSIVE k AS (
      SELECT min(country) AS country FROM "Organisation"
      UNION ALL
      SELECT (SELECT min(country) FROM "Organisation" WHERE country > k.country)
      FROM k WHERE k.country IS NOT NULL
    )
    SELECT trim(k.country) AS country
    FROM k CROSS JOIN LATERAL (
      SELECT 1 ${from} WHERE o.country = k.country AND ${where} LIMIT 1
    ) used
    WHERE k.country IS NOT NULL
    ORDER BY 1`;
}
