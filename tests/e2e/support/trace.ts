/**
 * Main-thread work attributed to the extension, from a Chromium performance trace (CDP Tracing).
 * A task counts against Verbatim by the time its top-level script events with a
 * chrome-extension:// URL took inside it — page work in the same task is not charged to us.
 */
import type { CDPSession, Page } from 'playwright-core';

interface TraceEvent {
  name: string;
  ph: string;
  ts: number;
  dur?: number;
  pid: number;
  tid: number;
  args?: { data?: { url?: string; scriptName?: string; stackTrace?: { url?: string }[] } };
}

const CATEGORIES = ['devtools.timeline', 'disabled-by-default-devtools.timeline', 'v8.execute'].join(',');
/** Event names whose `data.url` names the script that ran. */
const SCRIPT_EVENTS = new Set([
  'EvaluateScript',
  'FunctionCall',
  'v8.compile',
  'TimerFire',
  'FireIdleCallback',
  'FireAnimationFrame',
  'EventDispatch',
  'v8.callFunction',
]);

export interface ExtensionTaskReport {
  /** Longest main-thread task in which the extension's scripts ran, and the extension's share of it (ms). */
  longestTaskWithExtension: number;
  longestExtensionShare: number;
  /** Total main-thread time of the extension's script events inside tasks (ms). */
  extensionTotal: number;
  tasks: number;
}

export class Tracer {
  private constructor(private readonly cdp: CDPSession) {}

  static async start(page: Page): Promise<Tracer> {
    const cdp = await page.context().newCDPSession(page);
    await cdp.send('Tracing.start', { transferMode: 'ReturnAsStream', traceConfig: { includedCategories: CATEGORIES.split(',') } });
    return new Tracer(cdp);
  }

  async stop(): Promise<TraceEvent[]> {
    const done = new Promise<string>((resolve) => this.cdp.once('Tracing.tracingComplete', (e) => resolve(e.stream!)));
    await this.cdp.send('Tracing.end');
    const handle = await done;
    let text = '';
    for (;;) {
      const chunk = await this.cdp.send('IO.read', { handle });
      text += chunk.base64Encoded ? Buffer.from(chunk.data, 'base64').toString('utf8') : chunk.data;
      if (chunk.eof) break;
    }
    await this.cdp.send('IO.close', { handle });
    await this.cdp.detach();
    const parsed = JSON.parse(text) as { traceEvents?: TraceEvent[] } | TraceEvent[];
    return Array.isArray(parsed) ? parsed : (parsed.traceEvents ?? []);
  }
}

function urlOf(e: TraceEvent): string {
  const d = e.args?.data;
  return d?.url ?? d?.scriptName ?? d?.stackTrace?.[0]?.url ?? '';
}

export function extensionTasks(events: TraceEvent[], extensionOrigin: string): ExtensionTaskReport {
  const complete = events.filter((e) => e.ph === 'X' && typeof e.dur === 'number');
  const tasks = complete.filter((e) => e.name === 'RunTask' || e.name === 'ThreadControllerImpl::RunTask');
  const ours = complete.filter((e) => SCRIPT_EVENTS.has(e.name) && urlOf(e).startsWith(extensionOrigin));
  let longestTask = 0;
  let longestShare = 0;
  let counted = 0;
  let total = 0;
  for (const task of tasks) {
    const end = task.ts + task.dur!;
    const inside = ours.filter((e) => e.pid === task.pid && e.tid === task.tid && e.ts >= task.ts && e.ts < end);
    if (inside.length === 0) continue;
    counted += 1;
    // Only outermost extension events, so nested calls are not counted twice.
    let share = 0;
    let coveredTo = -1;
    for (const e of inside.sort((a, b) => a.ts - b.ts)) {
      const eEnd = e.ts + e.dur!;
      if (e.ts >= coveredTo) {
        share += e.dur!;
        coveredTo = eEnd;
      } else if (eEnd > coveredTo) {
        share += eEnd - coveredTo;
        coveredTo = eEnd;
      }
    }
    total += share;
    longestTask = Math.max(longestTask, task.dur!);
    longestShare = Math.max(longestShare, share);
  }
  return {
    longestTaskWithExtension: longestTask / 1000,
    longestExtensionShare: longestShare / 1000,
    extensionTotal: total / 1000,
    tasks: counted,
  };
}
