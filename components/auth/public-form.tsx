"use client";

import { useState, type FormEvent, type ReactNode } from "react";
import { Button } from "@/components/ui/button";
import { switchWorkspaceAction } from "@/lib/actions/account";
import { acceptInvitationAction, resetPasswordAction, setupAction } from "@/lib/actions/setup";
import { Field } from "./field";

export interface PublicField {
  name: string;
  label: string;
  type?: string;
  autoComplete?: string;
  hint?: string;
}

const PASSWORD_HINT = "10 to 128 characters; common passwords are refused. A few unrelated words work well.";
export const NEW_PASSWORD: PublicField = {
  name: "password",
  label: "Password",
  type: "password",
  autoComplete: "new-password",
  hint: PASSWORD_HINT,
};

// The door each page talks to; the secret (setup code or link token) travels in the form, never a URL query.
const DOORS = {
  setup: (values: Record<string, string>) => setupAction(values as never),
  invite: (values: Record<string, string>) => acceptInvitationAction(values as never),
  reset: (values: Record<string, string>) => resetPasswordAction(values as never),
};

export const CURRENT_PASSWORD: PublicField = {
  name: "currentPassword",
  label: "Your password",
  type: "password",
  autoComplete: "current-password",
};

/**
 * A form of a page for people not signed in yet. On success it signs in with the email the
 * server answered and the password just typed (a new one, or an existing user's own), through
 * the sign-in brake like any sign-in, and opens the workspace just joined.
 */
export function PublicForm({
  door,
  fields,
  hidden = {},
  submitLabel,
  children,
}: {
  door: keyof typeof DOORS;
  fields: PublicField[];
  hidden?: Record<string, string>;
  submitLabel: string;
  children?: ReactNode;
}) {
  const [error, setError] = useState<{ message: string; field?: string } | null>(null);
  const [pending, setPending] = useState(false);

  async function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    const values = { ...hidden, ...Object.fromEntries(fields.map((f) => [f.name, String(form.get(f.name) ?? "")])) };
    setPending(true);
    setError(null);
    const result = await DOORS[door](values);
    if (!result.ok) {
      setPending(false);
      setError(result.error);
      return;
    }
    // A full navigation, so the server renders with the new session.
    const go = (path: string) => window.location.assign(new URL(path, window.location.origin));
    const password = values.password || values.currentPassword;
    if (!password) return go("/login");
    const { signIn } = await import("next-auth/react");
    const answered = result.data as { email: string; workspaceId?: string };
    const signedIn = await signIn("credentials", { email: answered.email, password, redirect: false });
    if (!signedIn?.ok) return go("/login");
    // Sign-in opens the person's first workspace; someone who just joined another one lands there.
    if (door === "invite" && answered.workspaceId) await switchWorkspaceAction({ workspaceId: answered.workspaceId });
    go("/records");
  }

  return (
    <form onSubmit={onSubmit} className="space-y-4" noValidate>
      {children}
      {fields.map((f, i) => (
        <Field
          key={f.name}
          name={f.name}
          label={f.label}
          type={f.type ?? "text"}
          autoComplete={f.autoComplete}
          hint={f.hint}
          required
          autoFocus={i === 0}
          aria-invalid={error?.field === f.name ? true : undefined}
        />
      ))}
      {error && (
        <p role="alert" className="rounded-lg border border-red-200 bg-red-50 px-3 py-2 text-sm text-red-700">
          {error.message}
        </p>
      )}
      <Button type="submit" className="w-full" disabled={pending}>
        {pending ? "Working…" : submitLabel}
      </Button>
    </form>
  );
}
