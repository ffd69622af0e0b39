"use client";

import { useRouter } from "next/navigation";
import { useTranslations } from "next-intl";
import { useId, useState, useTransition } from "react";
import { Button } from "@/components/ui/button";
import { Label, Select } from "@/components/ui/input";
import { STAFF_ROLES, type StaffRole } from "@/lib/invitations/schema";
import type { ActionResult } from "@/lib/server/action";
import { changeUserRoleAction, setUserStatusAction } from "@/lib/users/actions";

type Props = {
  userId: string;
  name: string;
  role: "PARTNER" | "OFFICIAL" | "ADMIN";
  status: "ACTIVE" | "DISABLED";
};

const REFUSALS = ["selfDisable", "selfRole", "partnerToStaff", "staffToPartner"] as const;
type RefusalKey = (typeof REFUSALS)[number];

/** Disable or enable an account, and move staff between official and admin. */
export function UserRowActions({ userId, name, role, status }: Props) {
  const t = useTranslations("adminUsers");
  const tRoles = useTranslations("roles");
  const tErrors = useTranslations("errors");
  const router = useRouter();
  const roleId = useId();
  const [pending, startTransition] = useTransition();
  const [confirming, setConfirming] = useState(false);
  const [newRole, setNewRole] = useState<StaffRole>(role === "ADMIN" ? "ADMIN" : "OFFICIAL");
  const [message, setMessage] = useState<{ kind: "ok" | "error"; text: string } | null>(null);

  const run = (call: () => Promise<ActionResult<{ changed: boolean }>>, success: string) =>
    startTransition(async () => {
      setMessage(null);
      try {
        const result = await call();
        if (result.ok) {
          setMessage({ kind: "ok", text: success });
          setConfirming(false);
          router.refresh();
          return;
        }
        const refusal = result.fieldErrors?._form;
        setMessage({
          kind: "error",
          text: REFUSALS.includes(refusal as RefusalKey)
            ? t(`refusals.${refusal as RefusalKey}`)
            : tErrors(result.code, {
                minutes: Math.max(1, Math.ceil((result.retryAfter ?? 60) / 60)),
              }),
        });
      } catch {
        setMessage({ kind: "error", text: tErrors("UNAVAILABLE") });
      }
    });

  const disable = () =>
    run(() => setUserStatusAction({ userId, status: "DISABLED" }), t("disabled", { name }));
  const enable = () =>
    run(() => setUserStatusAction({ userId, status: "ACTIVE" }), t("enabled", { name }));
  const changeRole = () =>
    run(
      () => changeUserRoleAction({ userId, role: newRole }),
      t("roleChanged", { name, role: newRole }),
    );

  return (
    <div className="flex min-w-48 flex-col gap-2">
      {status === "ACTIVE" && !confirming && (
        <Button
          type="button"
          variant="outline"
          size="sm"
          className="self-start"
          disabled={pending}
          onClick={() => setConfirming(true)}
          aria-label={t("disableLabel", { name })}
        >
          {t("disable")}
        </Button>
      )}
      {status === "ACTIVE" && confirming && (
        <div className="flex flex-col gap-2 rounded-md border border-border bg-muted/50 p-2">
          <p className="text-sm">{t("confirmDisable", { name })}</p>
          <div className="flex flex-wrap gap-2">
            <Button
              type="button"
              variant="destructive"
              size="sm"
              disabled={pending}
              onClick={disable}
            >
              {pending ? t("working") : t("confirmDisableButton")}
            </Button>
            <Button
              type="button"
              variant="ghost"
              size="sm"
              disabled={pending}
              onClick={() => setConfirming(false)}
            >
              {t("cancel")}
            </Button>
          </div>
        </div>
      )}
      {status === "DISABLED" && (
        <Button
          type="button"
          variant="outline"
          size="sm"
          className="self-start"
          disabled={pending}
          onClick={enable}
          aria-label={t("enableLabel", { name })}
        >
          {pending ? t("working") : t("enable")}
        </Button>
      )}
      {role !== "PARTNER" && (
        <div className="flex flex-wrap items-end gap-2">
          <div className="flex flex-col gap-1">
            <Label htmlFor={roleId} className="sr-only">
              {t("newRole", { name })}
            </Label>
            <Select
              id={roleId}
              className="h-9 w-auto"
              value={newRole}
              disabled={pending}
              onChange={(event) => setNewRole(event.target.value as StaffRole)}
            >
              {STAFF_ROLES.map((r) => (
                <option key={r} value={r}>
                  {tRoles(r)}
                </option>
              ))}
            </Select>
          </div>
          <Button
            type="button"
            variant="outline"
            size="sm"
            disabled={pending || newRole === role}
            onClick={changeRole}
            aria-label={t("changeRoleLabel", { name })}
          >
            {t("changeRole")}
          </Button>
        </div>
      )}
      {message && (
        <p
          role={message.kind === "error" ? "alert" : "status"}
          className={
            message.kind === "error"
              ? "text-sm font-medium text-destructive"
              : "text-sm text-emerald-800"
          }
        >
          {message.text}
        </p>
      )}
    </div>
  );
}
