"use client";

// An official's actions on one expression: only the workflow steps the state
// machine allows from its status (the page passes them), each sent with the
// version the page was read at. If someone else changed the expression
// meanwhile, nothing is overwritten: the official is told who and when, and
// reloads. Also: assignment, and the internal notes' form.
import { useFormatter, useTranslations } from "next-intl";
import { useId, useState, useTransition } from "react";
import { Field } from "@/components/forms/field";
import { useActionForm } from "@/components/forms/use-action-form";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Label, Select, Textarea } from "@/components/ui/input";
import { useRouter } from "@/lib/i18n/navigation";
import { addInterestNote, assignInterests, transitionInterest } from "@/lib/interests/actions";
import {
  INTEREST_LIMITS,
  type InterestNoteInput,
  interestNoteSchema,
  type TransitionInterestInput,
  transitionInterestSchema,
} from "@/lib/interests/schema";
import { DECLINE_REASONS, type OfficialAction } from "@/lib/interests/state";

type Conflict = { by?: string; at?: string };

/** "<name> changed this at <time>. Reload to see their change." with a reload button. */
export function ReviewConflict({ conflict }: { conflict: Conflict }) {
  const t = useTranslations("reviewActions");
  const format = useFormatter();
  const router = useRouter();
  const time = conflict.at
    ? format.dateTime(new Date(conflict.at), { dateStyle: "medium", timeStyle: "short" })
    : "—";
  return (
    <Alert variant="warning" role="alert">
      <p>
        {conflict.by ? t("conflict", { name: conflict.by, time }) : t("conflictUnknown", { time })}
      </p>
      <Button
        type="button"
        variant="outline"
        size="sm"
        className="mt-2"
        onClick={() => router.refresh()}
      >
        {t("reload")}
      </Button>
    </Alert>
  );
}

export function ReviewActions({
  id,
  version,
  statusLabel,
  actions,
}: {
  id: string;
  version: number;
  statusLabel: string;
  /** The official actions the state machine allows from the current status. */
  actions: OfficialAction[];
}) {
  const t = useTranslations("reviewActions");
  const router = useRouter();
  const [open, setOpen] = useState<"requestInfo" | "decline" | "accept" | null>(null);
  const [conflict, setConflict] = useState<Conflict | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [pending, startTransition] = useTransition();
  const tErrors = useTranslations("errors");

  const simple = (action: "startReview" | "shortlist" | "accept") =>
    startTransition(async () => {
      setError(null);
      const result = await transitionInterest({ id, version, action });
      if (result.ok) {
        setOpen(null);
        router.refresh();
      } else if (result.code === "CONFLICT") setConflict(result.details ?? {});
      else if (result.code === "UNPROCESSABLE") setError(t("notAllowed"));
      else setError(tErrors(result.code, { minutes: 1 }));
    });

  if (conflict) return <ReviewConflict conflict={conflict} />;
  if (actions.length === 0) return <p className="text-sm">{t("none", { status: statusLabel })}</p>;

  return (
    <div className="flex flex-col gap-4">
      {error && <Alert variant="error">{error}</Alert>}
      <div className="flex flex-wrap gap-2">
        {actions.map((action) => {
          if (action === "startReview" || action === "shortlist")
            return (
              <Button key={action} type="button" disabled={pending} onClick={() => simple(action)}>
                {t(`${action}.button`)}
              </Button>
            );
          return (
            <Button
              key={action}
              type="button"
              variant={action === "decline" ? "outline" : "default"}
              aria-expanded={open === action}
              disabled={pending}
              onClick={() => setOpen(open === action ? null : action)}
            >
              {t(`${action}.button`)}
            </Button>
          );
        })}
      </div>
      {open === "accept" && (
        <div className="flex flex-col gap-3 rounded-lg border border-border p-4">
          <p className="text-sm">{t("accept.lead")}</p>
          <div className="flex gap-2">
            <Button type="button" disabled={pending} onClick={() => simple("accept")}>
              {t("confirm")}
            </Button>
            <Button type="button" variant="ghost" onClick={() => setOpen(null)}>
              {t("cancel")}
            </Button>
          </div>
        </div>
      )}
      {(open === "requestInfo" || open === "decline") && (
        <TransitionForm
          key={open}
          id={id}
          version={version}
          action={open}
          onConflict={setConflict}
          onCancel={() => setOpen(null)}
        />
      )}
    </div>
  );
}

function TransitionForm({
  id,
  version,
  action,
  onConflict,
  onCancel,
}: {
  id: string;
  version: number;
  action: "requestInfo" | "decline";
  onConflict: (conflict: Conflict) => void;
  onCancel: () => void;
}) {
  const t = useTranslations("reviewActions");
  const tReason = useTranslations("declineReason");
  const router = useRouter();
  const limits = { min: INTEREST_LIMITS.noteMin, max: INTEREST_LIMITS.noteMax };
  const { form, onSubmit, formError, errorOf, submitting } = useActionForm<
    TransitionInterestInput,
    unknown
  >({
    schema: transitionInterestSchema,
    action: async (values) => {
      const result = await transitionInterest(values);
      if (!result.ok && result.code === "CONFLICT") onConflict(result.details ?? {});
      return result;
    },
    defaultValues: {
      id,
      version,
      action,
      ...(action === "decline" ? { declineReason: "", declineMessage: "" } : { note: "" }),
    } as TransitionInterestInput,
    onSuccess: () => router.refresh(),
  });

  return (
    <form
      method="post"
      onSubmit={onSubmit}
      noValidate
      className="flex flex-col gap-4 rounded-lg border border-border p-4"
    >
      {formError && <Alert variant="error">{formError}</Alert>}
      <input type="hidden" {...form.register("id")} />
      <input type="hidden" {...form.register("version")} />
      <input type="hidden" {...form.register("action")} />
      {action === "requestInfo" ? (
        <Field
          label={t("requestInfo.question")}
          hint={t("requestInfo.questionHint", limits)}
          error={errorOf("note")}
        >
          <Textarea rows={4} {...form.register("note")} />
        </Field>
      ) : (
        <>
          <Field label={t("decline.reason")} error={errorOf("declineReason")}>
            <Select {...form.register("declineReason")}>
              <option value="">{t("decline.chooseReason")}</option>
              {DECLINE_REASONS.map((reason) => (
                <option key={reason} value={reason}>
                  {tReason(reason)}
                </option>
              ))}
            </Select>
          </Field>
          <Field
            label={t("decline.message")}
            hint={t("decline.messageHint", limits)}
            error={errorOf("declineMessage")}
          >
            <Textarea rows={4} {...form.register("declineMessage")} />
          </Field>
        </>
      )}
      <div className="flex gap-2">
        <Button type="submit" disabled={submitting}>
          {submitting ? t("working") : t(`${action}.submit`)}
        </Button>
        <Button type="button" variant="ghost" onClick={onCancel}>
          {t("cancel")}
        </Button>
      </div>
    </form>
  );
}

export function ReviewAssign({
  id,
  assignee,
  officials,
  meId,
  assignable,
}: {
  id: string;
  assignee: { id: string; name: string } | null;
  officials: Array<{ id: string; name: string }>;
  meId: string;
  /** Only open expressions are assigned. */
  assignable: boolean;
}) {
  const t = useTranslations("reviewActions");
  const tErrors = useTranslations("errors");
  const router = useRouter();
  const selectId = useId();
  const [choice, setChoice] = useState(assignee?.id ?? "");
  const [conflict, setConflict] = useState<Conflict | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [pending, startTransition] = useTransition();

  const assign = (assigneeId: string | null) =>
    startTransition(async () => {
      setError(null);
      const result = await assignInterests({ ids: [id], assigneeId });
      if (!result.ok) {
        setError(tErrors(result.code, { minutes: 1 }));
        return;
      }
      const item = result.data.results[0];
      if (item?.ok) router.refresh();
      else if (item?.code === "CONFLICT") setConflict(item.details ?? {});
      else if (item?.code === "UNPROCESSABLE") setError(t("assignClosed"));
      else setError(tErrors(item?.code ?? "UNAVAILABLE", { minutes: 1 }));
    });

  return (
    <div className="flex flex-col gap-3">
      <p className="text-sm">
        {assignee ? t("assignedTo", { name: assignee.name }) : t("notAssigned")}
      </p>
      {conflict && <ReviewConflict conflict={conflict} />}
      {error && <Alert variant="error">{error}</Alert>}
      {assignable ? (
        <>
          {assignee?.id !== meId && (
            <Button
              type="button"
              variant="outline"
              className="self-start"
              disabled={pending}
              onClick={() => assign(meId)}
            >
              {t("assignMe")}
            </Button>
          )}
          <div className="flex flex-col gap-1.5">
            <Label htmlFor={selectId}>{t("assignLabel")}</Label>
            <div className="flex gap-2">
              <Select id={selectId} value={choice} onChange={(e) => setChoice(e.target.value)}>
                <option value="">{t("unassign")}</option>
                {officials.map((official) => (
                  <option key={official.id} value={official.id}>
                    {official.name}
                  </option>
                ))}
              </Select>
              <Button
                type="button"
                variant="outline"
                disabled={pending || choice === (assignee?.id ?? "")}
                onClick={() => assign(choice || null)}
              >
                {t("assign")}
              </Button>
            </div>
          </div>
        </>
      ) : (
        <p className="text-sm text-muted-foreground">{t("assignClosed")}</p>
      )}
    </div>
  );
}

export function ReviewNoteForm({ id }: { id: string }) {
  const t = useTranslations("reviewActions");
  const router = useRouter();
  const { form, onSubmit, formError, errorOf, submitting } = useActionForm<
    InterestNoteInput,
    unknown
  >({
    schema: interestNoteSchema,
    action: addInterestNote,
    defaultValues: { id, body: "" },
    onSuccess: () => {
      form.reset({ id, body: "" });
      router.refresh();
    },
  });
  return (
    <form method="post" onSubmit={onSubmit} noValidate className="flex flex-col gap-3">
      {formError && <Alert variant="error">{formError}</Alert>}
      <input type="hidden" {...form.register("id")} />
      <Field label={t("noteLabel")} error={errorOf("body")}>
        <Textarea rows={3} {...form.register("body")} />
      </Field>
      <Button type="submit" variant="outline" disabled={submitting} className="self-start">
        {submitting ? t("working") : t("addNote")}
      </Button>
    </form>
  );
}
