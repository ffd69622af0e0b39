// Writes of the upload route: store the file as a PENDING ImportRun (the job
// then runs it through run.ts), or mark it failed when the queue is down.
import type { Db } from "@/lib/db/client";
import type { ImportFormat } from "./parse";

export async function createPendingImport(
  db: Db,
  input: { actorId: string; format: ImportFormat; fileName: string | null; content: string },
): Promise<{ id: string }> {
  return db.importRun.create({
    data: {
      createdById: input.actorId,
      format: input.format,
      fileName: input.fileName?.slice(0, 255) ?? null,
      source: "ui",
      status: "PENDING",
      content: input.content,
    },
    select: { id: true },
  });
}

export async function failPendingImport(db: Db, id: string, message: string): Promise<void> {
  await db.importRun.updateMany({
    where: { id, status: "PENDING" },
    data: {
      status: "FAILED",
      content: null,
      errors: [{ row: 0, field: "", message }],
      finishedAt: new Date(),
    },
  });
}
