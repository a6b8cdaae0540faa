import { createDbHandle, installDbHandle, type DbHandle } from "@/lib/db/client";
import { resolveDatabaseTarget } from "@/lib/db/config";

/** Runs a CLI body against the configured database; a clear message and exit 1 on failure. */
export async function runCli(body: (handle: DbHandle) => Promise<void>): Promise<void> {
  let handle: DbHandle | undefined;
  try {
    handle = createDbHandle(resolveDatabaseTarget());
    installDbHandle(handle);
    await body(handle);
  } catch (error) {
    console.error((error as Error).message);
    process.exitCode = 1;
  } finally {
    await handle?.close().catch(() => undefined);
  }
}

export function argValue(args: string[], name: string): string | undefined {
  const i = args.indexOf(name);
  if (i >= 0) return args[i + 1];
  return args.find((a) => a.startsWith(`${name}=`))?.slice(name.length + 1);
}
