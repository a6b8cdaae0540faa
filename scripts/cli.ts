import { createDbHandle, installDbHandle, type DbHandle } from "@/lib/db/client";
import { resolveDatabaseTarget } from "@/lib/db/config";

// A command's stdout is its result (JSON that scripts parse); its log lines go to stderr.
process.env.LOG_DESTINATION ??= "stderr";

/** Runs a CLI body against the configured database; a clear message and exit 1 on failure. */
export async function runCli(body: (handle: DbHandle) => Promise<void>): Promise<void> {
  let handle: DbHandle | undefined;
  try {
    handle = createDbHandle(resolveDatabaseTarget());
    installDbHandle(handle);
    await body(handle);
  } catch (error) {
    printError((error as Error).message);
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

/** A command's result, one line on stdout (its output, not a log line: scripts parse it). */
export function printLine(value: unknown): void {
  process.stdout.write(`${typeof value === "string" ? value : JSON.stringify(value)}\n`);
}

/** A message for the person at the terminal, on stderr. */
export function printError(message: string): void {
  process.stderr.write(`${message}\n`);
}

/** Refuses a bad command line: the message on stderr, exit code 2. */
export function usageError(message: string): never {
  printError(message);
  process.exit(2);
}
