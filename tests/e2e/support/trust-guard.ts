import { build } from 'esbuild';
import { resolve } from 'node:path';
import type { BrowserContext, Page } from 'playwright-core';

/**
 * What the trust e2e tests watch in a browser context: every call of a dialog or window-opening function
 * (`alert`, `confirm`, `prompt`, `print`, `open` are replaced in every page before its own scripts run), every
 * Content-Security-Policy violation a page reports, and every http(s) request a page makes. Requests to any host
 * but 127.0.0.1 are aborted, so nothing leaves the machine whatever a hostile feed names.
 */

export interface Execution {
  /** Which trapped function ran. */
  call: string;
  /** Its first argument (short), and the page it ran in. */
  argument: string;
  pageUrl: string;
}

export interface CspViolation {
  directive: string;
  /** What was blocked, the sample Chromium gives, the element it was on, and the route (for a diagnosis). */
  detail: string;
  pageUrl: string;
}

export interface RecordedRequest {
  url: string;
  host: string;
  resourceType: string;
  pageUrl: string;
}

export interface TrustGuard {
  executions: Execution[];
  cspViolations: CspViolation[];
  requests: RecordedRequest[];
  /** Requests to a host that is not in `allowedHosts`. */
  requestsOutside(allowedHosts: ReadonlySet<string>): RecordedRequest[];
}

/** The trap, run in every page of the context before the page's own scripts (main world). */
const TRAP_SCRIPT = `(() => {
  const report = (call, argument) => {
    try { window.__trustExecuted(call, String(argument).slice(0, 200)); } catch (error) { /* binding gone */ }
  };
  for (const call of ['alert', 'confirm', 'prompt', 'print', 'open']) {
    const trap = function (argument) { report(call, argument); return call === 'confirm' ? false : null; };
    try { Object.defineProperty(window, call, { value: trap, writable: false, configurable: false }); }
    catch (error) { report('trap-failed', call); }
  }
  document.addEventListener('securitypolicyviolation', (event) => {
    const element = event.target && event.target.outerHTML ? event.target.outerHTML.slice(0, 160) : '';
    const detail = [event.blockedURI, event.sample, element, location.hash].filter(Boolean).join(' | ');
    try { window.__trustCsp(event.effectiveDirective || event.violatedDirective, detail); }
    catch (error) { /* binding gone */ }
  }, true);
})();`;

function isLoopback(url: URL): boolean {
  return url.hostname === '127.0.0.1';
}

/** Installs the traps and the request log on `context`; call before opening the pages to watch. */
export async function guardContext(context: BrowserContext): Promise<TrustGuard> {
  const executions: Execution[] = [];
  const cspViolations: CspViolation[] = [];
  const requests: RecordedRequest[] = [];
  await context.exposeBinding('__trustExecuted', ({ page }, call: string, argument: string) => {
    executions.push({ call, argument, pageUrl: page?.url() ?? '' });
  });
  await context.exposeBinding('__trustCsp', ({ page }, directive: string, detail: string) => {
    cspViolations.push({ directive, detail, pageUrl: page?.url() ?? '' });
  });
  await context.addInitScript({ content: TRAP_SCRIPT });
  context.on('request', (request) => {
    let url: URL;
    try {
      url = new URL(request.url());
    } catch {
      return;
    }
    if (url.protocol !== 'http:' && url.protocol !== 'https:') return;
    let pageUrl = '';
    try {
      pageUrl = request.frame().url();
    } catch {
      // A service-worker request has no frame.
    }
    requests.push({ url: url.href, host: url.hostname, resourceType: request.resourceType(), pageUrl });
  });
  await context.route(
    (url) => (url.protocol === 'http:' || url.protocol === 'https:') && !isLoopback(url),
    (route) => route.abort('blockedbyclient'),
  );
  return {
    executions,
    cspViolations,
    requests,
    requestsOutside: (allowedHosts) => requests.filter((r) => !allowedHosts.has(r.host)),
  };
}

/**
 * Chromium switches that make every host name but 127.0.0.1 unresolvable: a second wall for requests that
 * Playwright's routing does not see (the extension's service worker).
 */
export const LOOPBACK_ONLY_ARGS = ['--host-resolver-rules=MAP * ~NOTFOUND, EXCLUDE 127.0.0.1'];

/**
 * tests/fixtures/hostile/safety.ts (`unsafeParts`) bundled for the browser, so the rendered DOM is judged by
 * Chromium's own parse of the markup, not by a re-parse of its serialization (mutation XSS lives in that gap).
 * Installed as `window.__trustSafety.unsafeParts(root)`.
 */
export async function installSafetyCheck(target: BrowserContext | Page): Promise<void> {
  const result = await build({
    entryPoints: [resolve(process.cwd(), 'tests/fixtures/hostile/safety.ts')],
    bundle: true,
    write: false,
    format: 'iife',
    globalName: '__trustSafety',
    platform: 'browser',
    target: 'chrome120',
    // Init scripts may run wrapped in a function: publish the bundle's exports on the page's global object.
    footer: { js: 'globalThis.__trustSafety = __trustSafety;' },
  });
  await target.addInitScript({ content: result.outputFiles[0]!.text });
}

/** The event types whose handler attributes the XSS corpus uses (dispatched on rendered feed markup). */
export const HANDLER_EVENTS = [
  'error',
  'load',
  'click',
  'mouseover',
  'focus',
  'blur',
  'animationstart',
  'begin',
  'toggle',
  'pointerenter',
  'wheel',
  'input',
  'auxclick',
  'beforeprint',
  'pageshow',
  'scroll',
  'transitionend',
  'mouseenter',
  'keydown',
  'loadstart',
];
