import { clsx } from "clsx";
import type { ComponentProps } from "react";

type Variant = "primary" | "secondary" | "danger" | "ghost" | "ghost-danger";
type Size = "sm" | "md";

/**
 * A button's look as three short classes (app/globals.css, `.btn`): a page of table rows each
 * with three buttons repeated the full utility list hundreds of times. Extra utilities still win.
 */
export function buttonClass(variant: Variant = "primary", size: Size = "md", extra?: string) {
  return clsx("btn", `btn-${variant}`, `btn-${size}`, extra);
}

export function Button({
  variant,
  size,
  className,
  ...props
}: ComponentProps<"button"> & { variant?: Variant; size?: Size }) {
  return <button className={buttonClass(variant, size, className)} {...props} />;
}
