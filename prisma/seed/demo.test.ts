import { describe, expect, it } from "vitest";
import { db } from "@/lib/db/client";
import { verifyPassword } from "@/lib/auth/password";
import { withTestDatabase } from "@/test/db";
import { DEMO_USERS, IN_BOTH, isDatabaseEmpty, OTHER_OWNER, seedDemo } from "./demo";

withTestDatabase();
const NOW = new Date("2026-11-23T12:00:00Z");

describe("demo seed", () => {
  it("fills an empty database with every role, two workspaces and records with everything that belongs to them", async () => {
    expect(await isDatabaseEmpty(db())).toBe(true);
    const { demoWorkspaceId, otherWorkspaceId } = await seedDemo(db(), { now: NOW, recordCount: 200 });
    expect(await isDatabaseEmpty(db())).toBe(false);

    const roles = await db().membership.findMany({
      where: { workspaceId: demoWorkspaceId },
      select: { role: true, user: { select: { email: true, passwordHash: true } } },
    });
    expect(roles.map((m) => [m.user.email, m.role]).sort()).toEqual(DEMO_USERS.map((u) => [u.email, u.role]).sort());
    expect(await verifyPassword("demo-password", roles[0]!.user.passwordHash)).toBe(true);
    const other = await db().membership.findMany({ where: { workspaceId: otherWorkspaceId }, include: { user: true } });
    expect(other.map((m) => [m.user.email, m.role]).sort()).toEqual(
      [
        [OTHER_OWNER.email, OTHER_OWNER.role],
        [IN_BOTH.email, IN_BOTH.role],
      ].sort(),
    );

    expect(await db().record.count({ where: { workspaceId: demoWorkspaceId } })).toBe(200);
    expect(await db().note.count({ where: { workspaceId: demoWorkspaceId } })).toBeGreaterThan(50);
    expect(await db().activity.count({ where: { workspaceId: demoWorkspaceId } })).toBeGreaterThan(200);
    expect(await db().subformRow.count({ where: { workspaceId: demoWorkspaceId } })).toBeGreaterThan(0);
    expect(await db().relation.count({ where: { workspaceId: demoWorkspaceId } })).toBeGreaterThan(20);

    const segments = await db().segment.findMany({
      where: { workspaceId: demoWorkspaceId },
      include: { createdBy: true, automations: true },
    });
    expect(new Set(segments.map((s) => s.createdBy?.email)).size).toBeGreaterThanOrEqual(3);
    expect(segments.some((s) => s.automations.length > 0)).toBe(true);
  });

  it("puts a few records in the trash at different ages, one about to expire, and keeps them out of segments", async () => {
    const { demoWorkspaceId } = await seedDemo(db(), { now: NOW, recordCount: 200 });
    const trashed = await db().record.findMany({ where: { workspaceId: demoWorkspaceId, deletedAt: { not: null } } });
    expect(trashed.length).toBeGreaterThanOrEqual(8);
    const ages = trashed.map((r) => NOW.getTime() - r.deletedAt!.getTime());
    const day = 86_400_000;
    expect(Math.min(...ages)).toBeLessThan(day);
    expect(ages.some((a) => a > 13.5 * day && a < 14 * day)).toBe(true);
    expect(await db().segmentMember.count({ where: { recordId: { in: trashed.map((r) => r.id) } } })).toBe(0);
  });
});
