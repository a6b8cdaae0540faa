"use client";

import { useRouter } from "next/navigation";
import { useState, type FormEvent } from "react";
import { toast } from "sonner";
import { Field } from "@/components/auth/field";
import { runAction } from "@/components/mutations/use-action-mutation";
import { Button } from "@/components/ui/button";
import { changePasswordAction, signOutEverywhereAction, updateNameAction } from "@/lib/actions/account";
import type { ActionResult } from "@/lib/doors/result";

/** One small form: submit its fields to an action, show the error under it, toast success. */
function useSubmit<T>(call: (values: Record<string, string>) => Promise<ActionResult<T>>, done: string) {
  const router = useRouter();
  const [error, setError] = useState<string | null>(null);
  const [pending, setPending] = useState(false);
  async function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = event.currentTarget;
    setPending(true);
    setError(null);
    try {
      await runAction(call(Object.fromEntries([...new FormData(form)].map(([k, v]) => [k, String(v)]))));
      toast.success(done);
      form.reset();
      router.refresh();
    } catch (e) {
      setError((e as Error).message);
    } finally {
      setPending(false);
    }
  }
  return { onSubmit, error, pending };
}

function FormError({ error }: { error: string | null }) {
  return error ? (
    <p role="alert" className="text-sm text-red-700">
      {error}
    </p>
  ) : null;
}

export function NameForm({ name }: { name: string }) {
  const { onSubmit, error, pending } = useSubmit((v) => updateNameAction({ name: v.name ?? "" }), "Name saved.");
  return (
    <form onSubmit={onSubmit} className="space-y-3 px-5 py-4" noValidate>
      <Field name="name" label="Name" defaultValue={name} autoComplete="name" required />
      <FormError error={error} />
      <Button type="submit" disabled={pending}>
        Save name
      </Button>
    </form>
  );
}

export function PasswordForm() {
  const { onSubmit, error, pending } = useSubmit(
    (v) => changePasswordAction({ currentPassword: v.currentPassword ?? "", newPassword: v.newPassword ?? "" }),
    "Password changed. Your other sessions have ended.",
  );
  return (
    <form onSubmit={onSubmit} className="space-y-3 px-5 py-4" noValidate>
      <Field name="currentPassword" label="Current password" type="password" autoComplete="current-password" required />
      <Field
        name="newPassword"
        label="New password"
        type="password"
        autoComplete="new-password"
        hint="10 to 128 characters; common passwords are refused."
        required
      />
      <FormError error={error} />
      <Button type="submit" disabled={pending}>
        Change password
      </Button>
    </form>
  );
}

export function SignOutEverywhere() {
  const { onSubmit, error, pending } = useSubmit(() => signOutEverywhereAction({}), "Every other session has ended.");
  return (
    <form onSubmit={onSubmit} className="flex flex-wrap items-center gap-3 px-5 py-4">
      <p className="min-w-60 flex-1 text-sm text-zinc-600">
        Ends your sessions in every other browser at once; this one stays signed in.
      </p>
      <Button type="submit" variant="secondary" disabled={pending}>
        Sign out everywhere else
      </Button>
      <FormError error={error} />
    </form>
  );
}
