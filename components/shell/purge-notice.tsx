"use client";

import { clsx } from "clsx";
import { AlertTriangle } from "lucide-react";
import Link from "next/link";
import { plural } from "@/components/mutations/use-action-mutation";
import { useExpiringSoon } from "@/components/queries/reads";
import { toSearchParams } from "@/components/queries/search-params";

/** The trash view the notice opens: the caller's own deletions expiring within 24 hours (lib/trash/expiring.ts). */
export const EXPIRING_SOON_HREF = `/trash?${toSearchParams({ scope: "mine", expiring: "24h" })}`;

/** "3 records you deleted will be purged within 24 hours — review": in the navigation and atop the trash. */
export function PurgeNotice({ initial, variant }: { initial: number; variant: "nav" | "page" }) {
  const { data: count } = useExpiringSoon(initial);
  if (!count) return null;
  const message = `${plural(count, "record")} you deleted will be purged within 24 hours`;
  return (
    <div
      role="status"
      data-testid={`purge-notice-${variant}`}
      className={clsx(
        "flex gap-2 border border-amber-300 bg-amber-50 text-amber-900",
        variant === "nav" ? "mx-3 mb-3 rounded-lg p-2.5 text-xs" : "mb-4 items-center rounded-xl px-4 py-3 text-sm",
      )}
    >
      <AlertTriangle
        className={clsx("shrink-0 text-amber-600", variant === "nav" ? "mt-0.5 size-3.5" : "size-4")}
        aria-hidden
      />
      <p>
        {message} —{" "}
        <Link
          href={EXPIRING_SOON_HREF}
          prefetch={false}
          className="font-semibold underline underline-offset-2 hover:text-amber-950"
        >
          review
        </Link>
      </p>
    </div>
  );
}
