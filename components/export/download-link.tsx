import { Download } from "lucide-react";
import type { ReactNode } from "react";
import { buttonClass } from "@/components/ui/button";

/** A button-looking link to a download door: the browser saves the file, the page stays. No client JavaScript. */
export function DownloadLink({
  href,
  testId,
  title,
  children,
}: {
  href: string;
  testId: string;
  title: string;
  children: ReactNode;
}) {
  return (
    <a href={href} download className={buttonClass("secondary")} data-testid={testId} title={title}>
      <Download className="size-4" aria-hidden /> {children}
    </a>
  );
}
