"use server";

import { attachAutomation, attachAutomationSchema } from "@/lib/automations/attach";
import { defineAction } from "@/lib/doors/server-action";

export const attachAutomationAction = defineAction(attachAutomationSchema, attachAutomation);
