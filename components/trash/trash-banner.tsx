import { clsx } from "clsx";
import { Clock, Lock } from "lucide-react";
import type { ReactNode } from "react";
import type { TrashedRecordDetail } from "@/lib/trash/preview";

const TONE = {
  calm: "border-amber-200 bg-amber-50 text-amber-900",
  soon: "border-amber-300 bg-amber-50 text-amber-900",
  urgent: "border-red-200 bg-red-50 text-red-900",
  expired: "border-red-200 bg-red-50 text-red-900",
} as const;

/** "In the trash — deleted by X, N days left (purged on DATE)"; a held record says it is kept. */
export function TrashBanner({
  trash,
  purgedOn,
  deletedOn,
}: {
  trash: TrashedRecordDetail["trash"];
  purgedOn: ReactNode;
  deletedOn: ReactNode;
}) {
  const held = trash.heldAt !== null;
  const Icon = held ? Lock : Clock;
  return (
    <div
      role="status"
      data-testid="trash-banner"
      className={clsx(
        "mb-5 flex items-start gap-3 rounded-xl border px-4 py-3 text-sm",
        held ? "border-sky-200 bg-sky-50 text-sky-900" : TONE[trash.urgency],
      )}
    >
      <Icon className="mt-0.5 size-4 shrink-0" aria-hidden />
      <div>
        <p className="font-semibold">
          In the trash — deleted by {trash.deletedBy ?? "a deleted user"},{" "}
          {held ? (
            <>on hold{trash.heldBy ? ` by ${trash.heldBy}` : ""}: not purged until released</>
          ) : (
            <>
              {trash.timeLeft} (purged on {purgedOn})
            </>
          )}
        </p>
        <p className="mt-0.5 opacity-80">
          Deleted on {deletedOn}. This is a read-only view of the record as it was; restore it to change it.
        </p>
      </div>
    </div>
  );
}
