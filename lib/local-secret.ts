import crypto from "node:crypto";
import fs from "node:fs";
import path from "node:path";

/**
 * A secret made once per installation and kept beside the data (mode 0600), so what it
 * protects survives restarts: the session signing key, the API keys' encryption key.
 * Two processes starting at once agree: the first to create the file wins, the other reads it.
 */
export function localSecret(name: string): string {
  const file = path.resolve("data", name);
  if (!fs.existsSync(file)) {
    fs.mkdirSync(path.dirname(file), { recursive: true, mode: 0o700 });
    try {
      fs.writeFileSync(file, crypto.randomBytes(32).toString("hex"), { mode: 0o600, flag: "wx" });
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== "EEXIST") throw error;
    }
  }
  return fs.readFileSync(file, "utf8").trim();
}
