import { getFormatter, getTranslations } from "next-intl/server";
import type { ReactNode } from "react";
import { Badge } from "@/components/ui/badge";
import { type TokenState, tokenState } from "@/lib/api/tokens";
import type { Locale } from "@/lib/i18n/routing";
import { RevokeTokenButton } from "./revoke-token-button";

export type TokenRow = {
  id: string;
  name: string;
  prefix: string;
  createdAt: Date;
  lastUsedAt: Date | null;
  expiresAt: Date | null;
  revokedAt: Date | null;
  user: { name: string; email: string };
};

const BADGE: Record<TokenState, "success" | "muted" | "outline"> = {
  active: "success",
  revoked: "muted",
  expired: "outline",
};

/**
 * Tokens as cards on phones and a table-like grid on wide screens; the
 * revoke buttons need the "apiTokens" and "errors" client messages around.
 */
export async function TokenList({
  tokens,
  locale,
  title,
  showOwner,
}: {
  tokens: TokenRow[];
  locale: Locale;
  title: string;
  showOwner: boolean;
}) {
  const t = await getTranslations({ locale, namespace: "apiTokens" });
  const format = await getFormatter({ locale });
  const dateTime = (d: Date) => format.dateTime(d, { dateStyle: "medium", timeStyle: "short" });
  const now = new Date();
  const grid = showOwner
    ? "lg:grid-cols-[minmax(9rem,1.4fr)_minmax(11rem,1.4fr)_minmax(7rem,1fr)_minmax(8rem,1fr)_minmax(8rem,1fr)_minmax(5rem,0.7fr)_minmax(10rem,1.2fr)]"
    : "lg:grid-cols-[minmax(10rem,1.6fr)_minmax(7rem,1fr)_minmax(8rem,1fr)_minmax(8rem,1fr)_minmax(5rem,0.7fr)_minmax(10rem,1.2fr)]";
  const columns = [
    "name",
    ...(showOwner ? (["owner"] as const) : []),
    "prefix",
    "created",
    "lastUsed",
    "status",
    "actions",
  ] as const;

  return (
    <>
      <div
        aria-hidden="true"
        className={`mt-4 hidden rounded-t-xl border border-border bg-muted/50 px-4 py-3 text-sm font-medium text-muted-foreground lg:grid lg:gap-4 ${grid}`}
      >
        {columns.map((column) => (
          <span key={column}>{t(`columns.${column}`)}</span>
        ))}
      </div>
      <ul
        aria-label={t("listLabel", { title, count: tokens.length })}
        className="mt-4 flex flex-col gap-3 lg:mt-0 lg:gap-0 lg:rounded-b-xl lg:border lg:border-t-0 lg:border-border lg:bg-card"
      >
        {tokens.map((token) => {
          const state = tokenState(token, now);
          type Cell = [Exclude<(typeof columns)[number], "name" | "actions">, ReactNode];
          const cells: Cell[] = [];
          if (showOwner)
            cells.push([
              "owner",
              <span key="owner">
                {token.user.name}
                <span className="block text-muted-foreground">{token.user.email}</span>
              </span>,
            ]);
          cells.push(
            ["prefix", <code key="prefix" className="font-mono">{`${token.prefix}…`}</code>],
            ["created", dateTime(token.createdAt)],
            ["lastUsed", token.lastUsedAt ? dateTime(token.lastUsedAt) : t("never")],
            [
              "status",
              <Badge key="status" variant={BADGE[state]}>
                {t(`status.${state}`)}
              </Badge>,
            ],
          );
          return (
            <li
              key={token.id}
              className={`flex flex-col gap-3 rounded-xl border border-border bg-card p-4 shadow-sm lg:grid lg:items-start lg:gap-4 lg:rounded-none lg:border-0 lg:border-b lg:shadow-none lg:last:border-b-0 ${grid}`}
            >
              <p className="min-w-0 font-medium [overflow-wrap:anywhere]">{token.name}</p>
              <dl className="flex flex-col gap-1.5 text-sm lg:contents">
                {cells.map(([column, value]) => (
                  <div key={column} className="flex gap-3 lg:block lg:min-w-0">
                    <dt className="w-28 shrink-0 text-muted-foreground lg:sr-only">
                      {t(`columns.${column}`)}
                    </dt>
                    <dd className="min-w-0 [overflow-wrap:anywhere]">{value}</dd>
                  </div>
                ))}
              </dl>
              <div>
                {state === "active" ? (
                  <RevokeTokenButton tokenId={token.id} name={token.name} />
                ) : (
                  <span
                    aria-hidden="true"
                    className="hidden text-sm text-muted-foreground lg:inline"
                  >
                    —
                  </span>
                )}
              </div>
            </li>
          );
        })}
      </ul>
    </>
  );
}
