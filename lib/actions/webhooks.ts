"use server";

import { defineAction } from "@/lib/doors/server-action";
import { noInputSchema, saveWebhookSchema } from "@/lib/webhooks/schemas";
import {
  removeWebhook,
  revealWebhookSecret,
  rotateWebhookSecret,
  saveWebhook,
  sendDigestNow,
} from "@/lib/webhooks/settings";

export const saveWebhookAction = defineAction(saveWebhookSchema, saveWebhook);
export const removeWebhookAction = defineAction(noInputSchema, removeWebhook);
export const revealWebhookSecretAction = defineAction(noInputSchema, revealWebhookSecret);
export const rotateWebhookSecretAction = defineAction(noInputSchema, rotateWebhookSecret);
export const sendDigestNowAction = defineAction(noInputSchema, (actor, input, now) => sendDigestNow(actor, input, now));
