"use client";

import { useRouter } from "next/navigation";
import { toast } from "sonner";
import { runAction } from "@/components/mutations/use-action-mutation";
import { Button } from "@/components/ui/button";
import { revokeInvitationAction } from "@/lib/actions/members";

export function RevokeInvitationButton({ id, email }: { id: string; email: string }) {
  const router = useRouter();
  return (
    <Button
      variant="ghost"
      size="sm"
      aria-label={`Revoke the invitation of ${email}`}
      onClick={async () => {
        try {
          await runAction(revokeInvitationAction({ id }));
          toast.success(`The invitation of ${email} no longer works.`);
          router.refresh();
        } catch (e) {
          toast.error((e as Error).message);
        }
      }}
    >
      Revoke
    </Button>
  );
}
