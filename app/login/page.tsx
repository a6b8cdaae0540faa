import type { Metadata } from "next";
import { redirect } from "next/navigation";
import { Trash2 } from "lucide-react";
import { LoginForm } from "@/components/auth/login-form";
import { safeCallbackPath as safeCallback } from "@/lib/universal/callback-url";
import { demoSignIn } from "@/lib/auth/demo";
import { getSessionActor } from "@/lib/auth/session";
import { needsSetup } from "@/lib/setup/setup";

export const metadata: Metadata = { title: "Sign in" };

export default async function LoginPage({ searchParams }: { searchParams: Promise<{ callbackUrl?: string }> }) {
  const { callbackUrl } = await searchParams;
  // An installation with no user yet: every page leads here, and here leads to the first-run setup.
  if (await needsSetup()) redirect("/setup");
  if (await getSessionActor()) redirect(safeCallback(callbackUrl));
  const demo = await demoSignIn();
  return (
    <main className="flex min-h-screen items-center justify-center bg-gradient-to-br from-zinc-50 via-white to-brand-50 px-4">
      <div className="w-full max-w-sm">
        <div className="mb-8 flex flex-col items-center text-center">
          <span className="mb-4 flex size-12 items-center justify-center rounded-xl bg-brand-600 text-white shadow-lg shadow-brand-600/30">
            <Trash2 className="size-6" aria-hidden />
          </span>
          <h1 className="text-2xl font-semibold tracking-tight">Sign in to Trash Bin CRM</h1>
          <p className="mt-1 text-sm text-zinc-500">Your CRM data, with a safety net.</p>
        </div>
        <div className="rounded-2xl border border-zinc-200 bg-white p-6 shadow-sm">
          <LoginForm callbackUrl={safeCallback(callbackUrl)} />
        </div>
        {demo && (
          <p className="mt-6 text-center text-xs text-zinc-500" data-testid="demo-credentials">
            Demo: <span className="font-mono">{demo.email}</span>
            {demo.password ? (
              <>
                {" "}
                / <span className="font-mono">{demo.password}</span>
              </>
            ) : (
              " (password from DEMO_PASSWORD)"
            )}
          </p>
        )}
      </div>
    </main>
  );
}
