"use client";

import { useRouter } from "next/navigation";
import { toast } from "sonner";
import {
  removeWebhookAction,
  revealWebhookSecretAction,
  rotateWebhookSecretAction,
  saveWebhookAction,
  sendDigestNowAction,
} from "@/lib/actions/webhooks";
import { plural, useActionMutation } from "./use-action-mutation";

// The webhook settings page is server-rendered: after a change, the page itself is refreshed
// (router.refresh) rather than a React Query cache.

/** Errors stay with the URL field. */
export function useSaveWebhook() {
  const router = useRouter();
  return useActionMutation({
    action: (url: string) => saveWebhookAction({ url }),
    refresh: [],
    toastErrors: false,
    onSuccess: ({ created }) => {
      toast.success(
        created
          ? "Webhook saved. Reveal the signing secret to set up the receiver."
          : "Webhook URL changed; the signing secret stays the same.",
      );
      router.refresh();
    },
  });
}

export function useRemoveWebhook(onDone: () => void) {
  const router = useRouter();
  return useActionMutation({
    action: () => removeWebhookAction({}),
    refresh: [],
    onSuccess: () => {
      toast.success("Webhook removed: no more digests. The delivery log stays.");
      onDone();
      router.refresh();
    },
  });
}

/** Reveal and regenerate both hand the secret to `onSecret`. */
export function useWebhookSecret(onSecret: (secret: string) => void) {
  const reveal = useActionMutation({
    action: () => revealWebhookSecretAction({}),
    refresh: [],
    onSuccess: ({ secret }) => onSecret(secret),
  });
  const rotate = useActionMutation({
    action: () => rotateWebhookSecretAction({}),
    refresh: [],
    onSuccess: ({ secret }) => {
      onSecret(secret);
      toast.success("New signing secret made. Update the receiver: the old one no longer verifies.");
    },
  });
  return { reveal, rotate };
}

export function useSendDigestNow() {
  const router = useRouter();
  return useActionMutation({
    action: () => sendDigestNowAction({}),
    refresh: [],
    onSuccess: ({ status, recordCount, attempts }) => {
      const what = `Digest of ${plural(recordCount, "record")}`;
      const tries = plural(attempts.length, "attempt");
      if (status === "DELIVERED") toast.success(`${what} delivered (${tries}).`);
      else
        toast.error(
          `${what} not delivered after ${tries}: ${attempts.at(-1)?.error ?? `HTTP ${attempts.at(-1)?.statusCode}`}.`,
        );
      router.refresh();
    },
  });
}
