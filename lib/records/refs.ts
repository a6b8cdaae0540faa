import type { Prisma } from "@/generated/prisma/client";
import type { Actor } from "@/lib/actor";
import { db } from "@/lib/db/client";
import type { ErrorCode } from "@/lib/errors";
import { failure, NOT_FOUND_MESSAGE, type BulkResult } from "./bulk-result";
import { LIVE } from "./live";
import { normalizePhone } from "./search";

// API clients name a record by its string id or its number (Zoho speaks only numbers), and
// Talkdesk-style clients by phone number or external id. These resolve what they sent to
// record ids in one query, then a domain bulk call does the work on the ids.

const RECORD_NUMBER = /^[1-9][0-9]{0,18}$/;
const MAX_RECORD_NUMBER = 2n ** 63n - 1n;

/** A positive integer below 2^63 written in digits: a record number rather than a string id. */
export function isRecordNumber(ref: string): boolean {
  return RECORD_NUMBER.test(ref) && BigInt(ref) <= MAX_RECORD_NUMBER;
}

/** What one named record came to in a bulk call, in request order. */
export interface RefOutcome {
  /** The identifier as the client gave it. */
  ref: string;
  /** The record it named, when it named one. */
  id: string | null;
  recordNumber: bigint | null;
  entityId: string | null;
  ok: boolean;
  code?: ErrorCode;
  message?: string;
}

export interface RefRun {
  outcomes: RefOutcome[];
  /** How many distinct records the call changed. */
  changed: number;
  /** Which: every record the call changed, once each. */
  changedIds: string[];
}

type NamedRecord = { id: string; recordNumber: bigint; entityId: string };

/**
 * Runs a bulk domain call on the records the refs name (`named[i]`: those refs[i] names); a
 * ref naming none fails as not found, as given.
 */
async function runOnNamed(
  refs: string[],
  named: NamedRecord[][],
  run: (ids: string[]) => Promise<BulkResult>,
): Promise<RefRun> {
  const ids = [...new Set(named.flat().map((n) => n.id))];
  const result = ids.length ? await run(ids) : { succeeded: [], failed: [] };
  const done = new Set(result.succeeded);
  const failedById = new Map(result.failed.map((f) => [f.id, f]));
  const outcomes = refs.map((ref, i): RefOutcome => {
    const records = named[i]!;
    if (!records.length)
      return {
        ref,
        id: null,
        recordNumber: null,
        entityId: null,
        ok: false,
        code: "NOT_FOUND",
        message: NOT_FOUND_MESSAGE,
      };
    const bad = records.find((r) => !done.has(r.id));
    const first = bad ?? records[0]!;
    if (!bad) return { ref, id: first.id, recordNumber: first.recordNumber, entityId: first.entityId, ok: true };
    const why = failedById.get(bad.id) ?? failure(bad.id, "NOT_FOUND", NOT_FOUND_MESSAGE);
    return {
      ref,
      id: bad.id,
      recordNumber: bad.recordNumber,
      entityId: bad.entityId,
      ok: false,
      code: why.code,
      message: why.message,
    };
  });
  return { outcomes, changed: result.succeeded.length, changedIds: result.succeeded };
}

/**
 * Records named by string id or number, in the caller's workspace (and entity, when given),
 * live or trashed: the domain call decides what each state means.
 */
export async function runOnRecordRefs(
  actor: Actor,
  refs: string[],
  entityId: string | null,
  run: (ids: string[]) => Promise<BulkResult>,
): Promise<RefRun> {
  const numbers = refs.filter(isRecordNumber).map((r) => BigInt(r));
  const rows = await db().record.findMany({
    where: {
      workspaceId: actor.workspaceId,
      ...(entityId ? { entityId } : {}),
      OR: [{ id: { in: refs } }, ...(numbers.length ? [{ recordNumber: { in: numbers } }] : [])],
    },
    select: { id: true, recordNumber: true, entityId: true },
  });
  const byId = new Map(rows.map((r) => [r.id, r]));
  const byNumber = new Map(rows.map((r) => [r.recordNumber.toString(), r]));
  const named = refs.map((ref) => {
    const row = byId.get(ref) ?? (isRecordNumber(ref) ? byNumber.get(BigInt(ref).toString()) : undefined);
    return row ? [row] : [];
  });
  return runOnNamed(refs, named, run);
}

export type RecordIdentifier = { phoneNumber: string } | { externalProvider: string; externalId: string };

/** An identifier as the client gave it, as a failure names it. */
export function identifierText(identifier: RecordIdentifier): string {
  return "phoneNumber" in identifier ? identifier.phoneNumber : identifier.externalId;
}

/**
 * Live records of one entity named by phone number (normalised to E.164 as search does) or by
 * external provider and id, resolved in one query. Every live record an identifier names is in
 * the call; an identifier naming none fails as given.
 */
export async function runOnIdentifiers(
  actor: Actor,
  entityId: string,
  identifiers: RecordIdentifier[],
  run: (ids: string[]) => Promise<BulkResult>,
): Promise<RefRun> {
  const phones = identifiers.flatMap((i) => ("phoneNumber" in i ? [normalizePhone(i.phoneNumber)] : []));
  const externals = identifiers.flatMap((i) =>
    "externalId" in i ? [{ externalProvider: i.externalProvider, externalId: i.externalId }] : [],
  );
  const or: Prisma.RecordWhereInput[] = [...(phones.length ? [{ phoneNumber: { in: phones } }] : []), ...externals];
  const rows = await db().record.findMany({
    where: { workspaceId: actor.workspaceId, entityId, ...LIVE, OR: or },
    select: {
      id: true,
      recordNumber: true,
      entityId: true,
      phoneNumber: true,
      externalProvider: true,
      externalId: true,
    },
  });
  const refs = identifiers.map(identifierText);
  const keyOf = (i: RecordIdentifier) =>
    "phoneNumber" in i ? `p|${normalizePhone(i.phoneNumber)}` : `x|${i.externalProvider}|${i.externalId}`;
  const byKey = new Map<string, NamedRecord[]>();
  for (const r of rows) {
    const keys = [
      r.phoneNumber !== null ? `p|${r.phoneNumber}` : null,
      r.externalId !== null ? `x|${r.externalProvider}|${r.externalId}` : null,
    ];
    for (const key of keys)
      if (key)
        byKey.set(key, [...(byKey.get(key) ?? []), { id: r.id, recordNumber: r.recordNumber, entityId: r.entityId }]);
  }
  return runOnNamed(
    refs,
    identifiers.map((i) => byKey.get(keyOf(i)) ?? []),
    run,
  );
}
