/** The one error type of the app: a code the UI and HTTP layer understand, and detail for the log. */
export const ERROR_CODES = {
  BAD_REQUEST: 400,
  UNAUTHENTICATED: 401,
  FORBIDDEN: 403,
  NOT_FOUND: 404,
  CONFLICT: 409,
  PAYLOAD_TOO_LARGE: 413,
  UNPROCESSABLE: 422,
  RATE_LIMITED: 429,
  UNAVAILABLE: 503,
} as const;

export type ErrorCode = keyof typeof ERROR_CODES;

export class AppError extends Error {
  readonly code: ErrorCode;
  /** Field name -> validation message key, for forms. */
  readonly fields?: Record<string, string>;
  /** Seconds until a rate-limited caller may try again. */
  readonly retryAfter?: number;
  /** Safe facts for the user, e.g. who changed a record first in a CONFLICT. */
  readonly details?: Record<string, string>;

  constructor(
    code: ErrorCode,
    message?: string,
    options?: {
      fields?: Record<string, string>;
      retryAfter?: number;
      details?: Record<string, string>;
      cause?: unknown;
    },
  ) {
    super(message ?? code, { cause: options?.cause });
    this.name = "AppError";
    this.code = code;
    this.fields = options?.fields;
    this.retryAfter = options?.retryAfter;
    this.details = options?.details;
  }

  get status(): number {
    return ERROR_CODES[this.code];
  }
}

export function isAppError(error: unknown): error is AppError {
  return error instanceof AppError;
}
