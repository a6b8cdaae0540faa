// The import tests' file (vitest and e2e): a BOM, quoted commas and a line break in a cell, and
// 7 bad rows among 2,000 — 3 without a name, 3 with a phone that is no number, 1 with a cell too many.
// Declared fields it expects on leads: company (text), score (number).

/** 2,000 rows, 7 of them bad; `bad` holds their line numbers. */
export function bigFile(prefix = "ext"): { text: string; bad: number[] } {
  const lines = ["\uFEFFName,Phone,External ID,Provider,Company,Score"];
  const bad: number[] = [];
  let line = 1;
  for (let i = 0; i < 2000; i++) {
    line += 1;
    if (i % 300 === 7 && bad.length < 3) {
      bad.push(line);
      lines.push(`,+4930${1000000 + i},${prefix}-${i},crm,Nameless,1`);
    } else if (i % 300 === 150 && bad.length < 6) {
      bad.push(line);
      lines.push(`Bad Phone ${i},call me maybe,${prefix}-${i},crm,X,2`);
    } else if (i === 1999) {
      bad.push(line);
      lines.push(`Too Many ${i},,${prefix}-${i},crm,X,3,surplus`);
    } else if (i % 500 === 1) {
      // Quoted commas and a line break inside a cell: one record over two lines.
      lines.push(`"Quoted, Person ${i}",+4930${1000000 + i},${prefix}-${i},crm,"Acme, Inc.\nBerlin",${i}`);
      line += 1;
    } else lines.push(`Person ${i},+4930${1000000 + i},${prefix}-${i},crm,Acme,${i}`);
  }
  return { text: lines.join("\r\n") + "\r\n", bad };
}
