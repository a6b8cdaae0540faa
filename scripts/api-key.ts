import { loadActorByEmail } from "@/lib/actor";
import { createApiKey } from "@/lib/api-keys/manage";
import { createApiKeySchema } from "@/lib/api-keys/schemas";
import { AppError } from "@/lib/errors";
import { parseInput } from "@/lib/validation";
import { argValue, printLine, runCli, usageError } from "./cli";

// npm run api-key -- --email USER [--scopes a,b] [--name NAME]
// Creates an API key for the user (in their first workspace) and prints docs/API.md's JSON object
// {"apiKey", "apiSecret", "scopes"}. Scopes default to every scope the user's role allows.
const args = process.argv.slice(2);
const email = argValue(args, "--email");
const scopes = argValue(args, "--scopes");

if (!email) {
  usageError("Usage: npm run api-key -- --email USER_EMAIL [--scopes records:read,records:delete] [--name NAME]");
}

await runCli(async () => {
  const actor = await loadActorByEmail(email, "CLI");
  if (!actor) throw new AppError("NOT_FOUND", `No user ${email} with a workspace.`);
  const input = parseInput(createApiKeySchema, {
    name: argValue(args, "--name") ?? `CLI key ${new Date().toISOString().slice(0, 10)}`,
    ...(scopes !== undefined
      ? {
          scopes: scopes
            .split(",")
            .map((s) => s.trim())
            .filter(Boolean),
        }
      : {}),
  });
  const key = await createApiKey(actor, input, new Date());
  printLine({ apiKey: key.apiKey, apiSecret: key.apiSecret, scopes: key.scopes });
});
