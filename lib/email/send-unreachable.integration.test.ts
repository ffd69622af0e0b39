// queueEmail when the job queue cannot be reached: the message must still be
// stored (QUEUED, for the sweeper) and the caller must not see an error.
import { afterEach, describe, expect, it, vi } from "vitest";
import { db } from "@/lib/db";
import { uniqueSuffix } from "@/lib/testing/databases";

const sendJob = vi.hoisted(() => vi.fn());
vi.mock("@/lib/jobs/boss", () => ({ sendJob }));

const { queueEmail } = await import("./send");
const { logger } = await import("@/lib/server/logger");

afterEach(() => sendJob.mockReset());

async function queue() {
  const to = `unreachable-${uniqueSuffix()}@example.org`;
  const id = await queueEmail({
    to,
    locale: "en",
    template: "email-changed",
    data: { name: "Ada", newEmail: "ada@new.example" },
  });
  return { id, to };
}

describe("queueEmail without a job queue", () => {
  it("keeps the message QUEUED, logs a warning and does not throw", async () => {
    sendJob.mockRejectedValue(new Error("connect ECONNREFUSED 127.0.0.1:1"));
    const warn = vi.spyOn(logger, "warn");
    const { id, to } = await queue();
    expect(sendJob).toHaveBeenCalledWith("email.deliver", { messageId: id }, { singletonKey: id });
    expect(await db.emailMessage.findUniqueOrThrow({ where: { id } })).toMatchObject({
      to,
      status: "QUEUED",
      attempts: 0,
    });
    expect(warn).toHaveBeenCalledWith(
      expect.objectContaining({ messageId: id }),
      expect.stringMatching(/sweeper/),
    );
  });

  it("does not hang the request when the queue does not answer", async () => {
    sendJob.mockReturnValue(new Promise(() => {}));
    const started = Date.now();
    const { id } = await queue();
    expect(Date.now() - started).toBeLessThan(8_000);
    expect((await db.emailMessage.findUniqueOrThrow({ where: { id } })).status).toBe("QUEUED");
  }, 15_000);
});
