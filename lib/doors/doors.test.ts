import { describe, expect, it, vi } from "vitest";
import { listAuditSchema } from "@/lib/audit/schemas";
import { installDbHandle } from "@/lib/db/client";
import { encodeCursor, INVALID_CURSOR } from "@/lib/pagination/cursor";
import { listRecordsSchema } from "@/lib/records/schemas";
import { segmentMembersSchema } from "@/lib/segments/schemas";
import { listTrashSchema } from "@/lib/trash/schemas";
import { parseInput } from "@/lib/validation";
import { createTestDbHandle, withTestDatabase } from "@/test/db";
import { makeRecords, makeWorkspace, type TestWorkspace } from "@/test/fixtures";

// The session is the one thing mocked (what next-auth decodes from the cookie); the rest is real.
const session = vi.hoisted(() => ({ current: null as null | { userId: string; workspaceId: string } }));
vi.mock("@/lib/auth/session-token", () => ({ readSessionToken: async () => session.current }));
vi.mock("next/navigation", () => ({
  notFound: () => {
    throw new Error("NEXT_NOT_FOUND");
  },
  redirect: () => {
    throw new Error("NEXT_REDIRECT");
  },
}));

const { GET: recordsRoute } = await import("@/app/api/app/records/route");
const { GET: trashRoute } = await import("@/app/api/app/trash/route");
const { emptyTrashAction } = await import("@/lib/actions/trash");
const { parsePageQuery } = await import("./page-query");
const { SIGNED_OUT } = await import("./steps");

const db = withTestDatabase();
const signInAs = (ws: TestWorkspace, who: keyof TestWorkspace["actors"]) => {
  session.current = { userId: ws.actors[who].userId, workspaceId: ws.id };
};
const get = (route: (r: Request) => Promise<Response>, query: string) =>
  route(new Request(`http://localhost/api/app/x?${query}`));

// Cursors a client could send: garbage, a forged position whose date is far out of range, a bad id.
const BAD_CURSORS = [
  "garbage",
  Buffer.from("+275000-01-01T00:00:00.000Z|abc").toString("base64url"),
  encodeCursor({ at: new Date(Date.UTC(10_000, 0, 1)), id: "abc" }),
  Buffer.from(`${new Date().toISOString()}|not an id; drop table`).toString("base64url"),
  "x".repeat(301),
];

describe("a bad cursor means the same on every list", () => {
  const schemas = {
    records: listRecordsSchema,
    trash: listTrashSchema,
    audit: listAuditSchema,
    members: segmentMembersSchema.omit({ id: true }),
  };

  it.each(Object.entries(schemas))("%s: a VALIDATION error on the field cursor, with one message", (_name, schema) => {
    for (const cursor of BAD_CURSORS) {
      expect(() => parseInput(schema, { cursor })).toThrow(
        expect.objectContaining({ code: "VALIDATION", field: "cursor", message: `cursor: ${INVALID_CURSOR}` }),
      );
    }
    expect(parseInput(schema, { cursor: "" }).cursor).toBeUndefined();
  });

  it.each(Object.entries(schemas))("%s: a page drops it and shows the first page", (_name, schema) => {
    for (const cursor of BAD_CURSORS) {
      const { input, kept } = parsePageQuery(schema, { cursor, direction: "prev" });
      expect(input.cursor).toBeUndefined();
      expect(kept).toEqual({ direction: "prev" });
    }
  });

  it("records and trash JSON routes answer 400 with the code and field, and change nothing", async () => {
    const ws = await makeWorkspace();
    await makeRecords(ws, 3);
    signInAs(ws, "admin");
    for (const route of [recordsRoute, trashRoute]) {
      for (const cursor of BAD_CURSORS) {
        const response = await get(route, new URLSearchParams({ cursor }).toString());
        expect(response.status).toBe(400);
        expect(await response.json()).toEqual({
          error: { code: "VALIDATION", field: "cursor", message: `cursor: ${INVALID_CURSOR}` },
        });
      }
      expect((await get(route, "cursor=")).status).toBe(200);
    }
  });
});

describe("route handlers answer JSON, whatever fails", () => {
  it("a database failure while reading the session's membership is a JSON 500 with a code, not an HTML page", async () => {
    const ws = await makeWorkspace();
    signInAs(ws, "member");
    const broken = await createTestDbHandle();
    await broken.close();
    installDbHandle(broken);
    try {
      const response = await get(recordsRoute, "entity=leads");
      expect(response.status).toBe(500);
      expect(response.headers.get("content-type")).toContain("application/json");
      expect(await response.json()).toEqual({
        error: { code: "INTERNAL", message: "Something went wrong on our side. Nothing was changed." },
      });
    } finally {
      installDbHandle(db.handle());
    }
  });

  it("signed out is one wording for a route handler and a server action", async () => {
    session.current = null;
    const response = await get(recordsRoute, "entity=leads");
    expect(response.status).toBe(401);
    expect(await response.json()).toEqual({ error: { code: "UNAUTHORIZED", message: SIGNED_OUT } });
    expect(await emptyTrashAction({ confirmation: "empty trash" })).toEqual({
      ok: false,
      error: { code: "UNAUTHORIZED", message: SIGNED_OUT },
    });
  });
});

describe("server actions parse their input with zod at the door", () => {
  it("emptyTrash({}) is a validation error naming the field, not INTERNAL, and nothing is deleted", async () => {
    const ws = await makeWorkspace();
    await makeRecords(ws, 2, { deletedAt: new Date(), deletedById: ws.actors.member.userId });
    signInAs(ws, "admin");
    const result = await emptyTrashAction({} as never);
    expect(result).toMatchObject({ ok: false, error: { code: "VALIDATION", field: "confirmation" } });
    expect(await db.handle().client.record.count({ where: { deletedAt: { not: null } } })).toBe(2);
  });
});
