// Downloads for worker tasks: a gzip'd data file fetched with byte-level progress and unzipped by the
// browser's DecompressionStream (MNIST shards, the SpamAssassin corpus).

/** Fetches a gzip'd file, reporting compressed bytes received (and the total, 0 when the server does
 * not say), and returns it unzipped. A failed request throws an Error naming the URL. */
export async function fetchGzip(url: string, onBytes: (bytes: number, total: number) => void): Promise<Uint8Array> {
  let response: Response;
  try {
    response = await fetch(url);
  } catch (error) {
    throw new Error(`could not download ${url}: ${error instanceof Error ? error.message : String(error)}`);
  }
  if (!response.ok || !response.body) throw new Error(`could not download ${url}: HTTP ${response.status}`);
  const total = Number(response.headers.get('content-length')) || 0;
  let bytes = 0;
  const counted = response.body.pipeThrough(
    new TransformStream<Uint8Array, Uint8Array>({
      transform(chunk, controller) {
        bytes += chunk.byteLength;
        onBytes(bytes, total);
        controller.enqueue(chunk);
      },
    }),
  );
  const unzipped = counted.pipeThrough(new DecompressionStream('gzip') as unknown as ReadableWritablePair<Uint8Array, Uint8Array>);
  return new Uint8Array(await new Response(unzipped).arrayBuffer());
}
