import { Readable } from "node:stream";
import { describe, expect, it } from "vitest";
import { db } from "@/lib/db/client";
import { withTestDatabase } from "@/test/db";
import { declareFields, makeWorkspace, NOW, type TestWorkspace } from "@/test/fixtures";
import { detectDelimiter, importCsv, scanCsv } from "./csv";
import { csvCell } from "@/lib/export/csv-cell";
import { failuresCsv } from "./failures";
import { bigFile } from "@/test/import-file";

withTestDatabase();

const fileOf = (text: string | Buffer) => Readable.from([Buffer.isBuffer(text) ? text : Buffer.from(text, "utf8")]);

async function workspace(): Promise<TestWorkspace> {
  const ws = await makeWorkspace();
  await declareFields(ws, "leads", [
    { name: "company", label: "Company", type: "TEXT" },
    { name: "score", label: "Score", type: "NUMBER" },
  ]);
  return ws;
}

describe("CSV import: streamed, in chunks, every failed row by line", () => {
  it("imports 2,000 rows with 7 bad ones: 1,993 created, 7 failed with their lines; re-running as upsert updates and creates nothing", async () => {
    const ws = await workspace();
    const { text, bad } = bigFile();
    const first = await importCsv(ws.actors.member, { entity: "leads", mode: "upsert" }, fileOf(text), NOW);
    expect(first).toMatchObject({ created: 1993, updated: 0, skipped: 0 });
    expect(first.failed.map((f) => f.line)).toEqual(bad.sort((a, b) => a - b));
    expect(first.failed.map((f) => f.reason)).toEqual(
      expect.arrayContaining([
        "name: Give the record a name",
        expect.stringContaining("phoneNumber: Give the number in international form"),
        "This row has 7 cells; the header has 6.",
      ]),
    );
    expect(await db().record.count({ where: { workspaceId: ws.id } })).toBe(1993);
    const quoted = await db().record.findFirstOrThrow({ where: { workspaceId: ws.id, externalId: "ext-1" } });
    expect(quoted).toMatchObject({
      name: "Quoted, Person 1",
      phoneNumber: "+49301000001",
      attributes: { company: "Acme, Inc.\nBerlin", score: 1 },
    });
    // One audit entry per chunk of 1,000.
    expect(await db().auditLog.count({ where: { workspaceId: ws.id, action: "records.create" } })).toBe(2);

    const again = await importCsv(ws.actors.member, { entity: "leads", mode: "upsert" }, fileOf(text), NOW);
    expect(again).toMatchObject({ created: 0, updated: 1993 });
    expect(await db().record.count({ where: { workspaceId: ws.id } })).toBe(1993);
  }, 180_000);

  it("reads `;` and tab files, skips blank rows, and maps columns by field label", async () => {
    expect(detectDelimiter('name;"a,b";phone')).toBe(";");
    expect(detectDelimiter("name\tphone")).toBe("\t");
    const ws = await workspace();
    const semi = await importCsv(
      ws.actors.member,
      { entity: "leads", mode: "create" },
      fileOf("name;company\nAda;Analytical, Ltd\n;\n"),
      NOW,
    );
    expect(semi).toMatchObject({
      created: 1,
      skipped: 1,
      failed: [],
      columns: { name: "name", company: "attributes.company" },
    });
    const tab = await importCsv(
      ws.actors.member,
      { entity: "leads", mode: "create" },
      fileOf("Name\tScore\nGrace\t7\n"),
      NOW,
    );
    expect(tab).toMatchObject({ created: 1, failed: [] });
    expect(await db().record.findFirstOrThrow({ where: { workspaceId: ws.id, name: "Grace" } })).toMatchObject({
      attributes: { score: 7 },
    });
  });

  it("refuses a file without a name column, one that is not UTF-8, and a viewer — writing nothing", async () => {
    const ws = await workspace();
    const create = { entity: "leads", mode: "create" as const };
    await expect(
      importCsv(ws.actors.member, create, fileOf("phone,company\n+4930123456,X\n"), NOW),
    ).rejects.toMatchObject({
      code: "VALIDATION",
      message: expect.stringContaining("no name column"),
    });
    const latin1 = Buffer.from("name,company\nJos\xe9,M\xfcller\n", "latin1");
    await expect(importCsv(ws.actors.member, create, fileOf(latin1), NOW)).rejects.toMatchObject({
      code: "VALIDATION",
      message: expect.stringContaining("not UTF-8"),
    });
    await expect(importCsv(ws.actors.viewer, create, fileOf("name\nA\n"), NOW)).rejects.toMatchObject({
      code: "FORBIDDEN",
    });
    expect(await db().record.count({ where: { workspaceId: ws.id } })).toBe(0);
  });

  it("checks UTF-8 across reads: a character split between two reads is fine, a bad byte deep in a big file is refused", async () => {
    const good = `name,company\n${"Zoë Ångström,Müller 😀\n".repeat(3_000)}`;
    // Reads of 7 bytes split the two-, three- and four-byte characters between reads.
    const bytes = Buffer.from(good, "utf8");
    const sevens = Readable.from(
      Array.from({ length: Math.ceil(bytes.length / 7) }, (_, i) => bytes.subarray(i * 7, i * 7 + 7)),
    );
    const scan = await scanCsv(sevens);
    expect(scan.rows).toBe(3_000);
    expect(scan.preview[0]!.cells).toEqual(["Zoë Ångström", "Müller 😀"]);
    // A latin-1 byte after 100 KB: refused with the file's error (it once could only be seen in the first read).
    const late = () => Readable.from([bytes, Buffer.from("Jos\xe9,X\n", "latin1")]);
    await expect(scanCsv(late())).rejects.toMatchObject({
      code: "VALIDATION",
      message: expect.stringContaining("not UTF-8"),
    });
    const ws = await workspace();
    await expect(importCsv(ws.actors.member, { entity: "leads", mode: "create" }, late(), NOW)).rejects.toMatchObject({
      code: "VALIDATION",
    });
    // A file cut inside a character is not UTF-8 either.
    await expect(scanCsv(Readable.from([bytes.subarray(0, bytes.length - 2)]))).rejects.toMatchObject({
      code: "VALIDATION",
    });
  });
});

describe("the failed rows as CSV", () => {
  it("lists line and reason, and neutralises anything a spreadsheet would run as a formula", () => {
    expect(
      failuresCsv([
        { line: 3, reason: "name: Give the record a name" },
        { line: 9, reason: '=HYPERLINK("http://evil")' },
        { line: 12, reason: "-2+3" },
        { line: 14, reason: "@SUM(A1)" },
      ]),
    ).toBe(
      'line,reason\n3,name: Give the record a name\n9,"\'=HYPERLINK(""http://evil"")"\n12,\'-2+3\n14,\'@SUM(A1)\n',
    );
    expect(csvCell("\tcmd")).toBe("'\tcmd");
    expect(csvCell("Ada")).toBe("Ada");
  });
});
