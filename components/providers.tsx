"use client";

import { QueryClient, QueryClientProvider } from "@tanstack/react-query";
import { useState, useSyncExternalStore, type ReactNode } from "react";
import { Toaster } from "sonner";
import { HydrationMarker } from "./hydration-marker";
import { TimeZoneProvider } from "./ui/time-zone";

const PHONE = "(max-width: 639px)";
const subscribePhone = (change: () => void) => {
  const query = window.matchMedia(PHONE);
  query.addEventListener("change", change);
  return () => query.removeEventListener("change", change);
};

/** On a phone toasts sit at the top, over the page header, so they never cover the rows being worked on. */
function usePhone() {
  return useSyncExternalStore(
    subscribePhone,
    () => window.matchMedia(PHONE).matches,
    () => false,
  );
}

export function Providers({ children, timeZone }: { children: ReactNode; timeZone: string }) {
  const [queryClient] = useState(
    () => new QueryClient({ defaultOptions: { queries: { staleTime: 15_000, refetchOnWindowFocus: false } } }),
  );
  const phone = usePhone();
  return (
    <QueryClientProvider client={queryClient}>
      <TimeZoneProvider initial={timeZone}>{children}</TimeZoneProvider>
      <Toaster position={phone ? "top-center" : "bottom-right"} richColors closeButton />
      <HydrationMarker />
    </QueryClientProvider>
  );
}
