"use client";

import { useState } from "react";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import type { ActionResult } from "@/lib/server/action";

type Texts = {
  submit: string;
  submitting: string;
  done: string;
  invalid: string;
  next: string;
  failed: string;
};

/**
 * One button that confirms an emailed link (verification, email change).
 * A button, not the GET itself, so that mail scanners that open links do
 * not use them up.
 */
export function TokenForm({
  token,
  action,
  nextHref,
  texts,
}: {
  token: string;
  action: (input: { token: string }) => Promise<ActionResult<undefined>>;
  nextHref: string;
  texts: Texts;
}) {
  const [state, setState] = useState<"idle" | "pending" | "done" | "invalid" | "failed">("idle");
  async function confirm() {
    setState("pending");
    const result = await action({ token }).catch(() => null);
    if (result?.ok) setState("done");
    else if (result?.code === "NOT_FOUND" || result?.code === "BAD_REQUEST") setState("invalid");
    else setState("failed");
  }
  if (state === "done" || state === "invalid") {
    return (
      <div className="flex flex-col gap-4">
        <Alert variant={state === "done" ? "success" : "error"}>
          {state === "done" ? texts.done : texts.invalid}
        </Alert>
        <Button asChild variant={state === "done" ? "default" : "outline"}>
          <a href={nextHref}>{texts.next}</a>
        </Button>
      </div>
    );
  }
  return (
    <div className="flex flex-col gap-4">
      {state === "failed" && <Alert variant="error">{texts.failed}</Alert>}
      <Button onClick={confirm} disabled={state === "pending"}>
        {state === "pending" ? texts.submitting : texts.submit}
      </Button>
    </div>
  );
}
