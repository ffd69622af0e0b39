import { getImport } from "@/lib/import/routes";

// Progress and outcome of one import, polled by its status page.
export const GET = getImport;
export const dynamic = "force-dynamic";
