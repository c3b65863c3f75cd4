// Shared by the test servers: listen on 127.0.0.1 only, and close with every open connection.

/** Listen on 127.0.0.1 (port 0: a free one); resolves with the port. */
export async function listenOnLoopback(server, port = 0) {
  await new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, '127.0.0.1', () => {
      server.off('error', reject);
      resolve(undefined);
    });
  });
  const address = server.address();
  return typeof address === 'object' && address ? address.port : 0;
}

/** Close the server and its keep-alive connections; idempotent. */
export function closer(server) {
  let closing = null;
  return () => {
    closing ??= new Promise((resolve) => {
      server.close(() => resolve(undefined));
      server.closeAllConnections();
    });
    return closing;
  };
}
