import net from 'node:net';

export interface CuttingProxy {
  /** `host:port` to connect to instead of the real server. */
  readonly address: string;
  /**
   * While on, any client write of at least `minBytes` closes both sides of its connection before a
   * byte of it reaches the server: the client sees the connection drop mid-request, as when the
   * server is killed, and the server never applies the request.
   */
  cutWritesOfAtLeast(minBytes: number | null): void;
  readonly cuts: number;
  close(): Promise<void>;
}

/**
 * A TCP proxy in front of a real server that can drop connections on demand. Lets a test reproduce
 * a connection lost in the middle of a write deterministically, against the real server and the
 * real client driver, without killing a server other tests share.
 */
export async function startCuttingProxy(target: string): Promise<CuttingProxy> {
  const [host, port] = splitAddress(target);
  let threshold: number | null = null;
  let cuts = 0;
  const sockets = new Set<net.Socket>();
  const server = net.createServer((client) => {
    const upstream = net.connect(port, host);
    sockets.add(client).add(upstream);
    const drop = () => {
      client.destroy();
      upstream.destroy();
      sockets.delete(client);
      sockets.delete(upstream);
    };
    client.on('data', (chunk: Buffer) => {
      if (threshold !== null && chunk.length >= threshold) {
        cuts++;
        drop();
        return;
      }
      upstream.write(chunk);
    });
    upstream.on('data', (chunk: Buffer) => client.write(chunk));
    client.on('error', drop).on('close', drop);
    upstream.on('error', drop).on('close', drop);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port: localPort } = server.address() as net.AddressInfo;
  return {
    address: `127.0.0.1:${localPort}`,
    cutWritesOfAtLeast: (minBytes) => (threshold = minBytes),
    get cuts() {
      return cuts;
    },
    close: () =>
      new Promise<void>((resolve) => {
        for (const socket of sockets) socket.destroy();
        server.close(() => resolve());
      }),
  };
}

function splitAddress(address: string): [string, number] {
  const separator = address.lastIndexOf(':');
  return [address.slice(0, separator), Number(address.slice(separator + 1))];
}
