"use client";

import { useRouter } from "next/navigation";
import { useState } from "react";
import { toast } from "sonner";
import { runAction } from "@/components/mutations/use-action-mutation";
import { CopyButton } from "@/components/settings/copy-button";
import { Button } from "@/components/ui/button";
import { ConfirmDialog } from "@/components/ui/confirm-dialog";
import { Select } from "@/components/ui/select";
import {
  changeMemberRoleAction,
  issuePasswordResetAction,
  removeMemberAction,
  transferOwnershipAction,
} from "@/lib/actions/members";
import type { ActionResult } from "@/lib/doors/result";
import type { Role } from "@/generated/prisma/enums";

export interface MemberRef {
  id: string;
  name: string;
  email: string;
  role: Role;
  resettable: boolean;
}

/** Re-role, remove, reset link and (for the OWNER) hand over ownership; the server checks every one again. */
export function MemberActions({
  member,
  roles,
  canTransfer,
}: {
  member: MemberRef;
  roles: Role[];
  canTransfer: boolean;
}) {
  const router = useRouter();
  const [confirm, setConfirm] = useState<"remove" | "transfer" | null>(null);
  const [resetUrl, setResetUrl] = useState<string | null>(null);
  const [pending, setPending] = useState(false);

  async function run<T>(call: Promise<ActionResult<T>>, done: string) {
    setPending(true);
    try {
      const data = await runAction(call);
      toast.success(done);
      router.refresh();
      return data;
    } catch (e) {
      toast.error((e as Error).message);
      return null;
    } finally {
      setPending(false);
      setConfirm(null);
    }
  }

  return (
    <div className="flex flex-wrap items-center justify-end gap-2">
      <Select
        aria-label={`Role of ${member.name}`}
        value={member.role}
        disabled={pending}
        className="h-8 text-xs"
        onChange={(e) =>
          void run(
            changeMemberRoleAction({ userId: member.id, role: e.target.value as Role }),
            `${member.name} is now ${e.target.value.toLowerCase()}.`,
          )
        }
      >
        {[...new Set([member.role, ...roles])].map((r) => (
          <option key={r} value={r}>
            {r.charAt(0) + r.slice(1).toLowerCase()}
          </option>
        ))}
      </Select>
      <Button
        variant="secondary"
        size="sm"
        disabled={pending || !member.resettable}
        title={
          member.resettable
            ? undefined
            : "They also belong to another workspace, so they reset their own password (or an operator does)."
        }
        onClick={async () => {
          const link = await run(
            issuePasswordResetAction({ userId: member.id }),
            "Reset link made: valid 1 hour, once.",
          );
          if (link) setResetUrl(new URL(link.path, window.location.origin).toString());
        }}
      >
        Reset link
      </Button>
      {canTransfer && (
        <Button variant="secondary" size="sm" disabled={pending} onClick={() => setConfirm("transfer")}>
          Make owner
        </Button>
      )}
      <Button
        variant="ghost"
        size="sm"
        disabled={pending}
        onClick={() => setConfirm("remove")}
        className="text-red-700"
      >
        Remove
      </Button>
      {resetUrl && (
        <div className="flex w-full items-center gap-2" data-testid="reset-link">
          <code className="min-w-0 flex-1 truncate rounded-md border border-zinc-200 bg-zinc-50 px-2 py-1 text-xs">
            {resetUrl}
          </code>
          <CopyButton value={resetUrl} label="Reset link" />
        </div>
      )}
      <ConfirmDialog
        open={confirm === "remove"}
        onOpenChange={(open) => !open && setConfirm(null)}
        title={`Remove ${member.name}?`}
        confirmLabel="Remove member"
        pending={pending}
        onConfirm={() => void run(removeMemberAction({ userId: member.id }), `${member.name} was removed.`)}
      >
        {member.email} loses access at once: their sessions here end and their API keys are revoked. What they did stays
        in the audit log and the trash under their name.
      </ConfirmDialog>
      <ConfirmDialog
        open={confirm === "transfer"}
        onOpenChange={(open) => !open && setConfirm(null)}
        title={`Make ${member.name} the owner?`}
        confirmLabel="Transfer ownership"
        tone="primary"
        pending={pending}
        onConfirm={() => void run(transferOwnershipAction({ userId: member.id }), `${member.name} is now the owner.`)}
      >
        They become OWNER and you become ADMIN. Only an owner can give it back.
      </ConfirmDialog>
    </div>
  );
}
