import { log as logger } from "@/lib/ops/logger";
import { setupCode } from "./code";
import { needsSetup } from "./setup";

/** At server start, on an installation with no user: where to go, and the one-time setup code. */
export async function announceSetup(
  log: (line: string) => void = (line) => logger("setup").warn(line),
): Promise<boolean> {
  if (!(await needsSetup())) return false;
  const url = new URL("/setup", process.env.NEXTAUTH_URL || `http://localhost:${process.env.PORT ?? 3000}`);
  log(
    `\n*** FIRST RUN ***\nNo user yet. Open ${url} to create the first workspace and its owner.\n` +
      `Setup code: ${process.env.SETUP_TOKEN ? "the value of SETUP_TOKEN" : setupCode()}\n` +
      "(Headless: npm run user -- create --email E --name N --workspace W --role OWNER)\n",
  );
  return true;
}
