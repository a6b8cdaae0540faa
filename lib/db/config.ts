import path from "node:path";

/** Where the data lives: embedded PGlite in a folder (default) or a PostgreSQL server. */
export type DatabaseTarget = { kind: "pglite"; dataDir: string } | { kind: "postgres"; url: string; schema: string };

const DEFAULT_PGLITE_DIR = "data/pglite";

export function resolveDatabaseTarget(env: NodeJS.ProcessEnv = process.env): DatabaseTarget {
  const url = env.DATABASE_URL?.trim();
  if (url && /^postgres(ql)?:\/\//.test(url)) {
    const parsed = new URL(url);
    const schema = parsed.searchParams.get("schema") ?? "public";
    parsed.searchParams.delete("schema");
    return { kind: "postgres", url: parsed.toString(), schema };
  }
  if (url && !url.startsWith("file:")) {
    throw new Error(
      `DATABASE_URL must be a postgres:// or postgresql:// URL, or file:<folder> for the embedded database (got "${url.split(":")[0]}:...").`,
    );
  }
  const dir = url ? url.slice("file:".length) : (env.PGLITE_DATA_DIR ?? DEFAULT_PGLITE_DIR);
  return { kind: "pglite", dataDir: path.resolve(dir) };
}

/** The embedded database in its default folder: the newcomer's `npm start`, nothing real. */
export function isDefaultEmbedded(env: Record<string, string | undefined> = process.env): boolean {
  return !env.DATABASE_URL?.trim() && !env.PGLITE_DATA_DIR;
}

export function describeTarget(target: DatabaseTarget): string {
  if (target.kind === "pglite") return `embedded PostgreSQL (PGlite) in ${target.dataDir}`;
  const u = new URL(target.url);
  return `PostgreSQL at ${u.host}${u.pathname} (schema ${target.schema})`;
}
