import { describe, expect, it } from 'vitest';
import { FsShareFolder } from '../../electron/sync/shareFolder';
import type { InquiryFields } from '../../shared/inquiry/fields';
import type { ShareFolder } from '../../shared/sync/folder';
import { asInstant } from '../../shared/time/types';
import { type Desk, openDesk, shareFiles, syncAll, tempShareEachTest } from './desks';
import { FIELDS, PASSPHRASE } from './memoryHarness';

/** Member data that must never be on the share in clear text, in the forms it could take. */
const MEMBER: InquiryFields = {
  ...FIELDS,
  memberName: 'Zebulon Quixote-Marchetti',
  medicaidId: 'QZ9876543X',
  memberDob: '1957-02-28' as InquiryFields['memberDob'],
  memberPhone: '(515) 555-0173',
  callbackPhone: '(515) 555-0174',
  receivedAt: asInstant(Date.parse('2026-11-23T19:45:00.000Z')),
};
const NEEDLES = [
  'Zebulon',
  'Quixote',
  'Marchetti',
  'QZ9876543X',
  '9876543',
  '1957-02-28',
  '02/28/1957',
  '19570228',
  '555-0173',
  '5550173',
  '5155550173',
  '555-0174',
  '5155550174',
];

/** Records every byte the app hands the folder, including files it later removes. */
class RecordingFolder implements ShareFolder {
  readonly written: Array<{ path: string; bytes: Uint8Array }> = [];
  constructor(private readonly inner: ShareFolder) {}
  list = (dir: string) => this.inner.list(dir);
  read = (p: string) => this.inner.read(p);
  writeNew = async (p: string, b: Uint8Array) => {
    this.written.push({ path: p, bytes: b.slice() });
    await this.inner.writeNew(p, b);
  };
  remove = (p: string) => this.inner.remove(p);
  probe = (p: string) => {
    this.written.push({ path: p, bytes: new Uint8Array() });
    return this.inner.probe(p);
  };
}

/** The needles found in some bytes, as UTF-8 or UTF-16, any case. */
function findings(bytes: Uint8Array): string[] {
  const text8 = Buffer.from(bytes).toString('latin1').toLowerCase();
  const text16 = Buffer.from(bytes).toString('utf16le').toLowerCase();
  const text16odd = Buffer.from(bytes.subarray(1)).toString('utf16le').toLowerCase();
  return NEEDLES.filter((n) => [text8, text16, text16odd].some((t) => t.includes(n.toLowerCase())));
}

describe('no member data on the share in clear text', () => {
  const desks: Desk[] = [];
  const share = tempShareEachTest(() => desks.splice(0));

  it('every byte written, and every file and name left, holds no member name, Medicaid ID, birth date or phone', async () => {
    const recorders: RecordingFolder[] = [];
    for (const name of ['Ana', 'Ben']) {
      const folder = new RecordingFolder(new FsShareFolder(share.root));
      recorders.push(folder);
      const d = await openDesk(name, share.root, { folder, options: { segmentEvents: 3, deskStatesEveryMs: 0 } });
      desks.push(d);
      const r = name === 'Ana' ? await d.engine.createShare(PASSPHRASE) : await d.engine.joinShare(PASSPHRASE);
      expect(r.ok).toBe(true);
    }
    const [a, b] = desks as [Desk, Desk];
    const { id } = await a.repo.logInquiry(MEMBER);
    await a.repo.addNote(id, `Spoke with ${MEMBER.memberName} (${MEMBER.medicaidId}, born 02/28/1957) at 515-555-0173.`);
    await syncAll(desks);
    await b.repo.editFields(id, { memberPhone: '(515) 555-0174', callbackAvailability: `Call ${MEMBER.memberName} after 3` });
    await syncAll(desks);
    await a.engine.maintainNow();
    await b.engine.maintainNow();
    await syncAll(desks);
    expect((await b.rows())[id]?.memberName).toBe(MEMBER.memberName);

    const written = recorders.flatMap((r) => r.written);
    expect(written.length).toBeGreaterThan(10);
    for (const w of written) {
      expect({ path: w.path, found: findings(w.bytes) }).toEqual({ path: w.path, found: [] });
      expect(findings(new TextEncoder().encode(w.path))).toEqual([]);
    }
    const left = await shareFiles(share.root);
    expect([...left.keys()].some((f) => f.endsWith('/manifest'))).toBe(true);
    for (const [file, bytes] of left) {
      expect({ file, found: findings(bytes) }).toEqual({ file, found: [] });
      expect(findings(new TextEncoder().encode(file))).toEqual([]);
    }
  });

  it('the scan finds member data where it is in clear text', () => {
    expect(findings(new TextEncoder().encode('{"memberName":"ZEBULON Quixote-Marchetti"}'))).toEqual(['Zebulon', 'Quixote', 'Marchetti']);
    expect(findings(Buffer.from('DOB 02/28/1957, phone (515) 555-0173', 'utf16le'))).toEqual(['02/28/1957', '555-0173']);
  });
});
