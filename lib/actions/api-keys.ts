"use server";

import { createApiKey, revokeApiKey } from "@/lib/api-keys/manage";
import { apiKeyRefSchema, createApiKeySchema } from "@/lib/api-keys/schemas";
import { defineAction } from "@/lib/doors/server-action";

export const createApiKeyAction = defineAction(createApiKeySchema, createApiKey);
export const revokeApiKeyAction = defineAction(apiKeyRefSchema, revokeApiKey);
