import { RetentionPeriods } from '../../web/personal-data/retention.tsx';
import type { PageContent } from './index.ts';

/** Long-form Danish page texts; en.tsx holds the same pages in English. */
export const daContent: PageContent = {
  accessibility: () => (
    <>
      <p class="font-lead">
        Klyngeportalen ønsker at være tilgængelig for alle. Denne erklæring gælder for klyngeportalen og alle
        dens sider.
      </p>
      <h2>Overholdelsesstatus</h2>
      <p>
        Klyngeportalen er udviklet med henblik på at overholde WCAG 2.1 på niveau AA, som er kravet i lov om
        tilgængelighed af offentlige organers websteder og mobilapplikationer. Siderne bygger på Det Fælles
        Designsystem (DKFDS), virker uden JavaScript og kan betjenes med tastatur alene.
      </p>
      <h2>Sådan tester vi</h2>
      <ul>
        <li>Hver sidetype testes automatisk med axe-core i en rigtig browser, hver gang koden ændres.</li>
        <li>
          Formularer har synlige etiketter, fejl vises ved feltet og samlet øverst med links til felterne.
        </li>
        <li>
          Siden har et spring-til-indhold-link, overskriftshierarki og sprogangivelse på dansk og engelsk.
        </li>
      </ul>
      <h2>Kendte begrænsninger</h2>
      <p>
        Kort og diagrammer, som kommer til senere, vil altid have en tabel med de samme tal ved siden af.
        Automatiske tests finder ikke alle fejl; vi gennemgår derfor også siderne manuelt.
      </p>
      <h2>Feedback og kontakt</h2>
      <p>
        Oplever du problemer med tilgængeligheden, så skriv til{' '}
        <a href="mailto:tilgaengelighed@klyngeportalen.dk">tilgaengelighed@klyngeportalen.dk</a>. Vi svarer
        inden for 10 arbejdsdage.
      </p>
      <h2>Håndhævelse</h2>
      <p>
        Digitaliseringsstyrelsen fører tilsyn med tilgængeligheden af offentlige websteder. Du kan klage til
        Digitaliseringsstyrelsen, hvis du ikke er tilfreds med vores svar.
      </p>
      <p>Erklæringen er udarbejdet den 26. november 2026.</p>
    </>
  ),
  privacy: () => (
    <>
      <p class="font-lead">
        Her kan du læse, hvilke oplysninger Klyngeportalen behandler om dig, og hvorfor.
      </p>
      <h2>Dataansvarlig</h2>
      <p>
        Klyngeportalen drives for klyngeindsatsens finansiører. Spørgsmål om behandling af personoplysninger
        kan sendes til <a href="mailto:privatliv@klyngeportalen.dk">privatliv@klyngeportalen.dk</a>.
      </p>
      <h2>Hvilke oplysninger</h2>
      <ul>
        <li>
          Brugere: navn, e-mail, organisation og roller, en krypteret (argon2id) udgave af adgangskoden.
        </li>
        <li>Revisionslog: hvem der har ændret hvilke data hvornår, med værdierne før og efter.</li>
        <li>Indberetninger: virksomheders CVR-nummer, navn, størrelse, kommune og branche.</li>
        <li>
          Sessioner: hvornår du loggede ind og sidst var aktiv, browser og styresystem (fx “Firefox, Windows”)
          og dit netværk gjort groft (fx 192.0.2.0/24), så du selv kan se og afslutte dine sessioner.
        </li>
        <li>
          Log ind med MitID Erhverv (NemLog-in): dit navn, din e-mail, din organisations CVR-nummer og navn,
          dit sikringsniveau og den faste identifikator, NemLog-in kender dig ved.
        </li>
        <li>
          Totrinslogin: nøglen til din godkendelsesapp og reservekoderne, som kun gemmes krypteret (hash).
        </li>
      </ul>
      <h2>Formål og grundlag</h2>
      <p>
        Oplysningerne bruges til at drive klyngeindsatsen, herunder indberetning, performanceregnskab og
        sagsbehandling af ansøgninger, jf. databeskyttelsesforordningens artikel 6, stk. 1, litra e.
      </p>
      <h2>Cookies</h2>
      <p>
        Vi bruger kun nødvendige cookies: en sessionscookie, når du er logget ind, og en sikkerhedscookie, der
        beskytter formularer mod forfalskede forespørgsler. Vi bruger ingen cookies til statistik eller
        markedsføring, og derfor spørger vi ikke om samtykke.
      </p>
      <RetentionPeriods lang="da" />
      <h2>Dine rettigheder</h2>
      <p>
        Du har ret til indsigt, berigtigelse og i visse tilfælde sletning. Når du er logget ind, kan du hente
        alt, hvad vi har gemt om dig, under <a href="/konto/persondata">Dine personoplysninger</a>. Sletter vi
        dine oplysninger, erstattes navn og e-mail af et pseudonym overalt, også i revisionsloggen, mens
        tallene i performanceregnskabet bevares. Du kan klage til Datatilsynet.
      </p>
    </>
  ),
  about: () => (
    <>
      <p class="font-lead">
        Klyngeportalen er den fælles platform for den danske klyngeindsats: én indgang til klyngerne, ét sted
        at indberette aktiviteter og ét fælles performanceregnskab.
      </p>
      <h2>Hvem bruger portalen</h2>
      <ul>
        <li>Virksomheder og offentligheden finder klynger efter tema, region og mærkning.</li>
        <li>Klyngeorganisationer indberetter aktiviteter og deltagere og driver deres arbejdsrum.</li>
        <li>Finansiører koordinerer midler, gennemfører opslag og følger resultaterne.</li>
        <li>Supportfunktionen tilbyder services, kurser, matchmaking og benchmarking.</li>
      </ul>
      <h2>Om demodata</h2>
      <p>
        Demonstrationsudgaven indeholder offentligt kendte klyngeorganisationer, temaer og finansiører.
        Virksomheder, aktiviteter og deltagere er syntetiske og dannet, så mængderne svarer til
        klyngeindsatsen 2021-2023. Hvor et faktum ikke er kendt, er det opfundet og markeret som demodata.
      </p>
      <h2>Kortdata</h2>
      <p>Indeholder data fra Styrelsen for Dataforsyning og Infrastruktur, DAGI 1:500.000 (2014).</p>
    </>
  ),
};
