/**
 * The test controls (core/contract/test-controls.ts) of one running emulated provider, made
 * only when a headless command is started with `--test-controls`. The provider must have been
 * started with its own Faults.
 */
import { readdir, rm } from 'node:fs/promises';
import { join } from 'node:path';
import { TEST_RETRY_INTERVAL_MS } from '../../core/contract/test-controls';
import type { ControlsStatus, ServerName, TestControls } from '../../core/contract/test-controls';
import { readOutbox } from './outbox';
import type { Provider } from './provider';

export class ProviderControls implements TestControls {
  private readonly startRetryMs: number;

  constructor(private readonly provider: Provider) {
    if (!provider.faults) throw new Error('The provider was started without faults to control.');
    this.startRetryMs = provider.retry.intervalMs;
  }

  private get faults() {
    return this.provider.faults!;
  }

  private server(name: ServerName) {
    return this.provider.servers[name === 'A' ? 0 : 1]!;
  }

  async status(): Promise<ControlsStatus> {
    return {
      servers: this.provider.servers.map((server) => ({
        name: server.name as ServerName,
        port: server.port,
        state: server.state,
      })),
      holding: this.faults.holding,
      waiting: this.faults.held,
      pendingFailures: this.faults.pendingFailures,
      delayMs: this.faults.delayMs,
      retryIntervalMs: this.provider.retry.intervalMs,
    };
  }

  async down(request: { server: ServerName; mode?: 'refuse' | 'hang' }) {
    await this.server(request.server).down(request.mode ?? 'refuse');
    return this.status();
  }

  async up(request: { server: ServerName }) {
    await this.server(request.server).up();
    return this.status();
  }

  async hold() {
    this.faults.holdAll();
    return this.status();
  }

  async release() {
    this.faults.releaseAll();
    return this.status();
  }

  async fail(request: { count: number; retryIntervalMs?: number }) {
    this.provider.retry.intervalMs = request.retryIntervalMs ?? TEST_RETRY_INTERVAL_MS;
    this.faults.failNext(request.count, 'the message queue could not be written (test control)');
    return this.status();
  }

  async delay(request: { ms: number }) {
    this.faults.delayMs = request.ms;
    return this.status();
  }

  outbox(request: { account?: string }) {
    return readOutbox(this.provider.dir, request.account);
  }

  async reset() {
    for (const server of this.provider.servers) await server.up();
    this.faults.clearFailures();
    this.faults.delayMs = 0;
    this.faults.releaseAll();
    this.provider.retry.intervalMs = this.startRetryMs;
    // What was held or in hand is finished first, so nothing lands in the emptied outbox later.
    await this.provider.idle();
    const outbox = this.provider.layout.outbox;
    for (const account of await readdir(outbox)) {
      for (const name of await readdir(join(outbox, account)))
        await rm(join(outbox, account, name), { force: true, recursive: true });
    }
    return this.status();
  }
}
