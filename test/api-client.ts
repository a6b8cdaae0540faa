import crypto from "node:crypto";

// A client of the public API signing exactly as docs/API.md tells a client to: Node's crypto
// HMAC-SHA256 of date + salt with the API secret, hex-encoded. No server code is imported.

export interface ApiKeyPair {
  apiKey: string;
  apiSecret: string;
}

export interface SignOptions {
  /** The ISO 8601 date as sent (default: now). */
  date?: string;
  /** 12–64 letters and digits (default: 32 random hex digits, as the seed's samples send). */
  salt?: string;
  /** Sign with this secret instead of the key's own. */
  secret?: string;
}

export const randomSalt = () => crypto.randomBytes(16).toString("hex");

export function sign(secret: string, date: string, salt: string): string {
  return crypto
    .createHmac("sha256", secret)
    .update(date + salt)
    .digest("hex");
}

export function hmacAuthorization(key: ApiKeyPair, options: SignOptions = {}): string {
  const date = options.date ?? new Date().toISOString();
  const salt = options.salt ?? randomSalt();
  return `HMAC-SHA256 apiKey=${key.apiKey}, date=${date}, salt=${salt}, signature=${sign(options.secret ?? key.apiSecret, date, salt)}`;
}

export interface ApiAnswer {
  status: number;
  body: any; // eslint-disable-line @typescript-eslint/no-explicit-any -- each dialect's own JSON
  text: string;
}

export interface CallOptions {
  body?: unknown;
  /** A raw body, sent as is (malformed JSON, say). */
  rawBody?: string;
  /** The Authorization header as is; null sends none. Default: a fresh HMAC signature. */
  authorization?: string | null;
  headers?: Record<string, string>;
}

/** Calls `method path` on the server with the key, the way a real client does (JSON Content-Type always). */
export function apiClient(baseUrl: string, key: ApiKeyPair) {
  return async function call(method: string, path: string, options: CallOptions = {}): Promise<ApiAnswer> {
    const authorization = options.authorization === undefined ? hmacAuthorization(key) : options.authorization;
    const response = await fetch(`${baseUrl}${path}`, {
      method,
      headers: { "content-type": "application/json", ...(authorization ? { authorization } : {}), ...options.headers },
      body: options.rawBody ?? (options.body === undefined ? undefined : JSON.stringify(options.body)),
      redirect: "manual",
    });
    const text = await response.text();
    let body: unknown = undefined;
    try {
      body = JSON.parse(text);
    } catch {
      // Left undefined: the test asserts on it.
    }
    return { status: response.status, body, text };
  };
}
