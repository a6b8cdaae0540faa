import Link from "next/link";
import { Badge } from "@/components/ui/badge";
import { Card } from "@/components/ui/card";
import { SCOPE_LABELS, SCOPES } from "@/lib/universal/scopes";
import { CodeBlock } from "./code-block";

const HMAC_HEADER =
  "Authorization: HMAC-SHA256 apiKey=ak_…, date=2026-01-31T09:30:00.000Z, salt=9f86d081884c7d659a2feaa0c55ad015, signature=…";

const HMAC_NODE = `import { createHmac, randomBytes } from "node:crypto";

const date = new Date().toISOString();              // within 15 minutes of server time
const salt = randomBytes(16).toString("hex");       // 12–64 letters and digits, used once
const signature = createHmac("sha256", apiSecret).update(date + salt).digest("hex");

const authorization = \`HMAC-SHA256 apiKey=\${apiKey}, date=\${date}, salt=\${salt}, signature=\${signature}\`;`;

const BEARER =
  "Authorization: Bearer sk_…\nAuthorization: Zoho-oauthtoken sk_…   # the same secret, as Zoho clients send it";

/** How a request proves which key sent it (docs/API.md, Authentication). */
export function AuthenticationCard() {
  return (
    <Card
      title="Authentication"
      description="Every request carries an Authorization header in one of two forms. The key acts with its owner’s role, re-read on every call, narrowed by its scopes."
    >
      <div className="space-y-5 px-5 py-4 text-sm text-zinc-600">
        <div className="space-y-2">
          <h3 className="font-semibold text-zinc-900">
            HMAC-SHA256 <span className="font-normal text-zinc-500">— the secret never leaves your server</span>
          </h3>
          <CodeBlock dark label="HMAC header">
            {HMAC_HEADER}
          </CodeBlock>
          <p>
            <code className="font-mono text-xs text-zinc-800">
              signature = hex(HMAC-SHA256(apiSecret, date + salt))
            </code>
            , with <code className="font-mono text-xs">date</code> and <code className="font-mono text-xs">salt</code>{" "}
            exactly as sent. <code className="font-mono text-xs">date</code> is any ISO 8601 instant (
            <code className="font-mono text-xs">Z</code> or an offset) within 15 minutes of server time; a key accepts
            each salt once in that window, so a replayed request gets 401.
          </p>
          <CodeBlock dark label="Signing in Node.js">
            {HMAC_NODE}
          </CodeBlock>
        </div>
        <div className="space-y-2">
          <h3 className="font-semibold text-zinc-900">
            Bearer <span className="font-normal text-zinc-500">— simplest, for trusted servers</span>
          </h3>
          <CodeBlock dark label="Bearer header">
            {BEARER}
          </CodeBlock>
        </div>
        <div className="grid gap-4 lg:grid-cols-2">
          <div>
            <h3 className="mb-2 font-semibold text-zinc-900">Scopes</h3>
            <ul className="space-y-1.5">
              {SCOPES.map((s) => (
                <li key={s} className="flex items-baseline gap-2">
                  <Badge tone="brand" className="font-mono">
                    {s}
                  </Badge>
                  <span>{SCOPE_LABELS[s]}</span>
                </li>
              ))}
            </ul>
          </div>
          <div>
            <h3 className="mb-2 font-semibold text-zinc-900">When it is refused</h3>
            <ul className="list-disc space-y-1 pl-5">
              <li>
                <strong className="font-medium text-zinc-800">401</strong> — no header, an unknown or revoked key, a bad
                signature, a stale date or a reused salt.
              </li>
              <li>
                <strong className="font-medium text-zinc-800">403</strong> — the key’s role or scope is too low (crm-v2
                answers a missing scope as Zoho does: 401{" "}
                <code className="font-mono text-xs">OAUTH_SCOPE_MISMATCH</code>).
              </li>
              <li>
                <strong className="font-medium text-zinc-800">413</strong> — a body over 1 MB.
              </li>
            </ul>
            <p className="mt-3">
              Create and revoke keys in{" "}
              <Link href="/settings/api-keys" className="font-medium text-brand-700 hover:underline">
                Settings → API keys
              </Link>
              .
            </p>
          </div>
        </div>
      </div>
    </Card>
  );
}
