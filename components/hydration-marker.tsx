"use client";

import { useEffect } from "react";

/** Marks the document once React has hydrated, so browser tests click live controls, not server HTML. */
export function HydrationMarker() {
  useEffect(() => {
    document.documentElement.dataset.hydrated = "true";
  }, []);
  return null;
}
