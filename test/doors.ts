import type { Actor } from "@/lib/actor";
import { createApiKey } from "@/lib/api-keys/manage";
import { encryptSecret } from "@/lib/api-keys/secrets";
import { createSelection } from "@/lib/bulk/selection";
import { db } from "@/lib/db/client";
import { HTTP_STATUS, type ErrorCode } from "@/lib/errors";
import { createSegment } from "@/lib/segments/create";
import { inviteMember } from "@/lib/members/invitations";
import { uploadImport } from "@/lib/imports/jobs";
import { softDeleteRecords } from "@/lib/trash/delete";
import { makeRecord, makeWorkspace, type TestWorkspace } from "./fixtures";

// Every door of the app in ONE table, for the authorization matrix and the hostile-input
// corpus (lib/hardening/*.test.ts). A row says how to send an input to the door as a given
// caller and what each kind of caller may do. Session doors (server actions, the dashboard's
// route handlers) take the caller from the session; a REST API row would take it from an API
// key made for the same actor — `send` hides which, so API endpoints are added as rows.

export type Who = "owner" | "admin" | "memberOwn" | "memberOther" | "viewer" | "otherOwner" | "signedOut";
export const WHO: Who[] = ["owner", "admin", "memberOwn", "memberOther", "viewer", "otherOwner", "signedOut"];

/**
 * ok: allowed and it changed what it should (or read without changing anything);
 * elsewhere: allowed in the caller's own workspace, nothing of ours changed;
 * noop: allowed, nothing to do;
 * an ErrorCode: refused with that code (and its HTTP status);
 * item:CODE: the bulk call answered, with that per-id refusal, and nothing changed.
 */
export type Outcome = "ok" | "elsewhere" | "noop" | ErrorCode | `item:${ErrorCode}`;

/** What any door answered, in one shape: its HTTP status (a server action's code mapped), the error code, the data. */
export interface Answer {
  status: number;
  code?: string;
  message?: string;
  data?: unknown;
}

export interface World {
  ws: TestWorkspace;
  other: TestWorkspace;
  live: Record<"own" | "other", string>;
  trashed: Record<"own" | "other", string>;
  batch: Record<"own" | "other", string>;
  segment: Record<"own" | "other", string>;
  selection: Record<"own" | "other", { token: string; count: number }>;
  apiKey: Record<"own" | "other", string>;
  /** A pending invitation of our workspace (made by its OWNER, role MEMBER). */
  invitation: string;
  /** A declared field of our leads (the same for both items: fields are the workspace's). */
  field: Record<"own" | "other", string>;
  /** An automation of our leads whose segment was deleted (DETACHED). */
  detachedAutomation: string;
  /** A CSV import of our leads each member uploaded, not started. */
  importJob: Record<"own" | "other", string>;
}

export interface DoorRow {
  door: string;
  mutates: boolean;
  /** The input for this caller: `own` is the MEMBER's own item, `other` another member's. */
  input: (w: World, item: "own" | "other") => unknown;
  send: (raw: unknown, caller: Actor | null) => Promise<Answer>;
  expect: Record<Who, Outcome>;
}

/** The caller of each column: MEMBER for both "own" and "other" (the item differs). */
export function callerOf(w: World, who: Who): Actor | null {
  if (who === "signedOut") return null;
  if (who === "otherOwner") return w.other.actors.owner;
  if (who === "memberOwn" || who === "memberOther") return w.ws.actors.member;
  return w.ws.actors[who];
}

export const itemOf = (who: Who): "own" | "other" => (who === "memberOther" ? "other" : "own");

/** A workspace with one live and one trashed record, one segment and one trash selection for each of two members. */
export async function buildWorld(): Promise<World> {
  const ws = await makeWorkspace();
  const other = await makeWorkspace("Other");
  const now = new Date();
  const by = { own: ws.actors.member, other: ws.actors.member2 };
  const w = {
    ws,
    other,
    live: {},
    trashed: {},
    batch: {},
    segment: {},
    selection: {},
    apiKey: {},
    field: {},
    importJob: {},
  } as World;
  const status = await db().entityField.create({
    data: {
      workspaceId: ws.id,
      entityId: ws.entities.leads,
      name: "status",
      label: "Status",
      type: "SELECT",
      options: ["Qualified", "New"],
    },
  });
  w.field = { own: status.id, other: status.id };
  for (const item of ["own", "other"] as const) {
    w.live[item] = (
      await makeRecord(ws, { createdById: by[item].userId, attributes: { status: "Qualified" } }, { notes: 1 })
    ).id;
    const t = await makeRecord(ws, { createdById: by[item].userId }, { notes: 1 });
    const deleted = await softDeleteRecords(by[item], { ids: [t.id] }, now);
    w.trashed[item] = t.id;
    w.batch[item] = deleted.batchId!;
    w.segment[item] = (
      await createSegment(
        by[item],
        {
          name: `Seg ${item}`,
          entity: "leads",
          filter: { conditions: [{ field: "status", op: "equals", value: "Qualified" }] },
        },
        now,
      )
    ).segmentId;
    const s = await createSelection(by[item], { scope: "trash", filter: { scope: "mine" } }, now);
    w.selection[item] = { token: s.token, count: s.count };
    w.apiKey[item] = (await createApiKey(by[item], { name: `Key ${item}` }, now)).id;
    w.importJob[item] = (await uploadImport(by[item], { entity: "leads", name: `${item}.csv` }, csvBody, now)).id;
  }
  w.invitation = (await inviteMember(ws.actors.owner, { email: "invited@test.example", role: "MEMBER" }, now)).id;
  w.detachedAutomation = (
    await db().automation.create({
      data: {
        workspaceId: ws.id,
        name: "Detached welcome",
        trigger: "SEGMENT_ENTERED",
        status: "DETACHED",
        entityId: ws.entities.leads,
        detachedAt: now,
      },
    })
  ).id;
  // A purge-digest webhook on a loopback address the server refuses to post to (no network in the matrix).
  await db().webhook.create({
    data: { workspaceId: ws.id, url: "http://127.0.0.1:9/digest", secretCiphertext: encryptSecret("whsec_matrix") },
  });
  return w;
}

const csvBody = [Buffer.from("Name,Phone\nAda Import,+49 30 1234567\n")];

/** Everything of our workspace a door could change, to compare before and after. */
export async function snapshot(w: World) {
  const workspaceId = w.ws.id;
  return JSON.stringify({
    records: await db().record.findMany({
      where: { workspaceId },
      orderBy: { id: "asc" },
      select: { id: true, name: true, deletedAt: true, deletedById: true, heldAt: true },
    }),
    notes: await db().note.count({ where: { workspaceId } }),
    segments: await db().segment.findMany({
      where: { workspaceId },
      orderBy: { id: "asc" },
      select: { id: true, name: true },
    }),
    members: await db().segmentMember.count({ where: { segment: { workspaceId } } }),
    selections: await db().bulkSelection.count({ where: { workspaceId } }),
    // The sign-in brake's notice to the account's owner is the one entry a refused call may write.
    audit: await db().auditLog.count({ where: { workspaceId, action: { not: "auth.sign_in_brake" } } }),
    workspace: await db().workspace.findUnique({ where: { id: workspaceId }, select: { retentionDays: true } }),
    memberships: await db().membership.count({ where: { workspaceId } }),
    // People: roles, names and session versions of our members, invitations and reset links.
    people: await db().membership.findMany({
      where: { workspaceId },
      orderBy: { userId: "asc" },
      select: { userId: true, role: true, user: { select: { name: true, sessionVersion: true, passwordHash: true } } },
    }),
    invitations: await db().invitation.findMany({
      where: { workspaceId },
      orderBy: { id: "asc" },
      select: { id: true, revokedAt: true, acceptedAt: true },
    }),
    resets: await db().passwordReset.count({ where: { workspaceId } }),
    // The keys people made (the matrix's own bearer keys for API rows aside).
    apiKeys: await db().apiKey.findMany({
      where: { workspaceId, name: { not: "matrix" } },
      orderBy: { id: "asc" },
      select: { id: true, revokedAt: true },
    }),
    webhook: await db().webhook.findUnique({ where: { workspaceId }, select: { url: true, secretCiphertext: true } }),
    deliveries: await db().webhookDelivery.count({ where: { workspaceId } }),
    imports: await db().importJob.findMany({
      where: { workspaceId },
      orderBy: { id: "asc" },
      select: { id: true, status: true, cancelRequested: true },
    }),
    fields: await db().entityField.findMany({
      where: { workspaceId },
      orderBy: { id: "asc" },
      select: { id: true, label: true, options: true, retiredAt: true },
    }),
  });
}

/** A server action's result as an Answer. */
export function actionAnswer(
  result: { ok: true; data: unknown } | { ok: false; error: { code: ErrorCode; message: string } },
): Answer {
  return result.ok
    ? { status: 200, data: result.data }
    : { status: HTTP_STATUS[result.error.code], code: result.error.code, message: result.error.message };
}

/** A route handler's Response as an Answer. */
export async function responseAnswer(response: Response): Promise<Answer> {
  const body = (await response.json().catch(() => undefined)) as
    { error?: { code: string; message: string } } | undefined;
  return { status: response.status, code: body?.error?.code, message: body?.error?.message, data: body };
}

/** The query string of a GET door: every own key of an object, its values as text (objects as JSON). */
export function toQuery(raw: unknown): string {
  if (!raw || typeof raw !== "object") return "";
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(raw))
    params.append(key, typeof value === "string" ? value : (JSON.stringify(value) ?? ""));
  return params.toString();
}
