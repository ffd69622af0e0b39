"use client";

// What an official can do with the rows selected in the queue: assign them
// (to themselves, another official, or nobody) or move them all with one
// workflow action. Each row is sent with the version it was read at, so a
// row someone else changed meanwhile is left alone and reported.
import { useTranslations } from "next-intl";
import { useId, useState, useTransition } from "react";
import { Button } from "@/components/ui/button";
import { Label, Select, Textarea } from "@/components/ui/input";
import { assignInterests, bulkTransitionInterests } from "@/lib/interests/actions";
import { DECLINE_REASONS } from "@/lib/interests/state";

export type BulkOfficial = { id: string; name: string };

type Item = { id: string; version: number; open: boolean };
type ItemResult = { ok: boolean; code?: string };

const BULK_ACTIONS = ["startReview", "shortlist", "accept", "decline"] as const;
type BulkAction = (typeof BULK_ACTIONS)[number];

export type BulkOutcome = { changed: number; conflicts: number; refused: number } | "error";

export function ReviewBulkBar({
  selected,
  officials,
  meId,
  onDone,
}: {
  selected: Item[];
  officials: BulkOfficial[];
  meId: string;
  onDone: (outcome: BulkOutcome) => void;
}) {
  const t = useTranslations("review");
  const tActions = useTranslations("reviewActions");
  const tReason = useTranslations("declineReason");
  const id = useId();
  const [pending, startTransition] = useTransition();
  const [assignee, setAssignee] = useState<string>(meId);
  const [action, setAction] = useState<BulkAction>("startReview");
  const [reason, setReason] = useState<string>("");
  const [message, setMessage] = useState("");
  const [error, setError] = useState<string | null>(null);

  const summarise = (results: ItemResult[]): BulkOutcome => ({
    changed: results.filter((r) => r.ok).length,
    conflicts: results.filter((r) => !r.ok && r.code === "CONFLICT").length,
    refused: results.filter((r) => !r.ok && r.code !== "CONFLICT").length,
  });

  const assign = () =>
    startTransition(async () => {
      setError(null);
      const result = await assignInterests({
        ids: selected.map((item) => item.id),
        assigneeId: assignee === "none" ? null : assignee,
      });
      if (!result.ok) {
        setError(t("bulkFailed"));
        return;
      }
      onDone(summarise(result.data.results));
    });

  const transition = () =>
    startTransition(async () => {
      setError(null);
      if (action === "decline" && (!reason || message.trim().length < 5)) {
        setError(t("bulkDeclineNeeds"));
        return;
      }
      const result = await bulkTransitionInterests({
        items: selected.map(({ id, version }) => ({ id, version })),
        action,
        ...(action === "decline"
          ? {
              declineReason: reason as (typeof DECLINE_REASONS)[number],
              declineMessage: message,
            }
          : {}),
      });
      if (!result.ok) {
        setError(t("bulkFailed"));
        return;
      }
      onDone(summarise(result.data.results));
    });

  return (
    <section
      aria-labelledby={`${id}-title`}
      className="flex flex-col gap-4 rounded-xl border border-primary/40 bg-primary/5 p-4"
    >
      <h2 id={`${id}-title`} className="font-semibold">
        {t("bulkTitle", { count: selected.length })}
      </h2>
      <div className="grid gap-4 md:grid-cols-2">
        <div className="flex flex-col gap-1.5">
          <Label htmlFor={`${id}-assignee`}>{t("bulkAssignLabel")}</Label>
          <div className="flex gap-2">
            <Select
              id={`${id}-assignee`}
              value={assignee}
              onChange={(e) => setAssignee(e.target.value)}
            >
              <option value={meId}>{t("assignMe")}</option>
              {officials
                .filter((o) => o.id !== meId)
                .map((o) => (
                  <option key={o.id} value={o.id}>
                    {o.name}
                  </option>
                ))}
              <option value="none">{t("assignNobody")}</option>
            </Select>
            <Button type="button" variant="outline" disabled={pending} onClick={assign}>
              {t("bulkAssign")}
            </Button>
          </div>
        </div>
        <div className="flex flex-col gap-1.5">
          <Label htmlFor={`${id}-action`}>{t("bulkActionLabel")}</Label>
          <div className="flex gap-2">
            <Select
              id={`${id}-action`}
              value={action}
              onChange={(e) => setAction(e.target.value as BulkAction)}
            >
              {BULK_ACTIONS.map((a) => (
                <option key={a} value={a}>
                  {tActions(`${a}.button`)}
                </option>
              ))}
            </Select>
            <Button type="button" disabled={pending} onClick={transition}>
              {t("bulkApply")}
            </Button>
          </div>
        </div>
      </div>
      {action === "decline" && (
        <div className="grid gap-4 md:grid-cols-[16rem_1fr]">
          <div className="flex flex-col gap-1.5">
            <Label htmlFor={`${id}-reason`}>{tActions("decline.reason")}</Label>
            <Select id={`${id}-reason`} value={reason} onChange={(e) => setReason(e.target.value)}>
              <option value="">{tActions("decline.chooseReason")}</option>
              {DECLINE_REASONS.map((r) => (
                <option key={r} value={r}>
                  {tReason(r)}
                </option>
              ))}
            </Select>
          </div>
          <div className="flex flex-col gap-1.5">
            <Label htmlFor={`${id}-message`}>{tActions("decline.message")}</Label>
            <Textarea
              id={`${id}-message`}
              className="min-h-20"
              value={message}
              onChange={(e) => setMessage(e.target.value)}
            />
          </div>
        </div>
      )}
      <p className="text-xs text-muted-foreground">{t("bulkHint")}</p>
      {error && (
        <p role="alert" className="text-sm font-medium text-destructive">
          {error}
        </p>
      )}
    </section>
  );
}
