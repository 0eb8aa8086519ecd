/**
 * Debian's Chromium on a slow connection for the first-load benchmark: Chromium's own network
 * emulation (CDP `Network.emulateNetworkConditions`) on *every* target — pages and the service
 * workers they register alike — from the target's first request on.
 *
 * Playwright opens a CDP session only for pages, so a service worker's downloads would run at full
 * speed; here the browser is started with a DevTools port, and one extra CDP connection of our own
 * auto-attaches to each new target (paused until the emulation is set) while Playwright drives the
 * pages over the same port. Each target gets its own emulated link: a page and its service worker
 * do not share one budget of bytes (Chromium's emulation works per target), so downloads that run
 * side by side in two targets are not slowed by each other as they would be on one real line.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { chromium, type Browser } from 'playwright-core';
import { WebSocket } from 'ws';
import { chromiumPath } from '../test/support/browser.ts';
import { makeTempDir } from '../test/support/temp-dir.ts';

/** What `Network.emulateNetworkConditions` takes: latency in ms, throughputs in bytes per second. */
export interface NetworkConditions {
  latency: number;
  downloadThroughput: number;
  uploadThroughput: number;
}

export interface ThrottledChromium {
  /** Playwright's handle on the browser (connected over CDP). */
  browser: Browser;
  /** Targets throttled so far (pages, service workers, workers), for a sanity check. */
  throttledTargets(): number;
  /** Closes Playwright's connection, ours, and the browser; removes its profile folder. */
  close(): Promise<void>;
  /** Last resort for exit handlers: SIGKILL the browser. */
  killNow(): void;
}

const targetTypes = new Set(['page', 'service_worker', 'worker', 'shared_worker', 'iframe']);

/** Starts Chromium with a DevTools port and resolves with its browser WebSocket address. */
function startChromium(profile: string): Promise<{ child: ChildProcess; endpoint: string }> {
  const child = spawn(
    chromiumPath,
    [
      '--headless',
      '--no-sandbox',
      '--disable-gpu',
      '--disable-background-networking',
      '--disable-component-update',
      '--no-first-run',
      '--remote-debugging-port=0',
      `--user-data-dir=${profile}`,
      'about:blank',
    ],
    { stdio: ['ignore', 'ignore', 'pipe'] },
  );
  return new Promise((resolve, reject) => {
    let output = '';
    const timer = setTimeout(() => {
      child.kill('SIGKILL');
      reject(new Error(`Chromium printed no DevTools address in 20 s:\n${output.slice(-2000)}`));
    }, 20_000);
    child.stderr!.on('data', (chunk: Buffer) => {
      output += chunk.toString();
      const match = /DevTools listening on (ws:\/\/\S+)/.exec(output);
      if (match) {
        clearTimeout(timer);
        child.stderr!.removeAllListeners('data');
        child.stderr!.resume();
        resolve({ child, endpoint: match[1]! });
      }
    });
    child.once('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`Chromium exited (${code}) before it listened:\n${output.slice(-2000)}`));
    });
  });
}

/** A flat-session CDP connection: commands by id, to the browser or to an attached session. */
function cdpConnection(endpoint: string) {
  const socket = new WebSocket(endpoint, { perMessageDeflate: false });
  let nextId = 1;
  const pending = new Map<number, { resolve: (value: unknown) => void; reject: (error: Error) => void }>();
  const listeners: ((method: string, params: Record<string, unknown>, sessionId?: string) => void)[] = [];
  socket.on('message', (data) => {
    const message = JSON.parse(data.toString()) as {
      id?: number;
      method?: string;
      params?: Record<string, unknown>;
      sessionId?: string;
      error?: { message: string };
      result?: unknown;
    };
    if (message.id !== undefined) {
      const waiter = pending.get(message.id);
      pending.delete(message.id);
      if (message.error) waiter?.reject(new Error(message.error.message));
      else waiter?.resolve(message.result);
    } else if (message.method) {
      for (const listener of listeners) listener(message.method, message.params ?? {}, message.sessionId);
    }
  });
  const opened = new Promise<void>((resolve, reject) => {
    socket.once('open', () => resolve());
    socket.once('error', reject);
  });
  return {
    opened,
    send(method: string, params: Record<string, unknown> = {}, sessionId?: string): Promise<unknown> {
      const id = nextId++;
      socket.send(JSON.stringify({ id, method, params, ...(sessionId ? { sessionId } : {}) }));
      return new Promise((resolve, reject) => pending.set(id, { resolve, reject }));
    },
    on(listener: (method: string, params: Record<string, unknown>, sessionId?: string) => void): void {
      listeners.push(listener);
    },
    close(): void {
      for (const waiter of pending.values()) waiter.reject(new Error('CDP connection closed'));
      pending.clear();
      socket.close();
    },
  };
}

/** Starts Chromium whose every page and worker sees `conditions`. */
export async function launchThrottledChromium(conditions: NetworkConditions): Promise<ThrottledChromium> {
  const profile = makeTempDir('common-ground-chromium-');
  const { child, endpoint } = await startChromium(profile.path);
  const killNow = () => {
    if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
  };
  try {
    const cdp = cdpConnection(endpoint);
    await cdp.opened;
    let throttled = 0;
    const emulate = { offline: false, ...conditions };
    cdp.on((method, params) => {
      if (method !== 'Target.attachedToTarget') return;
      const sessionId = params['sessionId'] as string;
      const type = (params['targetInfo'] as { type: string }).type;
      if (process.env['BENCH_DEBUG']) console.error(`attached to a ${type}${params['waitingForDebugger'] ? ' (paused)' : ''}`);
      // Sent in one go, resuming last: CDP runs a session's commands in order, so the emulation is in
      // place before the target runs; awaiting each first would deadlock on a paused service worker,
      // which answers Network.enable only once it runs.
      const commands: Promise<unknown>[] = [];
      if (targetTypes.has(type)) {
        // Children of a page (its dedicated workers, iframes) are attached and throttled the same way.
        if (type !== 'service_worker') commands.push(cdp.send('Target.setAutoAttach', { autoAttach: true, waitForDebuggerOnStart: true, flatten: true }, sessionId));
        commands.push(cdp.send('Network.enable', {}, sessionId));
        commands.push(cdp.send('Network.emulateNetworkConditions', emulate, sessionId).then(() => throttled++));
      }
      if (params['waitingForDebugger']) commands.push(cdp.send('Runtime.runIfWaitingForDebugger', {}, sessionId));
      const setUp = () =>
        Promise.all(commands).catch((error: unknown) => {
          // The target went away while we set it up (a closed page): nothing to throttle.
          if (process.env['BENCH_DEBUG']) console.error(`throttling a ${type} failed:`, error);
        });
      void setUp();
    });
    // Every target from now on (pages in new contexts, service workers) is paused at its start
    // until the emulation above is in place, so no request of it escapes the slow link.
    await cdp.send('Target.setAutoAttach', { autoAttach: true, waitForDebuggerOnStart: true, flatten: true });
    const browser = await chromium.connectOverCDP(endpoint);
    return {
      browser,
      throttledTargets: () => throttled,
      async close() {
        await browser.close().catch(() => undefined);
        cdp.close();
        killNow();
        await new Promise<void>((resolve) => (child.exitCode !== null || child.signalCode !== null ? resolve() : child.once('exit', () => resolve())));
        profile.remove();
      },
      killNow,
    };
  } catch (error) {
    killNow();
    profile.remove();
    throw error;
  }
}
