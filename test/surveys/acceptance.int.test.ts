/**
 * Issue 19's acceptance: a survey to 200 generated companies through a real SMTP server, a share
 * of them answering through their links as a browser without JavaScript would, then the counts,
 * the regional breakdown, the suppression below five, reminders only to non-respondents, and
 * the opt-out. Every expected figure is written out by hand from the answer plan below.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../../src/db/client.ts';
import { replaceCompanyContacts } from '../../src/domain/surveys/contacts.ts';
import { surveyResults } from '../../src/domain/surveys/results.ts';
import { createCaller } from '../support/callers.ts';
import { createTestDatabase, testDriver } from '../support/database.ts';
import { approveYear, createOrganisation } from '../support/factories.ts';
import { Client, createTestApp, signedInClient, type TestApp } from '../support/http.ts';
import { type ReceivedMail, startSmtpServer } from '../support/smtp.ts';
import { addParticipants, createSurveyCluster, type TestCompany, testCvr } from './fixture.ts';

/** One municipality per region: Aalborg (1081), Aarhus (1082), Odense (1083), København (1084), Roskilde (1085). */
const SEATS = [851, 751, 461, 101, 265] as const;
const YEAR = 2025;

/** The text of a received message with quoted-printable soft breaks and =XX bytes undone. */
function textOf(mail: ReceivedMail): string {
  const joined = mail.data.replace(/=\r?\n/g, '');
  return Buffer.from(
    joined.replace(/=([0-9A-F]{2})/g, (_, hex: string) => String.fromCharCode(Number.parseInt(hex, 16))),
    'latin1',
  ).toString('utf8');
}
const linkIn = (mail: ReceivedMail) => {
  const match = /https?:\/\/[^\s]+\/undersoegelser\/([A-Za-z0-9_-]{43})\b/.exec(textOf(mail));
  if (!match?.[1]) throw new Error(`no survey link in the mail to ${mail.to.join(', ')}`);
  return match[1];
};

interface Plan {
  competences: string;
  new_products: string;
  knowledge_collaboration: string;
}

/**
 * Who answers what. Aalborg: 12 (six 5s and six 2s; seven launched and five no; three first
 * collaborations and nine no). Aarhus 8, Odense 6, København 3 (below five), Roskilde none: all 4 / no / no.
 */
function answerPlan(): Map<number, Plan[]> {
  const aalborg = Array.from({ length: 12 }, (_, i) => ({
    competences: i < 6 ? '5' : '2',
    new_products: i < 7 ? 'yes_launched' : 'no',
    knowledge_collaboration: i < 3 ? 'yes_first' : 'no',
  }));
  const plain = (n: number) =>
    Array.from({ length: n }, () => ({
      competences: '4',
      new_products: 'no',
      knowledge_collaboration: 'no',
    }));
  return new Map([
    [851, aalborg],
    [751, plain(8)],
    [461, plain(6)],
    [101, plain(3)],
  ]);
}

describe(`a survey to 200 companies by e-mail on ${testDriver()}`, () => {
  let database: Database;
  let t: TestApp;
  let smtp: Awaited<ReturnType<typeof startSmtpServer>>;
  let owner: Client;
  let supportStaff: Awaited<ReturnType<typeof createCaller>>;
  let surveyId: string;
  const companies: TestCompany[] = [];
  const emailOf = (c: TestCompany) => `kontakt-${c.cvr}@firma.example`;
  const tokens = new Map<string, string>();
  const respondents = new Set<string>();
  const optedOut = new Set<string>();

  beforeAll(async () => {
    database = await createTestDatabase();
    smtp = await startSmtpServer();
    t = createTestApp(database, { SMTP_URL: smtp.url, PUBLIC_URL: 'https://klynge.example' });
    const org = await createOrganisation(database.db, { kind: 'support_function' });
    supportStaff = await createCaller(database.db, 'support_staff', { organisationId: org.id });
    owner = await signedInClient(t.app, supportStaff.email);
    const clusters = [
      await createSurveyCluster(database.db, {
        name: 'Klynge Nord',
        league: 'world_class',
        municipalityCode: 851,
      }),
      await createSurveyCluster(database.db, {
        name: 'Klynge Midt',
        league: 'regional',
        municipalityCode: 751,
      }),
    ];
    for (let i = 0; i < 200; i++)
      companies.push({
        cvr: testCvr(),
        name: `Virksomhed ${i}`,
        employees: [4, 25, 90, 400][i % 4] ?? null,
        municipalityCode: SEATS[i % 5] ?? null,
      });
    await addParticipants(database.db, clusters[0] as string, YEAR, companies.slice(0, 120));
    await addParticipants(database.db, clusters[1] as string, YEAR, companies.slice(120));
    for (const cluster of clusters) await approveYear(database.db, cluster as string, YEAR);
    for (const [index, list] of [companies.slice(0, 120), companies.slice(120)].entries()) {
      const staff = await createCaller(database.db, 'cluster_staff', {
        organisationId: clusters[index] as string,
      });
      const csv = `cvr,email\n${list.map((c) => `${c.cvr},${emailOf(c)}`).join('\n')}\n`;
      const saved = await replaceCompanyContacts(
        database.db,
        staff,
        new TextEncoder().encode(csv),
        new Date(),
      );
      expect(saved.saved).toBe(list.length);
    }
  }, 60_000);

  afterAll(async () => {
    await smtp?.close();
    await database?.close();
  });

  it('is created from the standard questionnaire, published and given the year’s participating companies', async () => {
    await owner.get('/support/undersoegelser/ny');
    const created = await owner.post('/support/undersoegelser/ny', {
      titleDa: 'Virksomhedsundersøgelsen 2026',
      titleEn: 'Company survey 2026',
      start: 'template:company_effect',
      anonymous: 'on',
      resultsAudience: 'public',
      closesOn: '2099-12-31',
      coversFrom: String(YEAR),
      coversTo: String(YEAR),
    });
    expect(created.res.status).toBe(303);
    const location = created.res.headers.get('location') ?? '';
    surveyId = /\/support\/undersoegelser\/([0-9a-f-]{36})/.exec(location)?.[1] ?? '';
    expect(surveyId).not.toBe('');
    await owner.get(`/support/undersoegelser/${surveyId}`);
    expect((await owner.post(`/support/undersoegelser/${surveyId}/offentliggoer`, {})).res.status).toBe(303);
    await owner.get(`/support/undersoegelser/${surveyId}/modtagere`);
    const added = await owner.post(`/support/undersoegelser/${surveyId}/modtagere`, {
      source: 'participating_companies',
      fromYear: String(YEAR),
      toYear: String(YEAR),
    });
    expect(added.res.status).toBe(200);
    expect(added.html).toContain('200 modtagere er tilføjet.');
  });

  it('sends 200 invitations through SMTP, each with a personal link and a List-Unsubscribe header', async () => {
    await owner.get(`/support/undersoegelser/${surveyId}`);
    const sent = await owner.post(`/support/undersoegelser/${surveyId}/send`, {});
    expect(sent.res.status).toBe(303);
    expect(sent.res.headers.get('location')).toBe(`/support/undersoegelser/${surveyId}?besked=sending`);
    // The send is a job of the queue: done once the queue is empty.
    await t.deps.jobs.idle();
    expect(smtp.received).toHaveLength(200);
    const overview = await owner.get(`/support/undersoegelser/${surveyId}`);
    expect(overview.html).toContain('0 invitationer er ikke sendt.');
    for (const mail of smtp.received) {
      // Long header lines are folded onto the next line (RFC 5322): unfold before reading.
      const headers = mail.data.split(/\r?\n\r?\n/)[0]?.replace(/\r?\n[ \t]+/g, ' ') ?? '';
      expect(headers).toMatch(
        /^List-Unsubscribe: <https:\/\/klynge\.example\/undersoegelser\/[A-Za-z0-9_-]{43}\/afmeld>/m,
      );
      expect(headers).toMatch(/^List-Unsubscribe-Post: List-Unsubscribe=One-Click/m);
      tokens.set(mail.to[0] as string, linkIn(mail));
    }
    expect(new Set(tokens.keys())).toEqual(new Set(companies.map(emailOf)));
    // Pressing send again sends nothing: everyone has had their invitation.
    await owner.get(`/support/undersoegelser/${surveyId}`);
    const again = await owner.post(`/support/undersoegelser/${surveyId}/send`, {});
    expect(again.res.headers.get('location')).toBe(`/support/undersoegelser/${surveyId}?besked=sending`);
    await t.deps.jobs.idle();
    expect(smtp.received).toHaveLength(200);
  });

  it('takes the answers of 29 companies through their links, page by page, once each', async () => {
    for (const [seat, plans] of answerPlan()) {
      const inRegion = companies.filter((c) => c.municipalityCode === seat);
      for (const [i, plan] of plans.entries()) {
        const company = inRegion[i] as TestCompany;
        const token = tokens.get(emailOf(company)) as string;
        const browser = new Client(t.app);
        const start = await browser.get(`/undersoegelser/${token}`);
        expect(start.res.status).toBe(200);
        expect(start.html).toContain(`href="/undersoegelser/${token}/side/1"`);
        await browser.get(`/undersoegelser/${token}/side/1`);
        const page1 = await browser.post(`/undersoegelser/${token}/side/1`, {
          intent: 'next',
          'q-competences': plan.competences,
          'q-new_products': plan.new_products,
          'q-knowledge_collaboration': plan.knowledge_collaboration,
        });
        // Those who collaborated get the follow-up question on page 2; page 2 comes next either way.
        expect(page1.res.headers.get('location')).toBe(`/undersoegelser/${token}/side/2`);
        await browser.post(`/undersoegelser/${token}/side/2`, {
          intent: 'next',
          'q-turnover': 'increase',
          'q-employment': 'unchanged',
          'q-international': 'no',
        });
        const sent = await browser.post(`/undersoegelser/${token}/tjek`, {});
        expect(sent.res.headers.get('location')).toBe(`/undersoegelser/${token}/kvittering`);
        respondents.add(emailOf(company));
      }
    }
    expect(respondents.size).toBe(29);
    // A second send from the same link changes nothing: one response per invitation.
    const first = [...respondents][0] as string;
    const browser = new Client(t.app);
    await browser.get(`/undersoegelser/${tokens.get(first)}/side/1`);
    const twice = await browser.post(`/undersoegelser/${tokens.get(first)}/tjek`, {});
    expect(twice.res.headers.get('location')).toBe(`/undersoegelser/${tokens.get(first)}/kvittering`);
    // Some 200 requests through the app: on PGlite on a busy machine this outlasts the default.
  }, 90_000);

  it('refuses a page with a missing required answer, naming the field, and keeps a draft saved for later', async () => {
    const company = companies.find((c) => c.municipalityCode === 265) as TestCompany;
    const token = tokens.get(emailOf(company)) as string;
    const browser = new Client(t.app);
    await browser.get(`/undersoegelser/${token}/side/1`);
    const refused = await browser.post(`/undersoegelser/${token}/side/1`, {
      intent: 'next',
      'q-competences': '3',
    });
    expect(refused.res.status).toBe(422);
    expect(refused.html).toContain('href="#q-new_products"');
    const later = await browser.post(`/undersoegelser/${token}/side/1`, {
      intent: 'later',
      'q-competences': '3',
    });
    expect(later.res.status).toBe(200);
    expect(later.html).toContain('Dine svar er gemt');
    const resumed = await new Client(t.app).get(`/undersoegelser/${token}/side/1`);
    expect(resumed.html).toMatch(/id="q-competences-3"[^>]*checked|checked[^>]*id="q-competences-3"/);
  });

  it('opts two invitees out: one by the mail client’s one-click post, one by the page', async () => {
    const [a, b] = companies.filter((c) => !respondents.has(emailOf(c))).slice(-2) as [
      TestCompany,
      TestCompany,
    ];
    const oneClick = await new Client(t.app).post(
      `/undersoegelser/${tokens.get(emailOf(a))}/afmeld`,
      { 'List-Unsubscribe': 'One-Click' },
      { csrf: false },
    );
    expect(oneClick.res.status).toBe(200);
    const browser = new Client(t.app);
    await browser.get(`/undersoegelser/${tokens.get(emailOf(b))}/afmeld`);
    const byPage = await browser.post(`/undersoegelser/${tokens.get(emailOf(b))}/afmeld`, {});
    expect(byPage.html).toContain('Du er frameldt');
    optedOut.add(emailOf(a)).add(emailOf(b));
    // Without its token a post to the opt-out page is still a CSRF failure.
    const forged = await new Client(t.app).post(
      `/undersoegelser/${tokens.get(emailOf(a))}/afmeld`,
      {},
      { csrf: false },
    );
    expect(forged.res.status).toBe(403);
  });

  it('reminds only those who neither answered nor opted out, with a new link; the old one still works', async () => {
    smtp.received.length = 0;
    await owner.get(`/support/undersoegelser/${surveyId}`);
    const reminded = await owner.post(`/support/undersoegelser/${surveyId}/paamind`, {});
    expect(reminded.res.headers.get('location')).toBe(`/support/undersoegelser/${surveyId}?besked=reminding`);
    await t.deps.jobs.idle();
    const expected = companies.map(emailOf).filter((e) => !respondents.has(e) && !optedOut.has(e));
    expect(expected).toHaveLength(169);
    expect(new Set(smtp.received.map((m) => m.to[0]))).toEqual(new Set(expected));
    for (const mail of smtp.received) expect(textOf(mail)).toContain('Påmindelse');
    const someone = smtp.received[0] as ReceivedMail;
    expect(linkIn(someone)).not.toBe(tokens.get(someone.to[0] as string));
    expect(
      (await new Client(t.app).get(`/undersoegelser/${tokens.get(someone.to[0] as string)}`)).res.status,
    ).toBe(200);
    expect((await new Client(t.app).get(`/undersoegelser/${linkIn(someone)}`)).res.status).toBe(200);
  });

  it('counts every answer for the owner, with the response rate', async () => {
    const support = (await owner.get(`/support/undersoegelser/${surveyId}/resultater`)).html;
    expect(support).toContain('29 af 200 inviterede har svaret (svarprocent 14,5 %).');
    const ownerPrincipal = supportStaff.principal;
    const all = await surveyResults(database.db, ownerPrincipal, surveyId, {});
    const competences = all.questions.find((q) => q.question.key === 'competences');
    expect(competences?.rows[0]?.choices.map((c) => c.count)).toEqual([0, 6, 0, 17, 6]);
    // (6·2 + 17·4 + 6·5) / 29
    expect(competences?.rows[0]?.mean).toBeCloseTo(110 / 29, 10);
    const aalborg = await surveyResults(database.db, ownerPrincipal, surveyId, { region: 1081 });
    const knowledge = aalborg.questions.find((q) => q.question.key === 'knowledge_collaboration');
    expect(knowledge?.rows[0]?.choices.map((c) => c.count)).toEqual([3, 0, 9]);
  });

  it('breaks the results down by region for a funder, hiding every figure from fewer than five', async () => {
    const funder = await createCaller(database.db, 'funder');
    const aalborg = await surveyResults(database.db, funder.principal, surveyId, { region: 1081 });
    expect(aalborg.respondents).toBe(12);
    const byKey = (key: string) => aalborg.questions.find((q) => q.question.key === key)?.rows[0]?.choices;
    expect(byKey('competences')?.map((c) => c.count)).toEqual([0, 6, 0, 0, 6]);
    expect(byKey('new_products')?.map((c) => c.count)).toEqual([7, 0, 5, 0]);
    // Three first collaborations are hidden, and so is the nine, which would give them away.
    expect(byKey('knowledge_collaboration')?.map((c) => c.count)).toEqual([null, 0, null]);
    const copenhagen = await surveyResults(database.db, funder.principal, surveyId, { region: 1084 });
    expect(copenhagen.respondents).toBeNull();
    expect(copenhagen.questions).toEqual([]);
    expect(copenhagen.participation.responded).toBeNull();
    const page = await signedInClient(t.app, funder.email);
    const html = (await page.get(`/support/undersoegelser/${surveyId}/resultater?region=1084`)).html;
    expect(html).toContain('Der er færre end 5 svar i den valgte gruppe');
    const raw = await page.get(`/support/undersoegelser/${surveyId}/svar.csv`);
    expect(raw.res.status).toBe(403);
  });

  it('shows the closed survey’s public figures by region on /resultater, marked as survey-based', async () => {
    await owner.get(`/support/undersoegelser/${surveyId}`);
    expect((await owner.post(`/support/undersoegelser/${surveyId}/luk`, {})).res.status).toBe(303);
    const page = await new Client(t.app).get(`/resultater/${YEAR}`);
    expect(page.res.status).toBe(200);
    expect(page.html).toContain('Spørgeskemabaseret');
    expect(page.html).toContain('29 af 200 inviterede har svaret (svarprocent 14,5 %).');
    // Nationally 23 of 29 answered 4 or 5 on competences: 79,3 %.
    expect(page.html).toMatch(
      /<th scope="row">Hele landet<\/th><td class="results-number">29<\/td><td class="results-number">79,3 %<\/td>/,
    );
    // København: 3 answers, no figure.
    expect(page.html).toMatch(
      /<th scope="row">Region Hovedstaden<\/th><td class="results-number">–<\/td><td class="results-number">–<\/td>/,
    );
    // The link stops working when the survey closes.
    const closed = await new Client(t.app).get(
      `/undersoegelser/${tokens.get([...respondents][0] as string)}`,
    );
    expect(closed.res.status).toBe(410);
  });
});
