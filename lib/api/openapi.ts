// The OpenAPI 3.1 document of the REST API, generated from the zod schemas
// of lib/api/schemas.ts. Served at /api/v1/openapi.json; docs/api.md explains
// how to get a token. A test checks every route of app/api/v1 is described.
import {
  OpenAPIRegistry,
  OpenApiGeneratorV31,
  type ResponseConfig,
} from "@asteasolutions/zod-to-openapi";
import { z } from "zod";
import { IMPORT_MAX_BYTES } from "@/lib/import/run";
import { IMPORT_FIELDS, IMPORT_TYPES, importRowSchema } from "@/lib/import/schema";
import {
  errorSchema,
  importErrorsSchema,
  importResultSchema,
  MATCHES_PAGE,
  matchesQuerySchema,
  matchListSchema,
  opportunityListQuerySchema,
  opportunityListSchema,
  opportunityParamsSchema,
  themeListSchema,
  themeParamsSchema,
} from "./schemas";

export const API_VERSION = "1.0.0";
const BEARER = "bearerToken";

function error(description: string): ResponseConfig {
  return { description, content: { "application/json": { schema: errorSchema } } };
}

/** The errors every authenticated endpoint may answer. */
const AUTH_ERRORS: Record<string, ResponseConfig> = {
  401: {
    ...error("No token, or an unknown, revoked or expired one, or a disabled account."),
    headers: {
      "WWW-Authenticate": { description: "Bearer", schema: { type: "string" } },
    },
  },
  403: error("The token's account is not an official or administrator."),
  429: {
    ...error("Too many requests with this token."),
    headers: {
      "Retry-After": { description: "Seconds to wait.", schema: { type: "integer" } },
    },
  },
  500: error("An unexpected failure (code INTERNAL); the requestId ties it to the logs."),
  503: {
    ...error("The database cannot be reached for now (code UNAVAILABLE)."),
    headers: {
      "Retry-After": { description: "Seconds to wait.", schema: { type: "integer" } },
    },
  },
};

function ok(description: string, schema: z.ZodType): ResponseConfig {
  return { description, content: { "application/json": { schema } } };
}

function buildRegistry() {
  const registry = new OpenAPIRegistry();
  registry.registerComponent("securitySchemes", BEARER, {
    type: "http",
    scheme: "bearer",
    description:
      "An API token (bh_…) created by an official or administrator on the API tokens page or with `npm run api-token -- <email>`.",
  });
  const security = [{ [BEARER]: [] }];

  registry.registerPath({
    method: "get",
    path: "/api/v1/themes",
    operationId: "listThemes",
    tags: ["Themes"],
    summary: "The city's themes, with how many organisations match each",
    security,
    responses: { 200: ok("The themes, in display order.", themeListSchema), ...AUTH_ERRORS },
  });

  registry.registerPath({
    method: "get",
    path: "/api/v1/opportunities",
    operationId: "listOpportunities",
    tags: ["Opportunities"],
    summary: "Published and closed opportunities, newest first",
    security,
    request: { query: opportunityListQuerySchema },
    responses: {
      200: ok("One page of opportunities and the total.", opportunityListSchema),
      400: error("A query parameter is not valid (see error.fields)."),
      ...AUTH_ERRORS,
    },
  });

  const matchesDescription = `Organisations officials may see (consented or imported), best first; ${MATCHES_PAGE.default} per page unless asked, at most ${MATCHES_PAGE.max}.`;
  registry.registerPath({
    method: "get",
    path: "/api/v1/themes/{slug}/matches",
    operationId: "listThemeMatches",
    tags: ["Matches"],
    summary: "The organisations matching a theme",
    description: matchesDescription,
    security,
    request: { params: themeParamsSchema, query: matchesQuerySchema },
    responses: {
      200: ok("One page of matches and the total.", matchListSchema),
      400: error("A query parameter is not valid (see error.fields)."),
      404: error("No theme with this slug."),
      ...AUTH_ERRORS,
    },
  });

  registry.registerPath({
    method: "get",
    path: "/api/v1/opportunities/{id}/matches",
    operationId: "listOpportunityMatches",
    tags: ["Matches"],
    summary: "The organisations matching an opportunity",
    description: matchesDescription,
    security,
    request: { params: opportunityParamsSchema, query: matchesQuerySchema },
    responses: {
      200: ok("One page of matches and the total.", matchListSchema),
      400: error("A query parameter is not valid (see error.fields)."),
      404: error("No published or closed opportunity with this id."),
      ...AUTH_ERRORS,
    },
  });

  const fileDescription = (format: string) =>
    `The whole file as the body, ${format}, UTF-8, at most ${IMPORT_MAX_BYTES / 1024 / 1024} MB. Each row is one organisation (schema ImportRow); a row whose externalRef is already known updates that imported organisation.`;
  // A clone made now: schemas built before extendZodWithOpenApi ran lack .openapi().
  registry.register(
    "ImportRow",
    importRowSchema.describe(
      `One organisation. type is one of ${IMPORT_TYPES.join(", ")}; country is an ISO 3166-1 alpha-2 code; keywords and themes (theme slugs) are lists, in CSV separated by semicolons. Only CSV needs the header row: ${IMPORT_FIELDS.join(",")}.`,
    ),
  );
  registry.registerPath({
    method: "post",
    path: "/api/v1/organisations/import",
    operationId: "importOrganisations",
    tags: ["Organisations"],
    summary: "Import organisations from a CSV or JSON Lines file",
    description:
      "All or nothing: when any row is invalid nothing is imported and the answer lists the errors.",
    security,
    request: {
      body: {
        required: true,
        description: "The file. Each row or line is one organisation (see ImportRow).",
        content: {
          "text/csv": {
            schema: z.string().openapi({ description: fileDescription("CSV with a header row") }),
          },
          "application/x-ndjson": {
            schema: z
              .string()
              .openapi({ description: fileDescription("one JSON object per line") }),
          },
        },
      },
    },
    responses: {
      200: ok("Imported.", importResultSchema),
      400: error(
        "The Content-Type is neither text/csv nor application/x-ndjson, or the body is empty or not UTF-8.",
      ),
      413: error(`The file is larger than ${IMPORT_MAX_BYTES / 1024 / 1024} MB.`),
      422: ok("Nothing was imported: the rows' errors.", importErrorsSchema),
      ...AUTH_ERRORS,
    },
  });

  registry.registerPath({
    method: "get",
    path: "/api/v1/openapi.json",
    operationId: "openApiDocument",
    tags: ["Meta"],
    summary: "This document",
    security: [],
    responses: {
      200: {
        description: "The OpenAPI 3.1 document.",
        content: { "application/json": { schema: z.object({}).passthrough() } },
      },
    },
  });
  return registry;
}

/** The OpenAPI 3.1 document. */
export function buildOpenApiDocument() {
  const generator = new OpenApiGeneratorV31(buildRegistry().definitions);
  return generator.generateDocument({
    openapi: "3.1.0",
    info: {
      title: "Bridgehead API",
      version: API_VERSION,
      description:
        "Read the city's themes and opportunities and the European organisations that match them, and import organisations. For officials and administrators; see docs/api.md.",
    },
    servers: [{ url: "/", description: "This Bridgehead instance" }],
    tags: [
      { name: "Themes" },
      { name: "Opportunities" },
      { name: "Matches" },
      { name: "Organisations" },
      { name: "Meta" },
    ],
  });
}
