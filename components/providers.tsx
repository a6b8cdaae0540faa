"use client";

import { QueryClient, QueryClientProvider } from "@tanstack/react-query";
import { useState, type ReactNode } from "react";
import { Toaster } from "sonner";
import { HydrationMarker } from "./hydration-marker";
import { TimeZoneProvider } from "./ui/time-zone";

export function Providers({ children, timeZone }: { children: ReactNode; timeZone: string }) {
  const [queryClient] = useState(
    () => new QueryClient({ defaultOptions: { queries: { staleTime: 15_000, refetchOnWindowFocus: false } } }),
  );
  return (
    <QueryClientProvider client={queryClient}>
      <TimeZoneProvider initial={timeZone}>{children}</TimeZoneProvider>
      <Toaster position="bottom-right" richColors closeButton />
      <HydrationMarker />
    </QueryClientProvider>
  );
}
