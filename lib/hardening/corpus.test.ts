import { describe, expect, it, vi } from "vitest";
import { ERROR_CODES } from "@/lib/errors";
import { withTestDatabase } from "@/test/db";
import { buildWorld, callerOf, snapshot, type World } from "@/test/doors";

// The hostile-input corpus, run against every door of test/door-rows.ts (so REST API rows
// added there are covered too), as the most powerful caller (the OWNER). Every answer is a
// clear 4xx with a known code and message, or — for input that is merely odd but valid, such
// as SQL-looking text — an ordinary answer; never a 5xx; a refused call changes nothing.
vi.mock("@/lib/auth/session-token", () => ({
  readSessionToken: async () => (globalThis as { __testSession?: unknown }).__testSession ?? null,
}));
const { DOOR_ROWS } = await import("@/test/door-rows");

withTestDatabase();

const MB = "x".repeat(1024 * 1024);
const many = (n: number) => Array.from({ length: n }, (_, i) => `id-${i}`);

/** Values put in place of each field of a door's valid input. */
const HOSTILE_VALUES: [string, unknown][] = [
  ["null", null],
  ["undefined", undefined],
  ["a number", 42],
  ["NaN", Number.NaN],
  ["a boolean", true],
  ["an object", { a: 1 }],
  ["an empty array", []],
  ["an empty string", ""],
  ["whitespace", " \t\n "],
  ["a 1 MB string", MB],
  ["1001 ids", many(1001)],
  ["10,000 ids", many(10_000)],
  ["a 1 MB id in an array", [MB]],
  ["duplicate ids", ["dup", "dup", "dup"]],
  ["ids of wrong types", [1, null, {}, []]],
  ["control characters", "a\u0000b\u0007c\u001b[31m"],
  ["unicode", "Ω≈ç√ 🙂 \u202e\u200b עברית"],
  ["SQL-looking text", '\'; DROP TABLE "Record"; --'],
  ["SQL in an array", ["' OR '1'='1", '1; DELETE FROM "Record"']],
  ["a prototype key", JSON.parse('{"__proto__":{"polluted":true}}')],
  ["a constructor key", { constructor: { prototype: { polluted: true } } }],
  ["a bad cursor", "garbage!!"],
  ["a huge number", 1e308],
  ["a negative number", -1],
  ["a float", 1.5],
  ["a date far out of range", "+275760-09-13T00:00:00.000Z"],
  ["a malformed uuid", "not-a-uuid"],
];

/** Whole inputs sent in place of the door's input. */
const HOSTILE_INPUTS: [string, unknown][] = [
  ["undefined", undefined],
  ["null", null],
  ["a string", "ids"],
  ["a number", 7],
  ["an array", [{ ids: ["x"] }]],
  ["{}", {}],
  [
    "a prototype-polluting object",
    JSON.parse('{"__proto__":{"ids":["x"],"role":"OWNER"},"constructor":{"prototype":{"isAdmin":true}}}'),
  ],
  ["a 1 MB key", { [MB]: 1 }],
  ["extra unknown keys", { ids: ["x"], workspaceId: "other", role: "OWNER", userId: "x" }],
];

function corpusFor(w: World, input: unknown): [string, unknown][] {
  const fields = input && typeof input === "object" ? Object.keys(input) : [];
  return [
    ...HOSTILE_INPUTS,
    ...fields.flatMap((field) =>
      HOSTILE_VALUES.map(([label, value]): [string, unknown] => [
        `${field} = ${label}`,
        { ...(input as object), [field]: value },
      ]),
    ),
  ];
}

const size = DOOR_ROWS.reduce(
  (n, row) =>
    n +
    HOSTILE_INPUTS.length +
    Object.keys(
      (row.input(
        {
          live: {},
          trashed: {},
          batch: {},
          segment: {},
          selection: { own: {}, other: {} },
          apiKey: {},
          ws: { id: "", actors: { owner: {}, admin: {}, member2: {}, viewer: {} } },
          field: {},
          importJob: {},
        } as never,
        "own",
      ) as object) ?? {},
    ).length *
      HOSTILE_VALUES.length,
  0,
);

describe(`hostile-input corpus: ${size} requests over ${DOOR_ROWS.length} doors`, () => {
  it.each(DOOR_ROWS.map((row) => ({ door: row.door, row })))(
    "$door: a clear 4xx or an ordinary answer, never a 5xx; refused changes nothing",
    async ({ row }) => {
      const w = await buildWorld();
      const caller = callerOf(w, "owner");
      const failures: string[] = [];
      for (const [label, raw] of corpusFor(w, row.input(w, "own"))) {
        const before = await snapshot(w);
        const answer = await row.send(raw, caller);
        if (answer.status >= 500) failures.push(`${label}: ${answer.status} ${answer.code} ${answer.message}`);
        else if (answer.status >= 400) {
          if (!(ERROR_CODES as readonly string[]).includes(answer.code ?? "") || !answer.message)
            failures.push(`${label}: ${answer.status} without a code and message`);
          if ((await snapshot(w)) !== before) failures.push(`${label}: refused (${answer.code}) but changed something`);
        }
        // Whatever happened, nothing leaked into the prototype of every object.
        if (({} as Record<string, unknown>).polluted || ({} as Record<string, unknown>).isAdmin)
          failures.push(`${label}: Object.prototype polluted`);
      }
      expect(failures).toEqual([]);
    },
    120_000,
  );
});
