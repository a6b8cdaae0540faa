import net from "node:net";

// SSRF guard for webhook URLs. The server posts to an address an admin typed, so by default it
// refuses every address that is not on the public internet: loopback, private, link-local
// (cloud metadata at 169.254.169.254), carrier-grade NAT, multicast and reserved ranges.
// WEBHOOK_ALLOW_PRIVATE=1 lifts it, for a receiver on the same host or network (tests, intranets).

const BLOCKED = new net.BlockList();
for (const [prefix, bits] of [
  ["0.0.0.0", 8],
  ["10.0.0.0", 8],
  ["100.64.0.0", 10],
  ["127.0.0.0", 8],
  ["169.254.0.0", 16],
  ["172.16.0.0", 12],
  ["192.0.0.0", 24],
  ["192.0.2.0", 24],
  ["192.168.0.0", 16],
  ["198.18.0.0", 15],
  ["198.51.100.0", 24],
  ["203.0.113.0", 24],
  ["224.0.0.0", 4],
  ["240.0.0.0", 4],
] as const)
  BLOCKED.addSubnet(prefix, bits, "ipv4");
for (const [prefix, bits] of [
  ["::", 128],
  ["::1", 128],
  ["64:ff9b::", 96],
  ["fc00::", 7],
  ["fe80::", 10],
  ["ff00::", 8],
  ["2001:db8::", 32],
] as const)
  BLOCKED.addSubnet(prefix, bits, "ipv6");

/** The 8 groups of an IPv6 address (a dotted IPv4 tail read as two groups). */
function ipv6Groups(address: string): number[] {
  const dotted = /(\d+)\.(\d+)\.(\d+)\.(\d+)$/.exec(address);
  const text = dotted
    ? address.slice(0, dotted.index) +
      [((+dotted[1]! << 8) | +dotted[2]!).toString(16), ((+dotted[3]! << 8) | +dotted[4]!).toString(16)].join(":")
    : address;
  const [head, tail] = text.split("::") as [string, string | undefined];
  const part = (s: string | undefined) => (s ? s.split(":").map((g) => parseInt(g, 16)) : []);
  const left = part(head);
  const right = part(tail);
  return [...left, ...Array<number>(8 - left.length - right.length).fill(0), ...right];
}

/**
 * The IPv4 address an IPv6 one carries and a host may route to: IPv4-mapped (::ffff:0:0/96),
 * IPv4-translated (::ffff:0:0:0/96), IPv4-compatible (::/96) and 6to4 (2002::/16).
 */
function embeddedIpv4(address: string): string | null {
  const g = ipv6Groups(address);
  const v4 = (hi: number, lo: number) => [hi >> 8, hi & 255, lo >> 8, lo & 255].join(".");
  const zeros = (from: number, to: number) => g.slice(from, to).every((n) => n === 0);
  if (zeros(0, 5) && (g[5] === 0xffff || g[5] === 0)) return v4(g[6]!, g[7]!);
  if (zeros(0, 4) && g[4] === 0xffff && g[5] === 0) return v4(g[6]!, g[7]!);
  if (g[0] === 0x2002) return v4(g[1]!, g[2]!);
  return null;
}

/** Whether an IP address (v4 or v6; a v6 carrying a v4 judged as that v4 too) is outside the public internet. */
export function isPrivateAddress(address: string): boolean {
  const family = net.isIP(address);
  if (family === 0) return true;
  if (family === 4) return BLOCKED.check(address, "ipv4");
  const v4 = embeddedIpv4(address);
  return BLOCKED.check(address, "ipv6") || (v4 !== null && BLOCKED.check(v4, "ipv4"));
}

/** Private addresses are allowed only when the operator says so. */
export function privateAllowed(env: Record<string, string | undefined> = process.env): boolean {
  return env.WEBHOOK_ALLOW_PRIVATE === "1";
}

/** Why a URL may not be a webhook, or null when it may (hosts named by DNS are checked again, resolved, at each send). */
export function webhookUrlProblem(text: string, allowPrivate: boolean): string | null {
  let url: URL;
  try {
    url = new URL(text);
  } catch {
    return "Enter a full URL, such as https://hooks.example.com/trash.";
  }
  if (url.protocol !== "https:" && url.protocol !== "http:") return "Only http and https URLs can receive the digest.";
  if (url.username || url.password) return "Put no user name or password in the URL: the digest is signed instead.";
  if (allowPrivate) return null;
  // A trailing dot names the same host (`localhost.`), as the resolver will read it.
  const host = url.hostname.replace(/^\[|\]$/g, "").replace(/\.+$/, "");
  if (
    net.isIP(host) ? isPrivateAddress(host) : host === "localhost" || host.endsWith(".localhost") || !host.includes(".")
  ) {
    return "That address is not on the public internet. Private and loopback addresses are refused unless the server sets WEBHOOK_ALLOW_PRIVATE=1.";
  }
  return null;
}
