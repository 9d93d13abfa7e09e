import { createHash, randomUUID } from 'node:crypto';
import { existsSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, expect, it } from 'vitest';
import {
  BLOB_CHUNK_MAX,
  BLOB_OFFSET_HEADER,
  BLOB_SIZE_MAX,
  BLOB_STATE_HEADER,
  SYNC_PATHS,
  formatContentRange,
} from '@shared/sync/blob-contract';
import {
  HUB_PATHS,
  HUB_PROTOCOL_VERSION,
  PROTOCOL_HEADER,
  bearer,
} from '@shared/sync/hub-contract';
import { describeOnBackends, useDatabase } from '../test/hub-backends';
import { startTestHub, type TestHub } from '../test/test-hub';

const sha256 = (bytes: Buffer) => createHash('sha256').update(bytes).digest('hex');

/** A scanned page as a terminal stores it: a PDF a little over two chunks long. */
function scannedPdf(size = 2 * BLOB_CHUNK_MAX + 1234): Buffer {
  const bytes = Buffer.alloc(size, 0x20);
  bytes.write('%PDF-1.7\n', 0, 'latin1');
  bytes.write(randomUUID(), 100, 'latin1');
  return bytes;
}

function files(dir: string): string[] {
  return existsSync(dir) ? readdirSync(dir, { recursive: true, encoding: 'utf8' }) : [];
}

describeOnBackends('attachment files', (backend) => {
  const db = useDatabase(backend);
  let hub: TestHub;
  afterEach(() => hub.close());

  interface Terminal {
    token: string;
    unitId: string;
  }

  async function county(): Promise<{ east: Terminal; eastSecond: Terminal; north: Terminal }> {
    hub = await startTestHub(db());
    const centre = (await hub.enrol(hub.firstCode)).body.token as string;
    const join = async (unitCode: string): Promise<Terminal> => {
      const code = await hub.call('POST', HUB_PATHS.adminEnrolmentCodes, {
        token: centre,
        body: { orgUnitCode: unitCode },
      });
      const enrolled = (await hub.enrol(code.body.code)).body;
      return { token: enrolled.token, unitId: enrolled.orgUnit.id };
    };
    return {
      east: await join(`${hub.countyCode}001`),
      eastSecond: await join(`${hub.countyCode}001`),
      north: await join(`${hub.countyCode}002`),
    };
  }

  function put(token: string, hash: string, bytes: Buffer, start: number, total: number) {
    return hub.app.inject({
      method: 'PUT',
      url: SYNC_PATHS.blob(hash),
      headers: {
        [PROTOCOL_HEADER]: String(HUB_PROTOCOL_VERSION),
        authorization: bearer(token),
        'content-type': 'application/octet-stream',
        'content-range': formatContentRange({ start, end: start + bytes.length - 1, total }),
      },
      payload: bytes,
    });
  }

  function request(method: 'HEAD' | 'GET', token: string, hash: string) {
    return hub.app.inject({
      method,
      url: SYNC_PATHS.blob(hash),
      headers: { [PROTOCOL_HEADER]: String(HUB_PROTOCOL_VERSION), authorization: bearer(token) },
    });
  }

  /** Uploads the whole file in chunks from `from`, as the terminal's uploader does. */
  async function upload(token: string, bytes: Buffer, from = 0, hash = sha256(bytes)) {
    let last;
    for (let start = from; start < bytes.length; start += BLOB_CHUNK_MAX) {
      last = await put(
        token,
        hash,
        bytes.subarray(start, start + BLOB_CHUNK_MAX),
        start,
        bytes.length,
      );
      if (last.statusCode !== 200) return last;
    }
    return last!;
  }

  /** What the push leaves on the hub for an attachment of `unitId`'s case (wt-hubpush writes these). */
  async function attachmentOfCase(unitId: string, hash: string): Promise<void> {
    const caseId = randomUUID();
    const attachmentId = randomUUID();
    await db()
      .insertInto('sync_records')
      .values({
        county_code: hub.countyCode,
        table_name: 'attachments',
        record_id: attachmentId,
        org_unit_id: unitId,
        root_table: 'cases',
        root_id: caseId,
        version: '0001',
        columns: JSON.stringify({ id: attachmentId, case_id: caseId, sha256: hash }),
        field_versions: JSON.stringify({}),
        deleted: false,
        change_seq: 1,
        origin_terminal_id: 'terminal',
        updated_at: new Date(),
      })
      .execute();
    await db()
      .insertInto('sync_visibility')
      .values({ county_code: hub.countyCode, root_id: caseId, unit_id: unitId, access: 'owner' })
      .execute();
  }

  it('resumes an upload cut midway from the offset the hub holds, and serves the checked file', async () => {
    const { east, eastSecond } = await county();
    const file = scannedPdf();
    const hash = sha256(file);
    const first = await put(east.token, hash, file.subarray(0, BLOB_CHUNK_MAX), 0, file.length);
    expect(first.statusCode).toBe(200);
    expect(first.json()).toEqual({ offset: BLOB_CHUNK_MAX, complete: false });

    // The connection dropped after the first chunk: the terminal asks where to go on.
    const held = await request('HEAD', east.token, hash);
    expect(held.headers[BLOB_OFFSET_HEADER]).toBe(String(BLOB_CHUNK_MAX));
    expect(held.headers[BLOB_STATE_HEADER]).toBe('partial');

    // A chunk sent again from the start is refused with the offset to go on from, and not written.
    const again = await put(east.token, hash, file.subarray(0, BLOB_CHUNK_MAX), 0, file.length);
    expect(again.statusCode).toBe(409);
    expect(again.json().code).toBe('BLOB_OFFSET_MISMATCH');
    expect(again.headers[BLOB_OFFSET_HEADER]).toBe(String(BLOB_CHUNK_MAX));

    const rest = await upload(east.token, file, BLOB_CHUNK_MAX);
    expect(rest.statusCode).toBe(200);
    expect(rest.json()).toEqual({ offset: file.length, complete: true });
    expect((await request('HEAD', east.token, hash)).headers[BLOB_STATE_HEADER]).toBe('complete');

    await attachmentOfCase(east.unitId, hash);
    const read = await request('GET', eastSecond.token, hash);
    expect(read.statusCode).toBe(200);
    expect(read.rawPayload.equals(file)).toBe(true);
    expect(files(hub.blobsDir).filter((name) => name.endsWith('.partial'))).toEqual([]);
  });

  it('refuses a file whose bytes do not match its SHA-256 and keeps nothing of it', async () => {
    const { east } = await county();
    const file = scannedPdf();
    const hash = sha256(file);
    const damaged = Buffer.from(file);
    damaged[BLOB_CHUNK_MAX + 10] = 0x41;
    const answer = await upload(east.token, damaged, 0, hash);
    expect(answer.statusCode).toBe(422);
    expect(answer.json()).toMatchObject({ code: 'BLOB_CORRUPT' });
    const status = await request('HEAD', east.token, hash);
    expect(status.headers[BLOB_STATE_HEADER]).toBe('absent');
    expect(status.headers[BLOB_OFFSET_HEADER]).toBe('0');
    expect(files(join(hub.blobsDir, hub.countyCode)).filter((name) => name.includes(hash))).toEqual(
      [],
    );
    const stored = await db()
      .selectFrom('sync_blobs')
      .selectAll()
      .where('county_code', '=', hub.countyCode)
      .execute();
    expect(stored).toEqual([]);

    // The right bytes afterwards go through from the start.
    expect((await upload(east.token, file)).json()).toEqual({
      offset: file.length,
      complete: true,
    });
  });

  it('takes a second upload of a whole file as done, without writing it again', async () => {
    const { east, north } = await county();
    const file = scannedPdf(5000);
    const hash = sha256(file);
    expect((await upload(east.token, file)).json()).toEqual({ offset: 5000, complete: true });
    // Another township's terminal sends the same scan: the hash names the content, nothing changes.
    expect((await request('HEAD', north.token, hash)).headers[BLOB_STATE_HEADER]).toBe('complete');
    const repeat = await upload(north.token, file);
    expect(repeat.statusCode).toBe(200);
    expect(repeat.json()).toEqual({ offset: 5000, complete: true });
    const rows = await db()
      .selectFrom('sync_blobs')
      .select(['size', 'mime', 'uploaded_by_terminal_id'])
      .where('county_code', '=', hub.countyCode)
      .execute();
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({ mime: 'application/pdf' });
    expect(Number(rows[0]!.size)).toBe(5000);
  });

  it("does not give a file to a terminal of another unit, nor one nobody's record names", async () => {
    const { east, north } = await county();
    const file = scannedPdf(5000);
    const hash = sha256(file);
    await upload(east.token, file);
    // Uploaded, but no record names it yet: not even the uploader's unit reads it.
    expect((await request('GET', east.token, hash)).statusCode).toBe(404);
    await attachmentOfCase(east.unitId, hash);
    expect((await request('GET', east.token, hash)).statusCode).toBe(200);
    const other = await request('GET', north.token, hash);
    expect(other.statusCode).toBe(404);
    expect(other.json().message).toBe('县级平台上没有本单位可查看的这个附件');
  });

  it('refuses what a terminal would not take: another type, or a file over the limit', async () => {
    const { east } = await county();
    const text = Buffer.from('<html>not a scan</html>');
    const refused = await put(east.token, sha256(text), text, 0, text.length);
    expect(refused.statusCode).toBe(415);
    expect(refused.json().code).toBe('BLOB_TYPE_REFUSED');
    const huge = scannedPdf(1000);
    const tooLarge = await put(east.token, sha256(huge), huge, 0, BLOB_SIZE_MAX + 1);
    expect(tooLarge.statusCode).toBe(413);
    expect(tooLarge.json().message).toBe('附件超过 10 MB，县级平台未接收');
    const chunkTooLarge = await put(
      east.token,
      sha256(huge),
      scannedPdf(BLOB_CHUNK_MAX + 1),
      0,
      BLOB_SIZE_MAX,
    );
    expect(chunkTooLarge.statusCode).toBe(413);
    expect(files(hub.blobsDir)).toEqual([]);
  });
});
