/** A paged list's row count as the server gives it: exact, or a floor once it passes the cap. */
export interface Total {
  totalCount: number;
  totalCountCapped?: boolean;
}

/** "2,800", or "10,000+" when the server stopped counting at its cap. */
export function formatTotal({ totalCount, totalCountCapped }: Total): string {
  return `${totalCount.toLocaleString("en-US")}${totalCountCapped ? "+" : ""}`;
}

/** "1 record", "2,800 records", "10,000+ records". */
export function formatTotalOf(total: Total, one: string, many: string): string {
  return `${formatTotal(total)} ${total.totalCount === 1 && !total.totalCountCapped ? one : many}`;
}
