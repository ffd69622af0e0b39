import { env } from "@/lib/env";

type HeaderSource =
  | { get(name: string): string | null }
  | Record<string, string | string[] | undefined>;

function read(headers: HeaderSource, name: string): string | null {
  if (typeof (headers as { get?: unknown }).get === "function")
    return (headers as { get(n: string): string | null }).get(name);
  const value = (headers as Record<string, string | string[] | undefined>)[name];
  return Array.isArray(value) ? (value[0] ?? null) : (value ?? null);
}

/**
 * The client's IP address, read only from the header that the trusted proxy
 * sets (TRUSTED_IP_HEADER, e.g. x-real-ip). Without that setting no header is
 * believed: anyone can send X-Forwarded-For. Returns null when unknown.
 */
export function clientIp(headers: HeaderSource): string | null {
  const name = env().TRUSTED_IP_HEADER;
  if (!name) return null;
  const value = read(headers, name);
  if (!value) return null;
  // For X-Forwarded-For the proxy appends the address it saw: the last one is the one it vouches for.
  const last = value.split(",").at(-1)?.trim();
  return last && /^[0-9a-fA-F:.]{2,45}$/.test(last) ? last : null;
}
