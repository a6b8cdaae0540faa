import Link from "next/link";
import { buttonClass } from "@/components/ui/button";
import { AuthShell } from "./auth-shell";

export function InvalidLink({ title, message }: { title: string; message: string }) {
  return (
    <AuthShell title={title} subtitle={message}>
      <Link href="/login" className={buttonClass("secondary", "md", "w-full")}>
        Go to sign in
      </Link>
    </AuthShell>
  );
}
