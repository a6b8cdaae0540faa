import net from "node:net";

// Who is on the other end of a request, told only by parties we trust. `next start` hands
// route handlers and the proxy no socket address: Next fills `X-Forwarded-For` from the socket
// only when the client sent none, so a client can write its own. The server therefore stamps
// every request with the socket's address and TLS state in SOCKET_HEADERS, overwriting whatever
// the client sent (instrumentation.ts, `stampSocket`); forwarded headers count only when that
// socket address is one of TRUSTED_PROXIES (comma-separated addresses or CIDR ranges; unset:
// none, so the socket address is the client's).

export const SOCKET_HEADERS = { address: "x-crm-socket-address", tls: "x-crm-socket-tls" } as const;

/** The parts of a request this module reads: any `Headers`-like getter. */
export interface HeaderSource {
  get(name: string): string | null;
}

export interface RequestSource {
  /** The client's address: the socket's, or the nearest untrusted hop a trusted proxy reports. */
  address: string | null;
  /** The scheme the browser used: the socket's, or a trusted proxy's X-Forwarded-Proto. */
  protocol: "http" | "https";
  /** The host the browser addressed: Host, or a trusted proxy's X-Forwarded-Host. */
  host: string | null;
  /** Whether the request came through a configured proxy. */
  viaTrustedProxy: boolean;
}

const plain = (address: string) => address.replace(/^::ffff:(\d+\.\d+\.\d+\.\d+)$/i, "$1");

/** TRUSTED_PROXIES parsed; an entry that is no address or range is a start-up error, not silently ignored. */
export function trustedProxies(text = process.env.TRUSTED_PROXIES ?? ""): net.BlockList {
  const list = new net.BlockList();
  for (const entry of text
    .split(",")
    .map((e) => e.trim())
    .filter(Boolean)) {
    const [address, bits] = entry.split("/") as [string, string | undefined];
    const family = net.isIP(address);
    if (!family || (bits !== undefined && !/^\d{1,3}$/.test(bits)))
      throw new Error(`TRUSTED_PROXIES: "${entry}" is not an IP address or CIDR range`);
    const type = family === 4 ? "ipv4" : "ipv6";
    if (bits === undefined) list.addAddress(address, type);
    else list.addSubnet(address, Number(bits), type);
  }
  return list;
}

const isTrusted = (list: net.BlockList, address: string) => {
  const a = plain(address);
  const family = net.isIP(a);
  return family !== 0 && list.check(a, family === 4 ? "ipv4" : "ipv6");
};

/** Where a request came from, believing forwarded headers only from a trusted proxy. */
export function requestSource(headers: HeaderSource, trusted: net.BlockList = trustedProxies()): RequestSource {
  const socket = headers.get(SOCKET_HEADERS.address)?.trim() || null;
  const own: RequestSource = {
    address: socket ? plain(socket) : null,
    protocol: headers.get(SOCKET_HEADERS.tls) === "1" ? "https" : "http",
    host: headers.get("host"),
    viaTrustedProxy: false,
  };
  if (!socket || !isTrusted(trusted, socket)) return own;
  // The chain as each proxy appended to it: the client is the nearest hop no trusted proxy owns.
  const hops = (headers.get("x-forwarded-for") ?? "")
    .split(",")
    .map((h) => h.trim())
    .filter(Boolean);
  let address = own.address;
  for (let i = hops.length - 1; i >= 0; i--) {
    address = plain(hops[i]!);
    if (!isTrusted(trusted, address)) break;
  }
  const first = (name: string) => headers.get(name)?.split(",")[0]!.trim() || null;
  const proto = first("x-forwarded-proto");
  return {
    address: address && net.isIP(address) ? address : own.address,
    protocol: proto === "https" ? "https" : proto === "http" ? "http" : own.protocol,
    host: first("x-forwarded-host") ?? own.host,
    viaTrustedProxy: true,
  };
}

/** Node's IncomingMessage headers (next-auth's `req.headers`) as a HeaderSource. */
export function nodeHeaders(headers: Record<string, unknown> | undefined): HeaderSource {
  return {
    get: (name) => {
      const value = headers?.[name.toLowerCase()];
      return typeof value === "string" ? value : Array.isArray(value) ? value.join(", ") : null;
    },
  };
}
