import readline from "node:readline";
import { Writable } from "node:stream";
import { createUserFromCli, resetPasswordFromCli } from "@/lib/setup/people-cli";
import { argValue, runCli } from "./cli";

// npm run user -- create --email E --name N --workspace W --role OWNER [--password-stdin]
// npm run user -- reset-password --email E [--password-stdin]
// The password comes from a hidden prompt or from standard input, never from the command line
// (argv is visible to every user of the machine in `ps`).
const USAGE = `Usage:
  npm run user -- create --email E --name N --workspace W --role OWNER|ADMIN|MEMBER|VIEWER [--password-stdin]
  npm run user -- reset-password --email E [--password-stdin]
The password is asked for (hidden), or read from standard input with --password-stdin.`;

const [command, ...args] = process.argv.slice(2);
if (args.some((a) => a === "--password" || a.startsWith("--password="))) {
  console.error(
    "A password is never taken as an argument (others can read it in `ps`): use the prompt or --password-stdin.",
  );
  process.exit(2);
}
if ((command !== "create" && command !== "reset-password") || !argValue(args, "--email")) {
  console.error(USAGE);
  process.exit(2);
}

async function readPassword(): Promise<string> {
  if (args.includes("--password-stdin")) {
    let text = "";
    for await (const chunk of process.stdin) text += chunk;
    return text.replace(/\r?\n$/, "");
  }
  if (!process.stdin.isTTY) throw new Error("No terminal to ask for the password: pipe it with --password-stdin.");
  const ask = (question: string) => {
    let muted = false;
    const output = new Writable({ write: (chunk, _enc, done) => (muted || process.stdout.write(chunk), done()) });
    const rl = readline.createInterface({ input: process.stdin, output, terminal: true });
    return new Promise<string>((resolve) => {
      rl.question(question, (answer) => {
        rl.close();
        process.stdout.write("\n");
        resolve(answer);
      });
      muted = true;
    });
  };
  const first = await ask("Password: ");
  if ((await ask("Again: ")) !== first) throw new Error("The two passwords differ.");
  return first;
}

await runCli(async () => {
  const password = await readPassword();
  const email = argValue(args, "--email");
  if (command === "reset-password") {
    const done = await resetPasswordFromCli({ email, password });
    console.log(`New password set for ${done.email}; their sessions have ended.`);
    return;
  }
  const result = await createUserFromCli({
    email,
    name: argValue(args, "--name"),
    workspace: argValue(args, "--workspace"),
    role: argValue(args, "--role")?.toUpperCase(),
    password,
  });
  console.log(
    JSON.stringify({
      userId: result.userId,
      workspaceId: result.workspaceId,
      role: result.role,
      created: result.created,
    }),
  );
});
