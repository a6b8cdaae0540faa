import { SearchX } from "lucide-react";
import Link from "next/link";
import { buttonClass } from "@/components/ui/button";

export default function NotFound() {
  return (
    <div className="flex min-h-[60vh] flex-col items-center justify-center text-center">
      <span className="mb-4 flex size-12 items-center justify-center rounded-full bg-zinc-100 text-zinc-500">
        <SearchX className="size-6" aria-hidden />
      </span>
      <h1 className="text-lg font-semibold" data-testid="not-found">
        Not found
      </h1>
      <p className="mt-1 max-w-sm text-sm text-zinc-500">
        It may have been moved to the trash, deleted permanently, or it belongs to another workspace.
      </p>
      <div className="mt-6 flex gap-2">
        <Link href="/records" className={buttonClass("secondary")}>
          Back to records
        </Link>
        <Link href="/trash" className={buttonClass("primary")}>
          Look in the trash
        </Link>
      </div>
    </div>
  );
}
