// The console as people use it, in Debian's Chromium: a joint proposal's whole life, each person in their own
// browser, logging in on Keycloak's page and seeing each result on screen; then the office's tools around it (clues,
// 社情民意, 四级联动, scoring rules, staff roles); then the member's screens on a phone.
// Run by the e2e module's ConsoleBrowserTest against the platform it started:
//   CONSOLE_URL=http://localhost:8080 SCREENSHOTS=../docs/screenshots node e2e/flows.mjs   (in console/)
import { chromium } from 'playwright-core';
import assert from 'node:assert/strict';
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';

const base = process.env.CONSOLE_URL || 'http://localhost:8080';
const shots = process.env.SCREENSHOTS || 'target/screenshots';
const failures = process.env.FAILURES || 'target/e2e-failures'; // what each person saw when a step failed
const password = process.env.DEMO_PASSWORD || 'demo';
const WAIT = 60_000; // what Kafka may take to carry an event to another service on a loaded 2-core machine
mkdirSync(shots, { recursive: true });
mkdirSync(failures, { recursive: true });

const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM || '/usr/bin/chromium',
  args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking',
    '--disable-component-update', '--disable-sync'],
});
const DESKTOP = { viewport: { width: 1280, height: 860 }, locale: 'zh-CN', timezoneId: 'Asia/Shanghai' };
const PHONE = { viewport: { width: 375, height: 812 }, deviceScaleFactor: 2, isMobile: true, hasTouch: true, locale: 'zh-CN',
  timezoneId: 'Asia/Shanghai' };

const pages = new Map(); // who → their page, to show what each person saw when a step fails

function step(what) {
  console.log(`[console-e2e] ${new Date().toISOString()} ${what}`);
}

/** A person opens the console and logs in on Keycloak's own page (the app never sees the password). */
async function login(user, options = DESKTOP) {
  const context = await browser.newContext(options);
  const page = await context.newPage();
  pages.set(user + (options === PHONE ? '-phone' : ''), page);
  page.setDefaultTimeout(WAIT);
  page.on('pageerror', (e) => console.log(`[console-e2e] ${user} page error: ${e.message}`));
  await page.goto(base + '/');
  await page.getByRole('button', { name: '登录', exact: true }).click();
  await page.waitForURL(/\/realms\/cppcc\/protocol\/openid-connect\/auth/);
  await page.locator('#username').fill(user);
  await page.locator('#password').fill(password);
  await page.locator('#kc-login').click();
  await page.waitForURL((u) => u.origin === new URL(base).origin && !u.search.includes('code='));
  await page.getByTestId('who').waitFor({ state: 'attached' }); // hidden on a phone: the menu says who
  return { context, page };
}

/** A screenshot for docs/screenshots, once the last "done" messages have gone (they would cover the screen). */
async function shot(page, name) {
  await page.locator('.t-message').first().waitFor({ state: 'detached', timeout: 8000 }).catch(() => {});
  await page.screenshot({ path: join(shots, name + '.png'), fullPage: true });
}
const status = (page) => page.getByTestId('detail-status');

/** Opens a proposal from a list screen by its title. */
async function open(page, navLabel, title) {
  await page.getByRole('navigation').getByRole('link', { name: navLabel, exact: true }).click();
  await page.getByRole('link', { name: title }).first().click();
  await page.getByRole('heading', { name: title }).waitFor();
}

async function reply(page, title, classification, text, attachment) {
  await open(page, '我的交办', title);
  await page.getByRole('group', { name: '答复类别' }).getByText(classification, { exact: false }).click();
  await page.getByLabel('答复内容').fill(text);
  if (attachment) await page.getByLabel('附件').setInputFiles(attachment);
  await page.getByRole('button', { name: '发送答复', exact: true }).click();
  await assertText(status(page), '已答复');
}

async function rate(page, replyRating, contactRating) {
  await page.getByRole('group', { name: '对答复的评价' }).getByText(replyRating, { exact: true }).click();
  await page.getByRole('group', { name: '对沟通的评价' }).getByText(contactRating, { exact: true }).click();
  await page.getByRole('button', { name: '提交评价', exact: true }).click();
}

async function assertText(locator, text) {
  await locator.filter({ hasText: text }).first().waitFor();
}

async function jointProposalLife() {
  const title = `关于加快黄埔区社区养老服务站建设的提案（${Date.now() % 100000}）`;
  step('hp-member logs in and writes a joint proposal');
  const landing = await browser.newContext(DESKTOP);
  const lp = await landing.newPage();
  await lp.goto(base + '/');
  await lp.getByRole('button', { name: '登录', exact: true }).waitFor();
  await shot(lp, 'desktop-landing');
  await landing.close();

  const member = await login('hp-member');
  const m = member.page;
  await m.getByRole('navigation').getByRole('link', { name: '撰写提案' }).click();
  // bad input is refused with the problem's title, and nothing is filed
  await m.getByRole('button', { name: '提交', exact: true }).click();
  await assertText(m.getByTestId('form-error'), '输入无效');
  await m.getByLabel('标题').fill(title);
  await m.getByLabel('正文').fill('黄埔区60岁以上户籍老人已超过12万人，社区养老服务站覆盖不足。建议：一、按每个社区一站的标准规划建设；二、引入专业机构运营；三、设立运营补贴。');
  await m.getByRole('group', { name: '提案类型' }).getByText('联名提案').click();
  await m.getByLabel('筛选委员').fill('李华');
  await m.getByRole('group', { name: '联名委员' }).getByText('李华', { exact: false }).click();
  await shot(m, 'desktop-member-new-proposal');
  await m.getByRole('button', { name: '提交', exact: true }).click();
  await m.getByRole('heading', { name: title }).waitFor();
  await assertText(m.getByRole('listitem'), '李华');
  const proposalUrl = m.url();

  step('hp-member2 accepts the invitation to co-sign');
  const cosigner = await login('hp-member2');
  const c = cosigner.page;
  await open(c, '联名邀请', title);
  await c.getByRole('button', { name: '同意联名', exact: true }).click();
  await assertText(c.getByRole('listitem'), '已同意');
  await cosigner.context.close();

  step('hp-staff registers it and assigns it to 黄埔区科技局');
  const staff = await login('hp-staff');
  const s = staff.page;
  await s.getByRole('navigation').getByRole('link', { name: '提案审查', exact: true }).click();
  await s.getByRole('link', { name: title }).waitFor();
  await shot(s, 'desktop-office-review-queue');
  await s.getByRole('link', { name: title }).click();
  await s.getByRole('button', { name: '立案', exact: true }).click();
  await assertText(status(s), '已立案');
  assert.match(await s.getByTestId('number').innerText(), /第\d{4}号/);
  await s.getByRole('group', { name: '主办单位' }).getByText('黄埔区科技局').click();
  await s.getByRole('group', { name: '会办单位' }).getByText('黄埔区住房和城乡建设局').click();
  await shot(s, 'desktop-office-assign');
  await s.getByRole('button', { name: '交办', exact: true }).click();
  await assertText(status(s), '办理中');

  step('the member waits on the inbox: the unit\'s reply arrives live');
  await m.getByRole('navigation').getByRole('link', { name: '消息', exact: true }).click();
  await m.getByRole('heading', { name: '消息' }).waitFor();

  step('hp-unit replies (B) with an attachment');
  const unit = await login('hp-unit');
  const u = unit.page;
  await u.getByRole('navigation').getByRole('link', { name: '我的交办', exact: true }).click();
  await u.getByRole('link', { name: title }).waitFor();
  await shot(u, 'desktop-unit-assignments');
  step('hp-unit asks for more time: a date before the deadline is refused with the reason, a later one is asked');
  await open(u, '我的交办', title);
  const day = (n) => new Date(Date.now() + n * 86_400_000).toISOString().slice(0, 10);
  await u.getByLabel('延期至').fill(day(1));
  await u.getByLabel('延期理由').fill('需会同住建部门完成选址论证');
  await u.getByRole('button', { name: '申请延期', exact: true }).click();
  await assertText(u.getByTestId('action-error'), 'must be after the current one');
  await u.getByLabel('延期至').fill(day(200));
  await u.getByLabel('延期理由').fill('需会同住建部门完成选址论证');
  await u.getByRole('button', { name: '申请延期', exact: true }).click();
  await u.getByText('延期申请已提交').first().waitFor();
  await assertText(u.locator('.history'), '申请延期');
  await reply(u, title, 'B 列入计划', '已将社区养老服务站建设列入2027年民生实事计划，首批建设20个站点。',
    { name: '办理方案.txt', mimeType: 'text/plain', buffer: Buffer.from('2027年社区养老服务站建设方案（首批20个站点）') });

  // live: without reloading, the member's inbox shows the reply's notification
  await m.getByTestId('notification').filter({ hasText: '提案已答复' }).first().waitFor();
  await shot(m, 'desktop-member-inbox');

  step('the member reads the reply and rates it unsatisfied: a second round');
  await m.goto(proposalUrl);
  await assertText(status(m), '已答复');
  await assertText(m.getByTestId('reply'), '2027年民生实事计划');
  await m.getByRole('button', { name: /下载 办理方案\.txt/ }).waitFor();
  await shot(m, 'desktop-member-reply-and-rating');
  await rate(m, '不满意', '满意');
  await assertText(status(m), '办理中');
  await m.getByText('轮次 2').first().waitFor();

  step('hp-unit replies again (A)');
  await reply(u, title, 'A 已解决或采纳', '首批20个社区养老服务站已全部建成并投入运营。');
  await unit.context.close();

  step('the member rates satisfied: completed');
  await m.reload();
  await assertText(status(m), '已答复');
  await assertText(m.getByTestId('reply'), '首批20个社区养老服务站已全部建成');
  assert.equal(await m.getByTestId('reply').count(), 2);
  await rate(m, '满意', '满意');
  await assertText(status(m), '已办结');

  step('hp-staff publishes it');
  await s.reload();
  await assertText(status(s), '已办结');
  await s.getByRole('button', { name: '公开', exact: true }).click();
  await s.locator('.t-tag').filter({ hasText: '公开' }).first().waitFor();
  await shot(s, 'desktop-office-published');
  await s.getByRole('navigation').getByRole('link', { name: '提案统计', exact: true }).click();
  await s.locator('canvas').first().waitFor();
  assert.ok(Number(await s.getByTestId('filed').innerText()) >= 1);
  await shot(s, 'desktop-office-statistics');
  await s.getByRole('navigation').getByRole('link', { name: '督办', exact: true }).click();
  await s.getByRole('heading', { name: '即将到期' }).waitFor();
  await shot(s, 'desktop-office-supervision');
  await staff.context.close();
  await member.context.close();
  return title;
}

/** Goes to a screen by its entry in the navigation. */
async function nav(page, label) {
  await page.getByRole('navigation').getByRole('link', { name: label, exact: true }).click();
}

/**
 * The office's tools around the proposal: a unit posts a clue and a member writes a proposal on it (订单式提案); a
 * member's 社情民意 report is adopted and compiled into an issue; the completed proposal goes up to 广州市, whose office
 * adopts it (四级联动) and both read its journey; the administrator changes a scoring rule and grants a staff role.
 */
async function officeTools(title) {
  const n = Date.now() % 100000;
  const clueTitle = `黄埔区科技企业研发投入情况调研（${n}）`;
  const reportTitle = `关于老旧小区加装电梯审批流程过长的情况反映（${n}）`;

  step('hp-unit posts a clue: bad input is refused, then it is on the board');
  const unit = await login('hp-unit');
  const u = unit.page;
  await nav(u, '提案线索');
  await u.getByRole('button', { name: '发布新线索', exact: true }).click();
  await u.getByRole('button', { name: '发布线索', exact: true }).click();
  await assertText(u.getByTestId('clue-error'), '输入无效');
  await u.getByLabel('标题', { exact: true }).fill(clueTitle);
  await u.getByLabel('线索说明').fill('希望委员就区内科技企业研发投入的结构和扶持政策效果开展调研。');
  await u.getByLabel('调研需求').fill('走访10家以上企业');
  await u.getByLabel('联系人', { exact: true }).fill('陈科长');
  await u.getByLabel('联系电话').fill('020-82111111');
  await u.getByRole('button', { name: '发布线索', exact: true }).click();
  await u.getByTestId('clue').filter({ hasText: clueTitle }).waitFor();
  await unit.context.close();

  step('hp-member takes the clue and writes a proposal on it, sends a 社情民意 report and reports a 履职 record');
  const member = await login('hp-member');
  const m = member.page;
  await nav(m, '提案线索');
  const clue = m.getByTestId('clue').filter({ hasText: clueTitle });
  await clue.getByRole('button', { name: '领取', exact: true }).click();
  await assertText(clue, '已领取');
  await clue.getByRole('link', { name: '据此撰写提案' }).click();
  await assertText(m.getByTestId('from-clue'), clueTitle);
  const clueProposal = `关于加大科技企业研发费用补贴力度的提案（${n}）`;
  await m.getByLabel('标题', { exact: true }).fill(clueProposal);
  await m.getByLabel('正文', { exact: true }).fill('调研发现，区内中小科技企业研发投入强度偏低。建议提高研发费用补贴比例。');
  await m.getByRole('button', { name: '提交', exact: true }).click();
  await m.getByRole('heading', { name: clueProposal }).waitFor();

  await nav(m, '社情民意');
  await m.getByLabel('标题', { exact: true }).fill(reportTitle);
  await m.getByLabel('正文', { exact: true }).fill('群众反映：老旧小区加装电梯需经多个部门审批，平均耗时超过半年，建议推行并联审批。');
  await m.getByRole('button', { name: '提交', exact: true }).click();
  await assertText(m.getByTestId('opinion-report').filter({ hasText: reportTitle }).getByTestId('op-status'), '已提交');

  const recordTitle = `走访黄埔区科学城企业员工听取意见（${n}）`;
  await nav(m, '履职档案');
  await m.getByRole('button', { name: '提交', exact: true }).click();
  await assertText(m.getByTestId('form-error'), '标题');
  await m.getByLabel('标题', { exact: true }).fill(recordTitle);
  await m.getByLabel('详情').fill('听取了30余名员工关于通勤和子女入学的意见。');
  await m.getByRole('button', { name: '提交', exact: true }).click();
  await assertText(m.getByTestId('self-record').filter({ hasText: recordTitle }).getByTestId('record-status'), '待确认');

  step('hp-staff adopts the report and compiles it into an issue; the clue board shows the proposal written on it');
  const staff = await login('hp-staff');
  const s = staff.page;
  await nav(s, '社情民意');
  const report = s.getByTestId('opinion-report').filter({ hasText: reportTitle });
  await report.getByRole('button', { name: '处理', exact: true }).click();
  await report.getByRole('button', { name: '采用', exact: true }).click(); // no adopter named: refused
  await assertText(s.getByTestId('action-error'), '输入无效');
  await report.getByLabel('采用单位').fill('区委办公室《社情民意专报》');
  await report.getByRole('button', { name: '采用', exact: true }).click();
  await assertText(report.getByTestId('op-status'), '已采用');
  await s.getByLabel('编入专报 ' + reportTitle).check();
  await s.getByLabel('报送对象（以、分隔）').fill('区委办公室、区政府办公室');
  await s.getByRole('button', { name: '编发专报', exact: true }).click();
  await assertText(s.getByTestId('issue'), '区委办公室、区政府办公室');
  await assertText(report, '已编入专报');
  await shot(s, 'desktop-office-opinion-reports');
  await nav(s, '提案线索');
  await assertText(s.getByTestId('clue').filter({ hasText: clueTitle }), clueProposal);
  await shot(s, 'desktop-office-clues');

  step('hp-staff recommends the completed proposal to 广州市 (四级联动)');
  await open(s, '全部提案', title);
  await s.getByLabel('推荐理由').fill('社区养老服务站建设经验可在全市推广');
  await s.getByRole('button', { name: '推荐至上级政协', exact: true }).click();
  await assertText(s.getByTestId('lineage'), '待采用');
  await staff.context.close();

  step('gz-staff adopts it as a collective proposal of 广州市 and reads its journey');
  const city = await login('gz-staff');
  const g = city.page;
  await nav(g, '四级联动');
  const item = g.getByTestId('cultivation-item').filter({ hasText: title });
  await item.getByRole('button', { name: '处理', exact: true }).click();
  await item.getByRole('group', { name: '采用为' }).getByText('集体提案').click();
  await item.getByLabel('提案单位').fill('广州市政协社会和法制委员会');
  await item.getByRole('button', { name: '采用', exact: true }).click();
  await g.getByLabel('状态').selectOption('');
  const adopted = g.getByTestId('cultivation-item').filter({ hasText: title });
  await assertText(adopted.getByTestId('cult-status'), '已采用');
  await adopted.getByRole('button', { name: '历程', exact: true }).click();
  await assertText(adopted.getByTestId('lineage'), '已采用');
  await shot(g, 'desktop-office-cultivation');
  await city.context.close();

  step('the member reads the journey on the proposal');
  await open(m, '我的提案', title);
  await assertText(m.getByTestId('lineage'), '已采用');
  await member.context.close();

  step('hp-admin confirms the member\'s record, changes a scoring rule (a bad value is refused) and grants, then revokes, a staff role');
  const admin = await login('hp-admin');
  const a = admin.page;
  await nav(a, '履职记录审核');
  const record = a.getByTestId('self-record').filter({ hasText: recordTitle });
  await record.getByRole('button', { name: '确认', exact: true }).click();
  await record.waitFor({ state: 'detached' }); // no longer pending
  await a.getByLabel('状态').selectOption('CONFIRMED');
  await assertText(a.getByTestId('self-record').filter({ hasText: recordTitle }).getByTestId('record-status'), '已确认');
  await nav(a, '履职评分规则');
  const points = a.getByTestId('points-LEARNING');
  const before = await points.inputValue();
  const inactive = a.getByLabel('连续多少天无履职记录视为不活跃');
  const days = await inactive.inputValue();
  await inactive.fill('5');
  await a.getByRole('button', { name: '保存规则', exact: true }).click();
  await assertText(a.getByTestId('form-error'), '连续多少天无履职记录视为不活跃');
  await inactive.fill(days);
  await points.fill(String(Number(before) + 1));
  await a.getByRole('button', { name: '保存规则', exact: true }).click();
  await a.getByText('规则已保存').first().waitFor();
  await a.reload();
  assert.equal(Number(await a.getByTestId('points-LEARNING').inputValue()), Number(before) + 1);
  await shot(a, 'desktop-admin-scoring-rules');
  await a.getByTestId('points-LEARNING').fill(before); // the other e2e tests score under the default rules
  await a.getByRole('button', { name: '保存规则', exact: true }).click();
  await a.getByText('规则已保存').first().waitFor();

  const clerk = `hp-clerk${n}`;
  await nav(a, '工作人员');
  await a.getByLabel('用户名', { exact: true }).fill(clerk);
  await a.getByLabel('角色', { exact: true }).selectOption('leader');
  await a.getByLabel('姓名', { exact: true }).fill('赵明');
  await a.getByRole('button', { name: '授予角色', exact: true }).click();
  const row = a.getByTestId('staff-row').filter({ hasText: clerk });
  await assertText(row, '领导');
  await shot(a, 'desktop-admin-staff');
  a.once('dialog', (d) => d.accept());
  await row.getByRole('button', { name: `撤销 ${clerk} 领导` }).click();
  await row.waitFor({ state: 'detached' });
  await admin.context.close();
}

/**
 * Every screen each kind of person has in their navigation opens without an error: no call of the screen's answers
 * 4xx/5xx and nothing is shown as an error (a screen that asks for what its roles do not allow fails here).
 */
async function everyScreen() {
  for (const [user, committee] of [['hp-leader'], ['hp-admin'], ['hp-unit'], ['gz-member', '440100'], ['gz-member', '440000'], ['qg-staff']]) {
    step(`every screen of ${user}${committee ? ' in ' + committee : ''}`);
    const { context, page } = await login(user);
    await page.locator('main h2').first().waitFor(); // the committees and roles are loaded: the navigation is whole
    if (committee) await page.getByLabel('委员会', { exact: true }).selectOption(committee);
    const failed = [];
    page.on('response', (r) => {
      if (r.status() >= 400 && new URL(r.url()).origin === new URL(base).origin) failed.push(`${r.status()} ${r.request().method()} ${r.url()}`);
    });
    const links = page.getByRole('navigation').getByRole('link');
    const labels = await links.allInnerTexts();
    assert.ok(labels.length > 2, `${user} has a navigation`);
    for (const label of labels) {
      await links.filter({ hasText: label }).first().click();
      await page.locator('main h2').first().waitFor();
      await page.locator('html[data-pending="0"]').waitFor();
      const errors = await page.locator('main .error').allInnerTexts();
      assert.deepEqual(errors, [], `${user} on ${label} sees an error`);
      assert.deepEqual(failed, [], `${user} on ${label}: a call failed`);
    }
    await context.close();
  }
}

async function phoneMember(title) {
  step('hp-member on a 375-px phone');
  const { context, page } = await login('hp-member', PHONE);
  const fits = async (what) => {
    const width = await page.evaluate(() => document.documentElement.scrollWidth);
    assert.ok(width <= 375, `${what} is ${width} px wide on a 375-px screen`);
  };
  await page.getByTestId('count-proposals').waitFor();
  await fits('home');
  await shot(page, 'phone-member-home');
  await page.getByRole('navigation').getByRole('link', { name: '我的提案', exact: true }).click();
  await page.getByRole('link', { name: title }).waitFor();
  await fits('my proposals');
  await shot(page, 'phone-member-proposals');
  await page.getByRole('link', { name: title }).click();
  await assertText(status(page), '已办结');
  await assertText(page.getByTestId('reply'), '首批20个社区养老服务站已全部建成');
  await fits('the proposal');
  await shot(page, 'phone-member-proposal');
  await page.getByRole('navigation').getByRole('link', { name: '消息', exact: true }).click();
  await page.getByTestId('notification').first().waitFor();
  await fits('inbox');
  await shot(page, 'phone-member-inbox');
  await page.getByRole('navigation').getByRole('link', { name: '履职档案', exact: true }).click();
  await page.getByTestId('score').waitFor();
  await fits('duty record');
  await shot(page, 'phone-member-duty-record');
  await nav(page, '社情民意');
  await page.getByTestId('opinion-report').first().waitFor();
  await fits('public-opinion reports');
  await shot(page, 'phone-member-opinion-reports');
  await nav(page, '提案线索');
  await page.getByTestId('clue').first().waitFor();
  await fits('clues');
  await shot(page, 'phone-member-clues');
  await nav(page, '履职档案');
  await page.getByTestId('score').waitFor();
  // English is one choice away
  await page.getByLabel('语言').selectOption('en');
  await page.getByRole('heading', { name: 'Duty record' }).waitFor();
  await page.getByLabel('Language').selectOption('zh-CN');
  // on a fresh page the keyboard reaches the skip link first
  await page.reload();
  await page.getByTestId('score').waitFor();
  await page.keyboard.press('Tab');
  assert.match(await page.evaluate(() => document.activeElement.textContent), /跳到正文/);
  step('logs out');
  await page.getByRole('button', { name: '退出', exact: true }).click();
  await page.getByRole('button', { name: '登录', exact: true }).waitFor();
  await context.close();
}

try {
  if (process.env.FLOWS === 'screens') { // while working on the screens: only the sweep of every screen
    await everyScreen();
  } else {
    const title = await jointProposalLife();
    await officeTools(title);
    await everyScreen();
    await phoneMember(title);
  }
  step('all flows passed');
} catch (e) {
  for (const [who, page] of pages) {
    if (page.isClosed()) continue;
    console.log(`[console-e2e] ${who} was on ${page.url()}: ${(await page.locator('body').innerText()).slice(0, 1500)}`);
    await page.screenshot({ path: join(failures, `${who}.png`), fullPage: true }).catch(() => {});
  }
  throw e;
} finally {
  await browser.close();
}
