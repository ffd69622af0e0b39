import { postImport } from "@/lib/import/routes";

// Upload of an organisation import from /official/import (lib/import/routes.ts).
export const POST = postImport;
