import { mkdirSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { chromium, type Browser, type Page } from 'playwright-core';
import { CHROMIUM, CHROMIUM_ARGS as ARGS, HAVE_CHROMIUM } from '../support/chromium';
import { complaintBody, eventually, startTestApp, type TestApp } from '../support/test-app';

/**
 * The operators' job console page (/dashboard/ops.html, issue 18.4) in a real headless Chromium against the real
 * app: an ADMIN sees the queue counts the API reports, opens a queue's failed jobs, retries one, and runs a
 * nightly job now; a mediator is refused. Without Chromium (off CI) skipped with a message, as the dashboard's.
 */
const browserTest = HAVE_CHROMIUM || process.env.CI ? it : it.skip;

interface OpsState {
  phase: string;
  queue: string | null;
  jobState: string;
  message: string;
}
declare const window: { __ops?: OpsState };

describe('the job console page (ADMIN)', () => {
  let t: TestApp;
  let base: string;
  let browser: Browser | undefined;
  let page: Page;
  const problems: string[] = [];

  beforeAll(async () => {
    t = await startTestApp({ env: { JOB_ATTEMPTS: '1', JOB_BACKOFF_MS: '100' } });
    await t.app.listen(0, '127.0.0.1');
    base = `http://127.0.0.1:${(t.app.getHttpServer().address() as AddressInfo).port}`;
  });
  afterAll(async () => {
    await browser?.close();
    await t?.close();
  });

  const open = async () => {
    if (!HAVE_CHROMIUM) throw new Error(`CI is set but there is no Chromium at ${CHROMIUM}`);
    browser ??= await chromium.launch({ executablePath: CHROMIUM, args: ARGS });
    const context = await browser.newContext({ viewport: { width: 1280, height: 900 }, locale: 'zh-CN' });
    page = await context.newPage();
    page.on('pageerror', (e) => problems.push(`pageerror: ${e.message}`));
    page.on('console', (m) => {
      // Expected: the first visit's session resume (no cookie yet: 401) and the mediator's refused requests (403).
      if (m.type() === 'error' && !/status of (401|403)/.test(m.text()))
        problems.push(`console: ${m.text()}`);
    });
    await page.goto(`${base}/dashboard/ops.html`);
  };
  const signIn = async (username: string) => {
    await page.waitForSelector('#login-form', { state: 'visible' });
    await page.fill('#username', username);
    await page.fill('#password', 'demo-password-1');
    await page.click('#login-submit');
  };
  const ops = () => page.evaluate(() => window.__ops!);
  const settled = () =>
    page.waitForFunction(() => ['ready', 'error'].includes(window.__ops?.phase ?? ''), undefined, {
      timeout: 30_000,
    });

  browserTest(
    'shows the counts the API reports, lists a failed job with its reason, retries it, runs the KPI recompute now',
    async () => {
      // A failed job: the acknowledgement SMS of a complaint while the gateway fails (one attempt).
      t.sms.failing = true;
      const filed = await t
        .http()
        .post('/api/v1/complaints')
        .set('authorization', `Bearer ${await t.token('13800000000')}`)
        .send(complaintBody());
      expect(filed.status).toBe(201);
      const admin = { authorization: `Bearer ${await t.token('admin')}` };
      const failedJob = await eventually(async () => {
        const res = await t.http().get('/api/v1/admin/queues/notifications/jobs?state=failed').set(admin);
        return (res.body as { id: string; failedReason: string }[])[0];
      }, 30_000);

      await open();
      await signIn('admin');
      await settled();
      expect((await ops()).phase).toBe('ready');
      // The table's numbers are the API's.
      const counts = (await t.http().get('/api/v1/admin/queues').set(admin)).body as {
        queue: string;
        failed: number;
      }[];
      const shownFailed = await page.textContent(
        'tr[data-queue="notifications"] button[data-state="failed"]',
      );
      expect(Number(shownFailed)).toBe(counts.find((c) => c.queue === 'notifications')!.failed);

      await page.click('tr[data-queue="notifications"] button[data-state="failed"]');
      await page.waitForSelector(`tr[data-job="${failedJob.id}"]`);
      expect(await page.textContent(`tr[data-job="${failedJob.id}"]`)).toContain(failedJob.failedReason);
      const dir = join(__dirname, '..', '..', 'test-results');
      mkdirSync(dir, { recursive: true });
      await page.screenshot({ path: join(dir, 'ops-console.png'), fullPage: true });

      t.sms.failing = false;
      await page.click(`tr[data-job="${failedJob.id}"] button.retry`);
      await page.waitForFunction(() => window.__ops?.message.includes('已重新加入队列'));
      // The retried job runs to completion: it leaves the failed list.
      await eventually(async () => {
        const res = await t.http().get('/api/v1/admin/queues/notifications/jobs?state=failed').set(admin);
        return !(res.body as { id: string }[]).some((j) => j.id === failedJob.id);
      }, 30_000);

      // The retry's message is still shown: wait for the recompute's own (any new message, so a refusal is seen).
      const before = (await ops()).message;
      await page.click('button[data-run="/admin/sla/recompute"]');
      await page.waitForFunction((m) => (window.__ops?.message ?? m) !== m, before);
      expect((await ops()).message).toMatch(/已加入队列：重算结案率指标|已有同一任务在排队或运行/);
      expect(problems).toEqual([]);
    },
    120_000,
  );

  browserTest(
    'a mediator signed in is told the console needs an ADMIN account',
    async () => {
      await open();
      await signIn('mediator');
      await settled();
      expect(await ops()).toMatchObject({ phase: 'error', message: '需要管理员（ADMIN）账号' });
    },
    60_000,
  );
});
