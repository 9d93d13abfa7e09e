/**
 * A pull page's response body, written as UTF-8 bytes once: the records' JSON arrives from
 * PostgreSQL as strings (a page of a thousand case records is about 1.5 MB), and joined into one
 * string it was flattened, measured for its Content-Length and encoded again on the socket, which
 * took the hub more CPU than reading the page from PostgreSQL.
 */
export function pageBody(
  records: readonly string[],
  page: { cursor: string; more: boolean; remaining: number },
): Buffer {
  const head = '{"records":[';
  const tail = `],"cursor":${JSON.stringify(page.cursor)},"more":${page.more},"remaining":${page.remaining}}`;
  // A UTF-16 code unit takes at most 3 bytes in UTF-8 (a surrogate pair, two units, takes 4).
  let most = head.length + records.length + Buffer.byteLength(tail);
  for (const record of records) most += record.length * 3;
  const body = Buffer.allocUnsafe(most);
  let end = body.write(head, 0, 'utf8');
  for (const [i, record] of records.entries()) {
    if (i > 0) end += body.write(',', end, 'latin1');
    end += body.write(record, end, 'utf8');
  }
  end += body.write(tail, end, 'utf8');
  // Copied to its size: a slice would keep the whole estimate (three times the page) alive while
  // the response is in flight.
  const exact = Buffer.allocUnsafe(end);
  body.copy(exact, 0, 0, end);
  return exact;
}
