import type { TestProject } from 'vitest/node';
import { type RunningServer, startServer } from '../../scripts/lib/server';

let server: RunningServer | undefined;

export async function setup(project: TestProject) {
  server = await startServer();
  project.provide('baseURL', server.url);
  project.provide('persistDir', server.persistDir);
}

export async function teardown() {
  await server?.stop();
}

declare module 'vitest' {
  export interface ProvidedContext {
    baseURL: string;
    persistDir: string;
  }
}
