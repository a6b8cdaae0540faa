"use client";

import { Badge } from "@/components/ui/badge";
import { CssIcon } from "@/components/ui/css-icon";
import { exactTime } from "@/components/ui/format-time";
import { useMinuteClock } from "@/components/ui/minute-clock";
import { useTimeZone } from "@/components/ui/time-zone";
import { timeLeft } from "@/lib/universal/retention";

const TONE = { calm: "green", soon: "amber", urgent: "red", expired: "red" } as const;

/** "13 days left" (exact purge time on hover), again each minute (one clock for the page); "On hold" when held. */
export function Countdown({
  purgeAt,
  heldAt,
  testId = "time-left",
}: {
  purgeAt: string;
  heldAt: string | null;
  /** A second copy (the phone layout's, under the name) has its own test id. */
  testId?: string;
}) {
  const timeZone = useTimeZone();
  const now = useMinuteClock();
  if (heldAt) {
    return (
      <Badge tone="blue" title={`On hold since ${exactTime(heldAt, timeZone)}: not purged until released`}>
        <CssIcon name="lock" className="size-3" /> On hold
      </Badge>
    );
  }
  const purge = new Date(purgeAt);
  const { label, urgency } = timeLeft(purge, now);
  return (
    <Badge tone={TONE[urgency]} title={`Purged permanently on ${exactTime(purge, timeZone)}`}>
      <CssIcon name="clock" className="size-3" />
      <span suppressHydrationWarning data-testid={testId}>
        {label}
      </span>
    </Badge>
  );
}
