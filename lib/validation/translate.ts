/** Splits "tooShort?min=12" into the message key and its parameters. */
export function parseValidationMessage(message: string): {
  key: string;
  params: Record<string, string>;
} {
  const [key = "invalid", query] = message.split("?");
  return { key, params: Object.fromEntries(new URLSearchParams(query ?? "")) };
}
