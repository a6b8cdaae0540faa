import type { Metadata } from "next";
import { cookies } from "next/headers";
import type { ReactNode } from "react";
import { Providers } from "@/components/providers";
import { FALLBACK_TIME_ZONE, TIME_ZONE_COOKIE, validTimeZone } from "@/components/ui/format-time";
import "./globals.css";

export const metadata: Metadata = {
  title: { default: "Trash Bin CRM", template: "%s · Trash Bin CRM" },
  description: "CRM data admin with safe deletion: trash, restore, bulk actions and purge.",
};

export default async function RootLayout({ children }: { children: ReactNode }) {
  // Times render in the viewer's zone on the server too (set by the browser, components/ui/time-zone.tsx).
  const timeZone = validTimeZone((await cookies()).get(TIME_ZONE_COOKIE)?.value) ?? FALLBACK_TIME_ZONE;
  return (
    <html lang="en">
      <body className="min-h-screen">
        <Providers timeZone={timeZone}>{children}</Providers>
      </body>
    </html>
  );
}
