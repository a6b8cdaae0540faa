import { clsx } from "clsx";
import type { ReactNode } from "react";

export function Card({
  title,
  description,
  children,
  className,
}: {
  title?: string;
  description?: ReactNode;
  children: ReactNode;
  className?: string;
}) {
  return (
    <section className={clsx("overflow-hidden rounded-xl border border-zinc-200 bg-white shadow-xs", className)}>
      {title && (
        <header className="border-b border-zinc-100 px-5 py-4">
          <h2 className="text-sm font-semibold text-zinc-900">{title}</h2>
          {description && <p className="mt-0.5 text-sm text-zinc-500">{description}</p>}
        </header>
      )}
      {children}
    </section>
  );
}

export const th = "px-4 py-2.5 font-medium";
export const theadClass =
  "border-b border-zinc-200 bg-zinc-50/80 text-xs font-medium uppercase tracking-wide text-zinc-500";
