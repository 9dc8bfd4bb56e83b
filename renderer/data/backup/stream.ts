import { BackupError, MAX_LINE_CHARS } from './format';

/* Compression and line splitting over the platform's streams (CompressionStream: no hand-rolled codecs). */

export function bytesStream(bytes: Uint8Array<ArrayBuffer>): ReadableStream<BufferSource> {
  return new ReadableStream<BufferSource>({
    start(controller) {
      controller.enqueue(bytes);
      controller.close();
    },
  });
}

export async function gzipText(text: string): Promise<Uint8Array<ArrayBuffer>> {
  const stream = bytesStream(new TextEncoder().encode(text)).pipeThrough(new CompressionStream('gzip'));
  return new Uint8Array(await new Response(stream).arrayBuffer());
}

export async function gunzipText(bytes: Uint8Array<ArrayBuffer>): Promise<string> {
  const stream = bytesStream(bytes).pipeThrough(new DecompressionStream('gzip'));
  return new Response(stream).text();
}

/** Splits a stream of text into lines without holding more than one line. */
export async function* linesOf(chunks: AsyncIterable<string>): AsyncGenerator<string> {
  let carry = '';
  for await (const chunk of chunks) {
    carry += chunk;
    let at = carry.indexOf('\n');
    while (at >= 0) {
      const line = carry.slice(0, at);
      carry = carry.slice(at + 1);
      if (line.trim() !== '') yield line;
      at = carry.indexOf('\n');
    }
    if (carry.length > MAX_LINE_CHARS)
      throw new BackupError('The file is damaged: one of its records is far larger than any export writes.');
  }
  if (carry.trim() !== '') yield carry;
}

export async function* readStream<T>(stream: ReadableStream<T>): AsyncGenerator<T> {
  const reader = stream.getReader();
  try {
    for (;;) {
      const { value, done } = await reader.read();
      if (done) return;
      yield value;
    }
  } finally {
    reader.releaseLock();
  }
}
