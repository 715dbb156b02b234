import { RetentionPeriods } from '../../web/personal-data/retention.tsx';
import type { PageContent } from './index.ts';

export const enContent: PageContent = {
  accessibility: () => (
    <>
      <p class="font-lead">
        Klyngeportalen aims to be accessible to everyone. This statement covers the portal and all its pages.
      </p>
      <h2>Compliance status</h2>
      <p>
        Klyngeportalen is built to meet WCAG 2.1 level AA, as required by the Danish act on the accessibility
        of public sector websites and mobile applications. The pages use the Danish common design system
        (DKFDS), work without JavaScript and can be used with the keyboard alone.
      </p>
      <h2>How we test</h2>
      <ul>
        <li>
          Every page type is checked automatically with axe-core in a real browser whenever the code changes.
        </li>
        <li>
          Forms have visible labels; errors are shown at the field and in a summary linking to the fields.
        </li>
        <li>
          Every page has a skip link, a heading hierarchy and its language declared, in Danish and English.
        </li>
      </ul>
      <h2>Known limitations</h2>
      <p>
        Maps and charts, which are coming, will always have a table with the same figures next to them.
        Automated tests do not find every problem, so pages are also reviewed by hand.
      </p>
      <h2>Feedback and contact</h2>
      <p>
        If you meet an accessibility problem, write to{' '}
        <a href="mailto:tilgaengelighed@klyngeportalen.dk">tilgaengelighed@klyngeportalen.dk</a>. We answer
        within 10 working days.
      </p>
      <h2>Enforcement</h2>
      <p>
        The Danish Agency for Digital Government supervises the accessibility of public sector websites. You
        can complain to the agency if you are not satisfied with our answer.
      </p>
      <p>This statement was prepared on 26 November 2026.</p>
    </>
  ),
  privacy: () => (
    <>
      <p class="font-lead">What information Klyngeportalen processes about you, and why.</p>
      <h2>Data controller</h2>
      <p>
        Klyngeportalen is run for the funders of the cluster programme. Questions about personal data can be
        sent to <a href="mailto:privatliv@klyngeportalen.dk">privatliv@klyngeportalen.dk</a>.
      </p>
      <h2>What information</h2>
      <ul>
        <li>Users: name, e-mail, organisation and roles, an argon2id hash of the password.</li>
        <li>Audit log: who changed which data when, with the values before and after.</li>
        <li>Reports: companies' CVR number, name, size, municipality and industry.</li>
        <li>
          Sessions: when you logged in and were last active, browser and system (e.g. “Firefox, Windows”) and
          your network, coarsened (e.g. 192.0.2.0/24), so that you can see and end your sessions yourself.
        </li>
        <li>
          Login with MitID Erhverv (NemLog-in): your name, e-mail, your organisation's CVR number and name,
          your level of assurance and the fixed identifier NemLog-in knows you by.
        </li>
        <li>
          Two-step login: the key of your authenticator app, and the recovery codes stored only as hashes.
        </li>
      </ul>
      <h2>Purpose and legal basis</h2>
      <p>
        The information is used to run the cluster programme, including reporting, the performance account and
        the handling of applications, under Article 6(1)(e) of the General Data Protection Regulation.
      </p>
      <h2>Cookies</h2>
      <p>
        We only use necessary cookies: a session cookie while you are logged in, and a security cookie that
        protects forms against forged requests. We use no cookies for statistics or marketing, so we do not
        ask for consent.
      </p>
      <RetentionPeriods lang="en" />
      <h2>Your rights</h2>
      <p>
        You have the right of access, rectification and in some cases erasure. Signed in, you can download
        everything we store about you under <a href="/en/account/personal-data">Your personal data</a>. If we
        erase your data, your name and e-mail are replaced by a pseudonym everywhere, the audit log included,
        while the figures of the performance account are kept. You can complain to the Danish Data Protection
        Agency (Datatilsynet).
      </p>
    </>
  ),
  about: () => (
    <>
      <p class="font-lead">
        Klyngeportalen is the shared platform of Denmark's cluster programme: one entry to the clusters, one
        place to report activities and one common performance account.
      </p>
      <h2>Who uses the portal</h2>
      <ul>
        <li>Companies and the public find clusters by theme, region and label.</li>
        <li>Cluster organisations report activities and participants and run their workspace.</li>
        <li>Funders coordinate money, run calls and follow the results.</li>
        <li>The support function offers services, courses, matchmaking and benchmarking.</li>
      </ul>
      <h2>About the demo data</h2>
      <p>
        The demonstration contains publicly known cluster organisations, themes and funders. Companies,
        activities and participants are synthetic, generated so that the volumes match the cluster programme
        2021-2023. Where a fact is not known, it is invented and marked as demo data.
      </p>
      <h2>Map data</h2>
      <p>Contains data from the Danish Agency for Data Supply and Infrastructure, DAGI 1:500,000 (2014).</p>
    </>
  ),
};
