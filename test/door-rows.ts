import type { Actor } from "@/lib/actor";
import { GET as recordsRoute } from "@/app/api/app/records/route";
import { GET as segmentsRoute } from "@/app/api/app/segments/route";
import { GET as previewRoute } from "@/app/api/app/segments/preview/route";
import { GET as trashCountRoute } from "@/app/api/app/trash/count/route";
import { GET as trashRoute } from "@/app/api/app/trash/route";
import { GET as trashExpiringRoute } from "@/app/api/app/trash/expiring/route";
import { GET as trashExportRoute } from "@/app/api/app/trash/export/route";
import { GET as auditExportRoute } from "@/app/api/app/audit/export/route";
import { GET as apiKeysRoute } from "@/app/api/app/api-keys/route";
import { GET as recordsExportRoute } from "@/app/api/app/records/export/route";
import { GET as recordExportRoute } from "@/app/api/app/records/[id]/export/route";
import { POST as importUploadRoute } from "@/app/api/app/imports/upload/route";
import { GET as importRoute } from "@/app/api/app/imports/[id]/route";
import { GET as importFailuresRoute } from "@/app/api/app/imports/[id]/failures/route";
import { cancelImportAction, dryRunImportAction, previewImportAction, startImportAction } from "@/lib/actions/imports";
import { createApiKeyAction, revokeApiKeyAction } from "@/lib/actions/api-keys";
import { attachAutomationAction } from "@/lib/actions/automations";
import { applySelectionChunkAction, createSelectionAction } from "@/lib/actions/bulk";
import {
  deleteRecordsAction,
  destroyRecordsNowAction,
  destroyRecordsAction,
  restoreRecordsAction,
  undoDeleteAction,
} from "@/lib/actions/records";
import { addFieldAction, updateFieldAction } from "@/lib/actions/fields";
import { addNoteAction, createRecordAction, updateRecordAction } from "@/lib/actions/record-writes";
import { createSegmentAction, deleteSegmentAction } from "@/lib/actions/segments";
import { emptyTrashAction, retentionImpactAction, setHoldAction, updateRetentionAction } from "@/lib/actions/trash";
import {
  removeWebhookAction,
  revealWebhookSecretAction,
  rotateWebhookSecretAction,
  saveWebhookAction,
  sendDigestNowAction,
} from "@/lib/actions/webhooks";
import {
  changePasswordAction,
  signOutEverywhereAction,
  switchWorkspaceAction,
  updateNameAction,
} from "@/lib/actions/account";
import {
  changeMemberRoleAction,
  inviteMemberAction,
  issuePasswordResetAction,
  removeMemberAction,
  revokeInvitationAction,
  transferOwnershipAction,
} from "@/lib/actions/members";
import { acceptInvitationAction, resetPasswordAction, setupAction } from "@/lib/actions/setup";
import { API_DOOR_ROWS } from "./api-door-rows";
import { TEST_PASSWORD } from "./fixtures";
import { actionAnswer, responseAnswer, toQuery, type Answer, type DoorRow, type Outcome, type Who } from "./doors";

// THE table of doors. The test file must mock readSessionToken (lib/auth/session-token.ts) to read
// `globalThis.__testSession` (see lib/hardening/matrix.test.ts); nothing else is mocked.
// The REST API's endpoints are rows too (test/api-door-rows.ts): their `send` calls the route
// handler with an API key made for `caller`, so the matrix and the corpus cover them.

const holder = globalThis as unknown as { __testSession?: { userId: string; workspaceId: string } | null };

export function setSession(caller: Actor | null): void {
  holder.__testSession = caller ? { userId: caller.userId, workspaceId: caller.workspaceId } : null;
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- the corpus sends whatever a client could
type AnyAction = (input: any) => Promise<Parameters<typeof actionAnswer>[0]>;
const action =
  (fn: AnyAction) =>
  async (raw: unknown, caller: Actor | null): Promise<Answer> => {
    setSession(caller);
    return actionAnswer(await fn(raw));
  };
const route =
  (handler: (r: Request) => Promise<Response>) =>
  async (raw: unknown, caller: Actor | null): Promise<Answer> => {
    setSession(caller);
    return responseAnswer(await handler(new Request(`http://localhost/api/app/door?${toQuery(raw)}`)));
  };

/** A route with path parameters (`[id]`): the input is what Next.js would hand it as `params`. */
const routeWithParams =
  (handler: (r: Request, context: { params: Promise<unknown> }) => Promise<Response>) =>
  async (raw: unknown, caller: Actor | null): Promise<Answer> => {
    setSession(caller);
    return responseAnswer(
      await handler(new Request("http://localhost/api/app/door"), { params: Promise.resolve(raw) }),
    );
  };

/** Columns in WHO order: owner, admin, memberOwn, memberOther, viewer, otherOwner, signedOut. */
const row = (
  owner: Outcome,
  admin: Outcome,
  memberOwn: Outcome,
  memberOther: Outcome,
  viewer: Outcome,
  otherOwner: Outcome,
  signedOut: Outcome = "UNAUTHORIZED",
): Record<Who, Outcome> => ({ owner, admin, memberOwn, memberOther, viewer, otherOwner, signedOut });
const READ = row("ok", "ok", "ok", "ok", "ok", "ok");

export const DOOR_ROWS: DoorRow[] = [
  {
    door: "action deleteRecords",
    mutates: true,
    send: action(deleteRecordsAction),
    input: (w, i) => ({ ids: [w.live[i]] }),
    expect: row("ok", "ok", "ok", "ok", "FORBIDDEN", "item:NOT_FOUND"),
  },
  {
    door: "action restoreRecords",
    mutates: true,
    send: action(restoreRecordsAction),
    input: (w, i) => ({ ids: [w.trashed[i]] }),
    expect: row("ok", "ok", "ok", "item:FORBIDDEN", "FORBIDDEN", "item:NOT_FOUND"),
  },
  {
    door: "action undoDelete",
    mutates: true,
    send: action(undoDeleteAction),
    input: (w, i) => ({ batchIds: [w.batch[i]] }),
    expect: row("ok", "ok", "ok", "item:FORBIDDEN", "FORBIDDEN", "noop"),
  },
  {
    door: "action destroyRecords",
    mutates: true,
    send: action(destroyRecordsAction),
    input: (w, i) => ({ ids: [w.trashed[i]] }),
    expect: row("ok", "ok", "FORBIDDEN", "FORBIDDEN", "FORBIDDEN", "item:NOT_FOUND"),
  },
  {
    door: "action destroyRecordsNow",
    mutates: true,
    send: action(destroyRecordsNowAction),
    input: (w, i) => ({ ids: [w.live[i]] }),
    expect: row("ok", "ok", "FORBIDDEN", "FORBIDDEN", "FORBIDDEN", "item:NOT_FOUND"),
  },
  {
    door: "action createSelection",
    mutates: true,
    send: action(createSelectionAction),
    input: () => ({ scope: "records", entity: "leads" }),
    expect: row("ok", "ok", "ok", "ok", "FORBIDDEN", "VALIDATION"),
  },
  {
    door: "action applySelectionChunk",
    mutates: true,
    send: action(applySelectionChunkAction),
    input: (w, i) => ({ token: w.selection[i].token, confirmCount: w.selection[i].count, action: "restore", chunk: 0 }),
    // A selection is its creator's alone: the MEMBER's own one works, nobody else's reaches.
    expect: row("NOT_FOUND", "NOT_FOUND", "ok", "NOT_FOUND", "NOT_FOUND", "NOT_FOUND"),
  },
  {
    door: "action createSegment",
    mutates: true,
    send: action(createSegmentAction),
    input: () => ({
      name: "New",
      entity: "leads",
      filter: { conditions: [{ field: "name", op: "contains", value: "Record" }] },
    }),
    expect: row("ok", "ok", "ok", "ok", "FORBIDDEN", "elsewhere"),
  },
  {
    door: "action deleteSegment",
    mutates: true,
    send: action(deleteSegmentAction),
    input: (w, i) => ({ id: w.segment[i] }),
    expect: row("ok", "FORBIDDEN", "ok", "FORBIDDEN", "FORBIDDEN", "NOT_FOUND"),
  },
  {
    door: "action emptyTrash",
    mutates: true,
    send: action(emptyTrashAction),
    input: () => ({ confirmation: "empty trash" }),
    expect: row("ok", "ok", "FORBIDDEN", "FORBIDDEN", "FORBIDDEN", "elsewhere"),
  },
  {
    door: "action setHold",
    mutates: true,
    send: action(setHoldAction),
    input: (w, i) => ({ id: w.trashed[i], hold: true }),
    expect: row("ok", "ok", "FORBIDDEN", "FORBIDDEN", "FORBIDDEN", "NOT_FOUND"),
  },
  {
    door: "action updateRetention",
    mutates: true,
    send: action(updateRetentionAction),
    input: () => ({ retentionDays: 30 }),
    expect: row("ok", "FORBIDDEN", "FORBIDDEN", "FORBIDDEN", "FORBIDDEN", "elsewhere"),
  },
  {
    door: "action attachAutomation",
    mutates: true,
    send: action(attachAutomationAction),
    input: (w) => ({ automationId: w.detachedAutomation, segmentId: w.segment.own }),
    expect: row("ok", "ok", "FORBIDDEN", "FORBIDDEN", "FORBIDDEN", "NOT_FOUND"),
  },
  {
    door: "action retentionImpact",
    mutates: false,
    send: action(retentionImpactAction),
    input: () => ({ retentionDays: 7 }),
    expect: row("ok", "FORBIDDEN", "FORBIDDEN", "FORBIDDEN", "FORBIDDEN", "ok"),
  },
  {
    door: "GET /api/app/records",
    mutates: false,
    send: route(recordsRoute),
    input: () => ({ entity: "leads" }),
    expect: READ,
  },
  { door: "GET /api/app/trash", mutates: false, send: route(trashRoute), input: () => ({}), expect: READ },
  { door: "GET /api/app/trash/count", mutates: false, send: route(trashCountRoute), input: () => ({}), expect: READ },
  {
    door: "GET /api/app/trash/expiring",
    mutates: false,
    send: route(trashExpiringRoute),
    input: () => ({}),
    expect: READ,
  },
  { door: "GET /api/app/trash/export", mutates: false, send: route(trashExportRoute), input: () => ({}), expect: READ },
  {
    door: "GET /api/app/trash/export (selection)",
    mutates: false,
    send: route(trashExportRoute),
    input: (w, i) => ({ scope: "mine", ids: w.trashed[i] }),
    expect: READ,
  },
  {
    door: "GET /api/app/records/export",
    mutates: false,
    send: route(recordsExportRoute),
    input: () => ({ entity: "leads", q: "Record" }),
    expect: READ,
  },
  // One record as JSON: a live one for every reader, a trashed one as its preview allows (a MEMBER: their own deletion).
  {
    door: "GET /api/app/records/[id]/export (live)",
    mutates: false,
    send: routeWithParams(recordExportRoute),
    input: (w, i) => ({ id: w.live[i] }),
    expect: row("ok", "ok", "ok", "ok", "ok", "NOT_FOUND"),
  },
  {
    door: "GET /api/app/records/[id]/export (trashed)",
    mutates: false,
    send: routeWithParams(recordExportRoute),
    input: (w, i) => ({ id: w.trashed[i] }),
    expect: row("ok", "ok", "ok", "NOT_FOUND", "FORBIDDEN", "NOT_FOUND"),
  },
  { door: "GET /api/app/audit/export", mutates: false, send: route(auditExportRoute), input: () => ({}), expect: READ },
  { door: "GET /api/app/segments", mutates: false, send: route(segmentsRoute), input: () => ({}), expect: READ },
  {
    door: "GET /api/app/segments/preview",
    mutates: false,
    send: route(previewRoute),
    input: () => ({ entity: "leads", filter: { conditions: [{ field: "status", op: "equals", value: "Qualified" }] } }),
    expect: READ,
  },
  {
    door: "action createApiKey",
    mutates: true,
    send: action(createApiKeyAction),
    input: () => ({ name: "Zapier" }),
    // A VIEWER gets a read-only key.
    expect: row("ok", "ok", "ok", "ok", "ok", "elsewhere"),
  },
  // Someone else's key answers like an unknown one; only the OWNER may revoke any.
  {
    door: "action revokeApiKey",
    mutates: true,
    send: action(revokeApiKeyAction),
    input: (w, i) => ({ id: w.apiKey[i] }),
    expect: row("ok", "NOT_FOUND", "ok", "NOT_FOUND", "NOT_FOUND", "NOT_FOUND"),
  },
  {
    door: "GET /api/app/api-keys",
    mutates: false,
    send: route(apiKeysRoute),
    input: () => ({}),
    expect: READ,
  },
  // The purge digest's webhook: ADMIN+; the other workspace has none.
  {
    door: "action saveWebhook",
    mutates: true,
    send: action(saveWebhookAction),
    input: () => ({ url: "https://hooks.example.com/trash" }),
    expect: row("ok", "ok", "FORBIDDEN", "FORBIDDEN", "FORBIDDEN", "elsewhere"),
  },
  {
    door: "action revealWebhookSecret",
    // Showing the secret writes an audit entry (webhook.reveal_secret).
    mutates: true,
    send: action(revealWebhookSecretAction),
    input: () => ({}),
    expect: row("ok", "ok", "FORBIDDEN", "FORBIDDEN", "FORBIDDEN", "NOT_FOUND"),
  },
  {
    door: "action rotateWebhookSecret",
    mutates: true,
    send: action(rotateWebhookSecretAction),
    input: () => ({}),
    expect: row("ok", "ok", "FORBIDDEN", "FORBIDDEN", "FORBIDDEN", "NOT_FOUND"),
  },
  {
    door: "action sendDigestNow",
    mutates: true,
    send: action(sendDigestNowAction),
    input: () => ({}),
    expect: row("ok", "ok", "FORBIDDEN", "FORBIDDEN", "FORBIDDEN", "NOT_FOUND"),
  },
  {
    door: "action removeWebhook",
    mutates: true,
    send: action(removeWebhookAction),
    input: () => ({}),
    expect: row("ok", "ok", "FORBIDDEN", "FORBIDDEN", "FORBIDDEN", "NOT_FOUND"),
  },
  // Members (semantics 16): ADMIN+ for MEMBERs and VIEWERs; another workspace's people answer not found.
  {
    door: "action inviteMember",
    mutates: true,
    send: action(inviteMemberAction),
    input: () => ({ email: "new-person@test.example", role: "MEMBER" }),
    expect: row("ok", "ok", "FORBIDDEN", "FORBIDDEN", "FORBIDDEN", "elsewhere"),
  },
  {
    door: "action revokeInvitation",
    mutates: true,
    send: action(revokeInvitationAction),
    input: (w) => ({ id: w.invitation }),
    expect: row("ok", "ok", "FORBIDDEN", "FORBIDDEN", "FORBIDDEN", "NOT_FOUND"),
  },
  {
    door: "action changeMemberRole",
    mutates: true,
    send: action(changeMemberRoleAction),
    input: (w) => ({ userId: w.ws.actors.member2.userId, role: "VIEWER" }),
    expect: row("ok", "ok", "FORBIDDEN", "FORBIDDEN", "FORBIDDEN", "NOT_FOUND"),
  },
  {
    door: "action removeMember",
    mutates: true,
    send: action(removeMemberAction),
    input: (w) => ({ userId: w.ws.actors.member2.userId }),
    expect: row("ok", "ok", "FORBIDDEN", "FORBIDDEN", "FORBIDDEN", "NOT_FOUND"),
  },
  {
    door: "action transferOwnership",
    mutates: true,
    send: action(transferOwnershipAction),
    input: (w) => ({ userId: w.ws.actors.admin.userId }),
    expect: row("ok", "FORBIDDEN", "FORBIDDEN", "FORBIDDEN", "FORBIDDEN", "NOT_FOUND"),
  },
  {
    door: "action issuePasswordReset",
    mutates: true,
    send: action(issuePasswordResetAction),
    input: (w) => ({ userId: w.ws.actors.viewer.userId }),
    expect: row("ok", "ok", "FORBIDDEN", "FORBIDDEN", "FORBIDDEN", "NOT_FOUND"),
  },
  // Your account (semantics 18): everyone's own; another workspace's owner changes only themselves.
  {
    door: "action updateName",
    mutates: true,
    send: action(updateNameAction),
    input: () => ({ name: "Renamed Person" }),
    expect: row("ok", "ok", "ok", "ok", "ok", "elsewhere"),
  },
  {
    door: "action changePassword",
    mutates: true,
    send: action(changePasswordAction),
    input: () => ({ currentPassword: TEST_PASSWORD, newPassword: "copper lantern orbit" }),
    expect: row("ok", "ok", "ok", "ok", "ok", "elsewhere"),
  },
  {
    door: "action signOutEverywhere",
    mutates: true,
    send: action(signOutEverywhereAction),
    input: () => ({}),
    expect: row("ok", "ok", "ok", "ok", "ok", "elsewhere"),
  },
  {
    door: "action switchWorkspace",
    mutates: false,
    send: action(switchWorkspaceAction),
    input: (w) => ({ workspaceId: w.ws.id }),
    expect: row("ok", "ok", "ok", "ok", "ok", "NOT_FOUND"),
  },
  // The doors of people not signed in: the secret in the input is the key, so everyone alike is refused a wrong one.
  {
    door: "action setup (installed)",
    mutates: false,
    send: action(setupAction),
    input: () => ({
      workspaceName: "Late",
      name: "Late Owner",
      email: "late@test.example",
      password: "copper lantern orbit",
      code: "wrong",
    }),
    expect: row("NOT_FOUND", "NOT_FOUND", "NOT_FOUND", "NOT_FOUND", "NOT_FOUND", "NOT_FOUND", "NOT_FOUND"),
  },
  {
    door: "action acceptInvitation (unknown token)",
    mutates: false,
    send: action(acceptInvitationAction),
    input: () => ({ token: "not-a-real-token", name: "Guess", password: "copper lantern orbit" }),
    expect: row("NOT_FOUND", "NOT_FOUND", "NOT_FOUND", "NOT_FOUND", "NOT_FOUND", "NOT_FOUND", "NOT_FOUND"),
  },
  {
    door: "action resetPassword (unknown token)",
    mutates: false,
    send: action(resetPasswordAction),
    input: () => ({ token: "not-a-real-token", password: "copper lantern orbit" }),
    expect: row("NOT_FOUND", "NOT_FOUND", "NOT_FOUND", "NOT_FOUND", "NOT_FOUND", "NOT_FOUND", "NOT_FOUND"),
  },
  // Create and edit (MEMBER+): any live record of the workspace; another workspace's is unknown.
  {
    door: "action createRecord",
    mutates: true,
    send: action(createRecordAction),
    input: () => ({ entity: "leads", name: "New lead", phoneNumber: "+49 30 1234567" }),
    expect: row("ok", "ok", "ok", "ok", "FORBIDDEN", "elsewhere"),
  },
  {
    door: "action updateRecord",
    mutates: true,
    send: action(updateRecordAction),
    input: (w, i) => ({ id: w.live[i], name: "Renamed", attributes: { status: "New" } }),
    expect: row("ok", "ok", "ok", "ok", "FORBIDDEN", "NOT_FOUND"),
  },
  {
    door: "action addNote",
    mutates: true,
    send: action(addNoteAction),
    input: (w, i) => ({ id: w.live[i], body: "Called back" }),
    expect: row("ok", "ok", "ok", "ok", "FORBIDDEN", "NOT_FOUND"),
  },
  // Settings → Fields: ADMIN+; another workspace's field is unknown.
  {
    door: "action addField",
    mutates: true,
    send: action(addFieldAction),
    input: () => ({ entity: "leads", name: "tier", label: "Tier", type: "SELECT", options: ["Gold"] }),
    expect: row("ok", "ok", "FORBIDDEN", "FORBIDDEN", "FORBIDDEN", "elsewhere"),
  },
  {
    door: "action updateField",
    mutates: true,
    send: action(updateFieldAction),
    input: (w, i) => ({ id: w.field[i], label: "Stage", addOptions: ["Won"] }),
    expect: row("ok", "ok", "FORBIDDEN", "FORBIDDEN", "FORBIDDEN", "NOT_FOUND"),
  },
  // CSV import (MEMBER+): any member's import of the workspace; another workspace's is unknown.
  {
    door: "route POST /api/app/imports/upload",
    mutates: true,
    send: async (raw, caller) => {
      setSession(caller);
      const request = new Request(`http://localhost/api/app/imports/upload?${toQuery(raw)}`, {
        method: "POST",
        body: "Name,Phone\nAda Upload,+49 30 7654321\n",
      });
      return responseAnswer(await importUploadRoute(request));
    },
    input: () => ({ entity: "leads", name: "leads.csv" }),
    expect: row("ok", "ok", "ok", "ok", "FORBIDDEN", "elsewhere"),
  },
  {
    door: "route GET /api/app/imports/[id]",
    mutates: false,
    send: routeWithParams(importRoute),
    input: (w, i) => ({ id: w.importJob[i] }),
    expect: row("ok", "ok", "ok", "ok", "FORBIDDEN", "NOT_FOUND"),
  },
  {
    door: "route GET /api/app/imports/[id]/failures",
    mutates: false,
    send: routeWithParams(importFailuresRoute),
    input: (w, i) => ({ id: w.importJob[i] }),
    expect: row("ok", "ok", "ok", "ok", "FORBIDDEN", "NOT_FOUND"),
  },
  {
    door: "action previewImport",
    mutates: false,
    send: action(previewImportAction),
    input: (w, i) => ({ id: w.importJob[i], mapping: { Name: "name" }, mode: "upsert" }),
    expect: row("ok", "ok", "ok", "ok", "FORBIDDEN", "NOT_FOUND"),
  },
  {
    door: "action dryRunImport",
    mutates: false,
    send: action(dryRunImportAction),
    input: (w, i) => ({ id: w.importJob[i], mapping: { Name: "name", Phone: "phoneNumber" }, mode: "create" }),
    expect: row("ok", "ok", "ok", "ok", "FORBIDDEN", "NOT_FOUND"),
  },
  {
    door: "action startImport",
    mutates: true,
    send: action(startImportAction),
    input: (w, i) => ({ id: w.importJob[i], mapping: { Name: "name", Phone: "phoneNumber" }, mode: "upsert" }),
    expect: row("ok", "ok", "ok", "ok", "FORBIDDEN", "NOT_FOUND"),
  },
  {
    door: "action cancelImport",
    mutates: true,
    send: action(cancelImportAction),
    input: (w, i) => ({ id: w.importJob[i] }),
    expect: row("ok", "ok", "ok", "ok", "FORBIDDEN", "NOT_FOUND"),
  },
  ...API_DOOR_ROWS,
];
