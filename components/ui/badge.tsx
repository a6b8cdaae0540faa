import { clsx } from "clsx";
import type { ReactNode } from "react";

type Tone = "zinc" | "brand" | "green" | "amber" | "red" | "blue";

export function Badge({
  tone = "zinc",
  children,
  title,
  className,
}: {
  tone?: Tone;
  children: ReactNode;
  title?: string;
  className?: string;
}) {
  return (
    <span
      title={title}
      // `badge badge-{tone}` in app/globals.css: badges repeat on every row of a table.
      className={clsx("badge", `badge-${tone}`, className)}
    >
      {children}
    </span>
  );
}
