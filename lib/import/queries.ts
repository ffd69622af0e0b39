import "server-only";
// What the import pages read: one run's progress and outcome, and the latest
// runs. Every official and administrator sees every import (they work as one
// team); the pages and routes check the role.
import { db } from "@/lib/db";
import type { ImportFormat, ImportStatus } from "@/lib/generated/prisma/enums";
import type { ImportRowError } from "./run";

export type ImportRunView = {
  id: string;
  status: ImportStatus;
  format: ImportFormat;
  fileName: string | null;
  source: string;
  totalRows: number;
  processedRows: number;
  created: number;
  updated: number;
  errors: ImportRowError[];
  createdAt: string;
  finishedAt: string | null;
  createdByName: string | null;
};

const select = {
  id: true,
  status: true,
  format: true,
  fileName: true,
  source: true,
  totalRows: true,
  processedRows: true,
  created: true,
  updated: true,
  createdAt: true,
  finishedAt: true,
  createdBy: { select: { name: true } },
} as const;

type Row = {
  id: string;
  status: ImportStatus;
  format: ImportFormat;
  fileName: string | null;
  source: string;
  totalRows: number;
  processedRows: number;
  created: number;
  updated: number;
  createdAt: Date;
  finishedAt: Date | null;
  createdBy: { name: string } | null;
};

function view(row: Row, errors: unknown): ImportRunView {
  return {
    id: row.id,
    status: row.status,
    format: row.format,
    fileName: row.fileName,
    source: row.source,
    totalRows: row.totalRows,
    processedRows: row.processedRows,
    created: row.created,
    updated: row.updated,
    errors: Array.isArray(errors) ? (errors as ImportRowError[]) : [],
    createdAt: row.createdAt.toISOString(),
    finishedAt: row.finishedAt?.toISOString() ?? null,
    createdByName: row.createdBy?.name ?? null,
  };
}

/** One import with its error report (the content is never read back). */
export async function getImportRun(id: string): Promise<ImportRunView | null> {
  const row = await db.importRun.findUnique({ where: { id }, select: { ...select, errors: true } });
  return row ? view(row, row.errors) : null;
}

/** The latest imports, newest first, without their error reports. */
export async function listRecentImports(take = 20): Promise<ImportRunView[]> {
  const rows = await db.importRun.findMany({
    orderBy: [{ createdAt: "desc" }, { id: "desc" }],
    take,
    select,
  });
  return rows.map((row) => view(row, null));
}
