import { db } from "@/lib/db/client";

/** The demo owner (prisma/seed/demo.ts); example.com is reserved, so no real user has it. */
export const DEMO_OWNER_EMAIL = "owner@example.com";

/** Whether demo data was seeded here: only then does the login page show demo credentials. */
export async function demoSignIn(): Promise<{ email: string; password: string | null } | null> {
  const seeded = (await db().user.count({ where: { email: DEMO_OWNER_EMAIL } })) > 0;
  if (!seeded) return null;
  // A password chosen with DEMO_PASSWORD is not printed on the page.
  return { email: DEMO_OWNER_EMAIL, password: process.env.DEMO_PASSWORD ? null : "demo-password" };
}
