// zod's settings, applied before any schema is built: lib/validation/fields.ts
// imports this module first, and every form schema (lib/<domain>/schema.ts)
// imports fields.ts, so in the browser it runs before the first schema
// module's body.
//
// zod 4 probes `new Function("")` when it builds its first object schema, to
// learn whether it may compile its parsers. The pages' Content-Security-Policy
// has no 'unsafe-eval' (lib/security/headers.ts): the probe is blocked and,
// although zod catches that, the browser reports a CSP violation (console,
// Lighthouse's best practices, any report endpoint). In the browser, jitless
// skips the probe and the compiled path: the same results, from zod's
// interpreter. On the server (no CSP, no `document`) zod keeps compiling.
import { z } from "zod";

if (typeof document !== "undefined") z.config({ jitless: true });
