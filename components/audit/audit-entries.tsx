// The audit log's entries: a table on wide screens, one card per entry on
// phones (the same facts under the same column names). Times in UTC.
import { getFormatter, getTranslations } from "next-intl/server";
import { Badge } from "@/components/ui/badge";
import { AUDIT_ENTITY_TYPES, type AuditEntityType, auditActionLabel } from "@/lib/audit/actions";
import type { AuditEntryView } from "@/lib/audit/queries";
import { type AuditFilter, auditQuery } from "@/lib/audit/schema";
import { Link } from "@/lib/i18n/navigation";
import type { Locale } from "@/lib/i18n/routing";

/** Change-like keys first, then the rest alphabetically (jsonb keeps its own key order). */
const KEY_ORDER = ["reason", "from", "to", "status"];
const rank = (key: string) => {
  const i = KEY_ORDER.indexOf(key);
  return i === -1 ? KEY_ORDER.length : i;
};

function valueText(value: unknown): string {
  if (typeof value === "string") return value;
  if (Array.isArray(value) && value.every((v) => typeof v === "string")) return value.join(", ");
  // A change: { from, to } reads as "from → to".
  if (value && typeof value === "object" && !Array.isArray(value)) {
    const keys = Object.keys(value);
    if (keys.length === 2 && "from" in value && "to" in value) {
      const { from, to } = value as { from: unknown; to: unknown };
      return `${valueText(from)} → ${valueText(to)}`;
    }
  }
  return JSON.stringify(value);
}

/** The entry's data as "key: value" pairs, values as plain text where possible. */
export function detailsOf(data: unknown): Array<[string, string]> {
  if (data === null || data === undefined) return [];
  if (typeof data !== "object" || Array.isArray(data)) return [["", valueText(data)]];
  return Object.entries(data as Record<string, unknown>)
    .sort(([a], [b]) => rank(a) - rank(b) || a.localeCompare(b))
    .map(([key, value]) => [key, valueText(value)]);
}

const isKnownType = (type: string): type is AuditEntityType =>
  (AUDIT_ENTITY_TYPES as readonly string[]).includes(type);

const filterLink = "text-primary underline underline-offset-4 hover:no-underline";

export async function AuditEntries({
  locale,
  filter,
  entries,
}: {
  locale: Locale;
  filter: AuditFilter;
  entries: AuditEntryView[];
}) {
  const t = await getTranslations({ locale, namespace: "audit" });
  const tRoles = await getTranslations({ locale, namespace: "roles" });
  const format = await getFormatter({ locale });
  const href = (narrow: Partial<AuditFilter>) => {
    const query = auditQuery({ ...filter, before: undefined, after: undefined, ...narrow });
    return `/admin/audit${query ? `?${query}` : ""}`;
  };

  /** The cells of one entry, shared by the table row and the card. */
  function cellsOf(entry: AuditEntryView) {
    const labelKey = auditActionLabel(entry.action);
    const time = (
      <time dateTime={entry.createdAt.toISOString()} className="tabular-nums">
        <span className="whitespace-nowrap">
          {format.dateTime(entry.createdAt, { dateStyle: "medium", timeZone: "UTC" })}
        </span>{" "}
        <span className="whitespace-nowrap lg:block">
          {format.dateTime(entry.createdAt, {
            hour: "2-digit",
            minute: "2-digit",
            second: "2-digit",
            hourCycle: "h23",
            timeZone: "UTC",
          })}
        </span>
      </time>
    );
    const action = (
      <>
        <span className="font-medium">
          {labelKey ? t(`actions.${labelKey}`) : t("unknownAction")}
        </span>
        <code className="block font-mono text-xs text-muted-foreground [overflow-wrap:anywhere]">
          {entry.action}
        </code>
      </>
    );
    const actor = entry.actor ? (
      <>
        <span className="block font-medium [overflow-wrap:anywhere]">{entry.actor.name}</span>
        <Link
          href={href({ actor: entry.actor.email })}
          className={`block text-xs [overflow-wrap:anywhere] ${filterLink}`}
        >
          {entry.actor.email}
        </Link>
        <Badge variant={entry.actor.role === "PARTNER" ? "secondary" : "default"} className="mt-1">
          {tRoles(entry.actor.role)}
        </Badge>
      </>
    ) : entry.actorId ? (
      <>
        <span className="block">{t("erasedAccount")}</span>
        <code className="block font-mono text-xs text-muted-foreground [overflow-wrap:anywhere]">
          {entry.actorId}
        </code>
      </>
    ) : (
      <span className="text-muted-foreground">{t("anonymous")}</span>
    );
    const entity = (
      <>
        <span className="block">
          {isKnownType(entry.entityType) ? t(`entityTypes.${entry.entityType}`) : entry.entityType}
        </span>
        {entry.entityId && (
          <Link
            href={href({ type: entry.entityType, entity: entry.entityId })}
            className={`block font-mono text-xs [overflow-wrap:anywhere] ${filterLink}`}
          >
            {entry.entityId}
          </Link>
        )}
      </>
    );
    const origin = (
      <dl className="grid grid-cols-[auto_1fr] gap-x-2 text-xs">
        <dt className="text-muted-foreground">{t("ipLabel")}</dt>
        <dd className="min-w-0 font-mono [overflow-wrap:anywhere]">
          {entry.ip ? (
            <Link href={href({ ip: entry.ip })} className={filterLink}>
              {entry.ip}
            </Link>
          ) : (
            <span className="font-sans text-muted-foreground">{t("unknown")}</span>
          )}
        </dd>
        {entry.userAgent && (
          <>
            <dt className="text-muted-foreground">{t("userAgentLabel")}</dt>
            <dd className="min-w-0 line-clamp-2 [overflow-wrap:anywhere]" title={entry.userAgent}>
              {entry.userAgent}
            </dd>
          </>
        )}
        {entry.requestId && (
          <>
            <dt className="text-muted-foreground">{t("requestIdLabel")}</dt>
            <dd className="min-w-0 font-mono [overflow-wrap:anywhere]">{entry.requestId}</dd>
          </>
        )}
      </dl>
    );
    const pairs = detailsOf(entry.data);
    const details =
      pairs.length === 0 ? null : (
        <dl className="grid grid-cols-[auto_1fr] gap-x-2 text-xs">
          {pairs.map(([key, value]) => (
            <div key={key} className="contents">
              <dt className="font-mono text-muted-foreground">{key}</dt>
              <dd className="min-w-0 font-mono [overflow-wrap:anywhere]">{value}</dd>
            </div>
          ))}
        </dl>
      );
    return { id: entry.id, time, action, actor, entity, origin, details };
  }
  const rows = entries.map(cellsOf);

  const columns = ["time", "action", "actor", "entity", "origin", "details"] as const;
  return (
    <>
      {/* Wide screens: a table. */}
      <div className="mt-4 hidden overflow-hidden rounded-xl border border-border bg-card shadow-sm lg:block">
        <table className="w-full table-fixed border-collapse text-left text-sm">
          <caption className="sr-only">{t("tableCaption")}</caption>
          <colgroup>
            <col className="w-[12%]" />
            <col className="w-[16%]" />
            <col className="w-[17%]" />
            <col className="w-[17%]" />
            <col className="w-[20%]" />
            <col className="w-[18%]" />
          </colgroup>
          <thead className="border-b border-border bg-muted/60">
            <tr>
              {columns.map((column) => (
                <th key={column} scope="col" className="px-3 py-3 font-semibold">
                  {t(`columns.${column}`)}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {rows.map((row) => (
              <tr key={row.id} className="border-b border-border align-top last:border-b-0">
                <td className="px-3 py-3">{row.time}</td>
                <td className="px-3 py-3">{row.action}</td>
                <td className="px-3 py-3">{row.actor}</td>
                <td className="px-3 py-3">{row.entity}</td>
                <td className="px-3 py-3">{row.origin}</td>
                <td className="px-3 py-3">{row.details}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>

      {/* Phones and tablets: one card per entry. */}
      <ul aria-label={t("tableCaption")} className="mt-4 flex flex-col gap-3 lg:hidden">
        {rows.map((row) => (
          <li key={row.id} className="rounded-xl border border-border bg-card p-4 shadow-sm">
            <div className="flex flex-wrap items-baseline justify-between gap-x-3 gap-y-1">
              <div className="min-w-0">{row.action}</div>
              <div className="text-sm text-muted-foreground">{row.time}</div>
            </div>
            <dl className="mt-3 flex flex-col gap-2 text-sm">
              {(
                [
                  ["actor", row.actor],
                  ["entity", row.entity],
                  ["origin", row.origin],
                  ["details", row.details],
                ] as const
              )
                .filter(([, value]) => value !== null)
                .map(([column, value]) => (
                  <div key={column} className="grid grid-cols-[6.5rem_1fr] gap-3">
                    <dt className="text-muted-foreground">{t(`columns.${column}`)}</dt>
                    <dd className="min-w-0">{value}</dd>
                  </div>
                ))}
            </dl>
          </li>
        ))}
      </ul>
    </>
  );
}
