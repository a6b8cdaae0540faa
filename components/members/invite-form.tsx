"use client";

import { useRouter } from "next/navigation";
import { useState } from "react";
import { runAction } from "@/components/mutations/use-action-mutation";
import { inputClass } from "@/components/auth/field";
import { CopyButton } from "@/components/settings/copy-button";
import { Button } from "@/components/ui/button";
import { Select } from "@/components/ui/select";
import { inviteMemberAction } from "@/lib/actions/members";
import type { Role } from "@/generated/prisma/enums";

/** Invite by email and role; the single-use link is shown once, to copy (and mailed when SMTP is set). */
export function InviteForm({ roles }: { roles: Role[] }) {
  const router = useRouter();
  const [error, setError] = useState<string | null>(null);
  const [pending, setPending] = useState(false);
  const [link, setLink] = useState<{ url: string; email: string; mailed: boolean } | null>(null);

  async function onSubmit(form: HTMLFormElement) {
    const data = new FormData(form);
    setPending(true);
    setError(null);
    try {
      const invitation = await runAction(
        inviteMemberAction({ email: String(data.get("email") ?? ""), role: String(data.get("role")) as Role }),
      );
      setLink({
        url: new URL(invitation.path, window.location.origin).toString(),
        email: invitation.email,
        mailed: invitation.mailed,
      });
      form.reset();
      router.refresh();
    } catch (e) {
      setError((e as Error).message);
    } finally {
      setPending(false);
    }
  }

  return (
    <div className="space-y-4 px-5 py-4">
      <form
        className="flex flex-wrap items-end gap-3"
        onSubmit={(e) => {
          e.preventDefault();
          void onSubmit(e.currentTarget);
        }}
      >
        <label className="min-w-56 flex-1 text-sm">
          <span className="mb-1.5 block font-medium text-zinc-700">Email</span>
          <input name="email" type="email" required placeholder="colleague@company.com" className={inputClass} />
        </label>
        <label className="text-sm">
          <span className="mb-1.5 block font-medium text-zinc-700">Role</span>
          <Select name="role" defaultValue="MEMBER" aria-label="Role">
            {roles.map((r) => (
              <option key={r} value={r}>
                {r.charAt(0) + r.slice(1).toLowerCase()}
              </option>
            ))}
          </Select>
        </label>
        <Button type="submit" disabled={pending}>
          {pending ? "Inviting…" : "Invite"}
        </Button>
      </form>
      {error && (
        <p role="alert" className="text-sm text-red-700">
          {error}
        </p>
      )}
      {link && (
        <div className="rounded-lg border border-emerald-200 bg-emerald-50 p-3 text-sm" data-testid="invitation-link">
          <p className="font-medium text-emerald-900">
            Invitation for {link.email} {link.mailed ? "sent by mail. " : ""}— shown only now, valid 7 days, once.
          </p>
          <div className="mt-2 flex items-center gap-2">
            <code
              className="min-w-0 flex-1 truncate rounded-md border border-emerald-200 bg-white px-2 py-1.5 text-xs"
              data-testid="invitation-url"
            >
              {link.url}
            </code>
            <CopyButton value={link.url} label="Invitation link" />
          </div>
        </div>
      )}
    </div>
  );
}
