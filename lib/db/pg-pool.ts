import pg from "pg";

// Prisma's adapter-pg cannot deserialize columns of type `name` (OID 19), which the
// catalog queries of `prisma migrate` return (prisma/orm#27403). Reporting them as
// text (OID 25) is enough; the values are already strings.
const NAME_OID = 19;
const TEXT_OID = 25;

function patchFields(result: unknown): void {
  const results = Array.isArray(result) ? result : [result];
  for (const r of results) {
    const fields = (r as pg.QueryResult | undefined)?.fields;
    if (!fields) continue;
    for (const field of fields) if (field.dataTypeID === NAME_OID) field.dataTypeID = TEXT_OID;
  }
}

class NameAsTextClient extends pg.Client {
  // eslint-disable-next-line @typescript-eslint/no-explicit-any -- pg's query() has many overloads
  override query(...args: any[]): any {
    const last = args[args.length - 1];
    if (typeof last === "function") {
      args[args.length - 1] = (err: Error, res: unknown) => {
        if (!err) patchFields(res);
        last(err, res);
      };
      // eslint-disable-next-line @typescript-eslint/no-explicit-any
      return (super.query as any)(...args);
    }
    // eslint-disable-next-line @typescript-eslint/no-explicit-any
    const out = (super.query as any)(...args);
    if (out && typeof out.then === "function") {
      return out.then((res: unknown) => {
        patchFields(res);
        return res;
      });
    }
    return out;
  }
}

export function createPgPool(url: string, schema: string, max = 10): pg.Pool {
  return new pg.Pool({
    connectionString: url,
    max,
    Client: NameAsTextClient,
    options: `-c search_path="${schema}"`,
  });
}
