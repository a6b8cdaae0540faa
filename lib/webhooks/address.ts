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

/** Whether an IP address (v4 or v6, an IPv4-mapped v6 judged as its v4) is outside the public internet. */
export function isPrivateAddress(address: string): boolean {
  const mapped = /^::ffff:(\d+\.\d+\.\d+\.\d+)$/i.exec(address)?.[1];
  if (mapped) return isPrivateAddress(mapped);
  const family = net.isIP(address);
  if (family === 0) return true;
  return BLOCKED.check(address, family === 4 ? "ipv4" : "ipv6");
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
  const host = url.hostname.replace(/^\[|\]$/g, "");
  if (
    net.isIP(host) ? isPrivateAddress(host) : host === "localhost" || host.endsWith(".localhost") || !host.includes(".")
  ) {
    return "That address is not on the public internet. Private and loopback addresses are refused unless the server sets WEBHOOK_ALLOW_PRIVATE=1.";
  }
  return null;
}
