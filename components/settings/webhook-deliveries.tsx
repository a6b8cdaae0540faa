"use client";

import { Send } from "lucide-react";
import { useSendDigestNow } from "@/components/mutations/use-webhook-mutations";
import { Badge } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import { th, theadClass } from "@/components/ui/card";
import { LocalTime } from "@/components/ui/local-time";
import type { WebhookSettings } from "@/lib/webhooks/settings";

type Delivery = WebhookSettings["deliveries"][number];

const STATUS = { DELIVERED: ["green", "Delivered"], FAILED: ["red", "Failed"], SENDING: ["amber", "Sending"] } as const;

function Attempts({ delivery }: { delivery: Delivery }) {
  return (
    <ol className="space-y-0.5">
      {delivery.attempts.map((a, i) => (
        <li key={i} className="flex flex-wrap gap-x-2 text-xs text-zinc-600" data-testid="webhook-attempt">
          <span className="text-zinc-400">#{i + 1}</span>
          <LocalTime value={a.at} style="seconds" />
          <span
            className={a.statusCode && a.statusCode < 300 ? "font-medium text-emerald-700" : "font-medium text-red-700"}
          >
            {a.statusCode ? `HTTP ${a.statusCode}` : a.error}
          </span>
          <span className="tabular-nums text-zinc-400">{a.durationMs.toLocaleString("en-US")} ms</span>
        </li>
      ))}
    </ol>
  );
}

export function SendDigestButton() {
  const send = useSendDigestNow();
  return (
    <Button type="button" onClick={() => send.mutate(undefined)} disabled={send.isPending}>
      <Send className="size-4" aria-hidden />
      {send.isPending ? "Sending…" : "Send digest now"}
    </Button>
  );
}

/** The delivery log: each digest, how it went, and every attempt with its answer and duration. */
export function WebhookDeliveries({ deliveries, configured }: { deliveries: Delivery[]; configured: boolean }) {
  if (deliveries.length === 0) {
    return (
      <p className="px-5 py-6 text-sm text-zinc-500">
        {configured
          ? "No digest sent yet. The first goes out with the next purge run after midnight UTC, or now with “Send digest now”."
          : "No digest sent yet. Save a webhook URL above and the first goes out with the next purge run after midnight UTC."}
      </p>
    );
  }
  return (
    <div className="overflow-x-auto">
      <table className="w-full min-w-[40rem] text-left text-sm">
        <thead className={theadClass}>
          <tr>
            <th className={th}>Sent</th>
            <th className={th}>Kind</th>
            <th className={th}>Records</th>
            <th className={th}>Status</th>
            <th className={th}>Attempts</th>
          </tr>
        </thead>
        <tbody className="divide-y divide-zinc-100">
          {deliveries.map((d) => {
            const [tone, label] = STATUS[d.status as keyof typeof STATUS] ?? ["zinc", d.status];
            return (
              <tr key={d.id} className="align-top" data-testid="webhook-delivery">
                <td className="whitespace-nowrap px-4 py-2.5">
                  <LocalTime value={d.createdAt} style="seconds" />
                </td>
                <td className="whitespace-nowrap px-4 py-2.5 text-zinc-600">
                  {d.day ? `Daily (${d.day})` : "Sent by hand"}
                </td>
                <td className="px-4 py-2.5 tabular-nums">{d.recordCount.toLocaleString("en-US")}</td>
                <td className="px-4 py-2.5">
                  <Badge tone={tone}>{label}</Badge>
                </td>
                <td className="px-4 py-2.5">
                  <Attempts delivery={d} />
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </div>
  );
}
