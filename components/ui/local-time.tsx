"use client";

import type { ReactNode } from "react";
import { exactTime, formatTime, type TimeStyle } from "./format-time";
import { useTimeZone } from "./time-zone";

/** An instant in the viewer's time zone; the exact time and zone on hover (after `prefix`). `children` replace the visible text. */
export function LocalTime({
  value,
  style = "datetime",
  prefix = "",
  className,
  children,
}: {
  value: Date | string;
  style?: TimeStyle;
  prefix?: string;
  className?: string;
  children?: ReactNode;
}) {
  const timeZone = useTimeZone();
  const iso = new Date(value).toISOString();
  return (
    <time
      dateTime={iso}
      title={`${prefix}${exactTime(iso, timeZone)}`}
      className={className}
      suppressHydrationWarning={style === "relative"}
    >
      {children ?? formatTime(iso, timeZone, style)}
    </time>
  );
}
