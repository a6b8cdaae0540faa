import { Trash2 } from "lucide-react";
import Link from "next/link";
import { buttonClass } from "@/components/ui/button";
import type { TrashedElsewhere } from "@/lib/trash/preview";

/** A link to a record someone else moved to the trash: where it is, who put it there, who can bring it back. */
export function TrashedElsewhereNotice({ record }: { record: TrashedElsewhere }) {
  return (
    <div className="flex min-h-[60vh] flex-col items-center justify-center text-center" data-testid="trashed-elsewhere">
      <span className="mb-4 flex size-12 items-center justify-center rounded-full bg-amber-50 text-amber-600">
        <Trash2 className="size-6" aria-hidden />
      </span>
      <h1 className="text-lg font-semibold text-zinc-900">“{record.name}” is in the trash</h1>
      <p className="mt-2 max-w-md text-sm text-zinc-600">
        Deleted by {record.deletedBy ?? "a former member"}. Only the person who deleted it sees it in their trash. An
        admin can restore it — ask one if you need it back.
      </p>
      <div className="mt-6 flex gap-2">
        <Link href={`/records/${record.entity.slug}`} className={buttonClass("secondary")}>
          Back to {record.entity.name.toLowerCase()}
        </Link>
        <Link href="/trash" className={buttonClass("primary")}>
          Your trash
        </Link>
      </div>
    </div>
  );
}
