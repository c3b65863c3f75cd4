import type { Server } from 'node:http';
export function listenOnLoopback(server: Server, port?: number): Promise<number>;
export function closer(server: Server): () => Promise<void>;
