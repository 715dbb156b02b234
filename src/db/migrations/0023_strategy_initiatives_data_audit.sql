-- Custom SQL migration file, put your code below! --
-- The national cluster strategy 2016-2018 (seed 001, "Klyngestrategi 2.0"): its five focus areas
-- (indsatsområder) and 20 initiatives with the strategy's own Danish titles, English translations and
-- short descriptions, and the parties the strategy makes responsible. Every initiative starts as
-- not started; status, milestones and links are kept by Klyngeforum in the portal. Loaded before the
-- audit triggers exist: reference data, not a change by anyone.
INSERT INTO strategy_focus_areas (code, position, title_da, title_en, summary_da, summary_en) VALUES
  ('A', 1, 'Klynger og netværk som brobygger til forskning og uddannelse',
   'Clusters and networks as bridge builders to research and education',
   'Klynger skal bygge videnbroer mellem videninstitutioner og erhvervsliv, så ny forskning og viden hurtigt deles og tages i anvendelse.',
   'Clusters build knowledge bridges between knowledge institutions and business, so that new research and knowledge is shared and put to use quickly.'),
  ('B', 2, 'Klynger som en driver for internationalisering',
   'Clusters as a driver of internationalisation',
   'Klyngernes internationale strategier og engagement skal styrkes, herunder deltagelsen i EU-programmer og samarbejdet med infrastrukturen for internationalisering.',
   'Strengthen the clusters'' international strategies and engagement, including participation in EU programmes and cooperation with the internationalisation infrastructure.'),
  ('C', 3, 'Klynger som driver i det regionale økosystem',
   'Clusters as a driver in the regional ecosystem',
   'Klar rollefordeling og styrket samspil mellem klyngerne og de øvrige aktører i økosystemet.',
   'Clear division of roles and stronger interplay between the clusters and the other actors in the ecosystem.'),
  ('D', 4, 'Udvikling af stærke og professionelle klynger',
   'Development of strong and professional clusters',
   'Fortsat professionalisering af de danske klynger og netværk med Cluster Excellence Denmark som omdrejningspunkt.',
   'Continued professionalisation of Danish clusters and networks, with Cluster Excellence Denmark at the centre.'),
  ('E', 5, 'Sammenhæng i klyngeindsatsen og klyngestrukturen',
   'Coherence in the cluster effort and the cluster structure',
   'Styrket koordinering og forpligtende samarbejde om en effektiv, sammenhængende og landsdækkende klyngestruktur.',
   'Stronger coordination and binding cooperation for an effective, coherent and nationwide cluster structure.');
--> statement-breakpoint
INSERT INTO strategy_initiatives (code, focus_area_code, number, title_da, title_en, summary_da, summary_en) VALUES
  ('A1', 'A', 1, 'Strategisk samarbejde mellem klynger og forskningsinstitutioner om videnbroer',
   'Strategic cooperation between clusters and research institutions on knowledge bridges',
   'UFM indleder en dialog med universiteter og professionshøjskoler om, hvordan det strategiske samarbejde med klyngerne kan styrkes og indgå i deres strategier for vidensamspil.',
   'The ministry opens a dialogue with universities and university colleges on how strategic cooperation with the clusters can be strengthened and become part of their knowledge-exchange strategies.'),
  ('A2', 'A', 2, 'Styrket samspil om uddannelser der matcher virksomhedernes behov',
   'Stronger interplay on education that matches companies'' needs',
   'Klynger som platform for dialog mellem virksomheder og uddannelsesinstitutioner om kompetencebehov, kortere kursusforløb og efteruddannelse.',
   'Clusters as a platform for dialogue between companies and educational institutions on skills needs, shorter courses and continuing education.'),
  ('A3', 'A', 3, 'Samarbejdsprojekter mellem studerende og virksomheder',
   'Collaborative projects between students and companies',
   'Flere studerende skal via klyngerne involveres i innovationsprojekter med virksomheder, herunder SMV’er.',
   'More students are to be involved, through the clusters, in innovation projects with companies, including SMEs.'),
  ('A4', 'A', 4, 'Styrket samspil mellem klynger og Innovationsfondens instrumenter',
   'Stronger interplay between clusters and the Innovation Fund''s instruments',
   'Klyngerne skal understøtte og spille sammen med Innovationsfondens virkemidler, fx InnoBooster, både for SMV’er og større FoU-projekter.',
   'The clusters are to support and work with the Innovation Fund''s instruments, e.g. InnoBooster, for SMEs and larger R&D projects alike.'),
  ('B1', 'B', 1, 'Styrke klyngernes internationale strategier',
   'Strengthen the clusters'' international strategies',
   'Cluster Excellence Denmark udvikler et strategisk internationaliseringsværktøj, og bevillinger stiller skærpede krav til strategisk begrundede internationale aktiviteter.',
   'Cluster Excellence Denmark develops a strategic internationalisation tool, and grants set stricter requirements for strategically founded international activities.'),
  ('B2', 'B', 2, 'Strategisk klyngesamarbejde i Norden, øvrige nærområder og Europa',
   'Strategic cluster cooperation in the Nordic countries, other neighbouring areas and Europe',
   'Østersø-samarbejdet og Innovation Express fortsættes og udvides til Nordsøregionen, det øvrige Europa og på sigt USA og andre vækstlande.',
   'The Baltic Sea cooperation and Innovation Express are continued and extended to the North Sea Region, the rest of Europe and eventually the USA and other growth countries.'),
  ('B3', 'B', 3, 'Øget deltagelse i Horizon2020 gennem klyngerne',
   'Increased participation in Horizon 2020 through the clusters',
   'Klyngerne skal engagere flere virksomheder i Horizon 2020, bl.a. gennem Horizon2020-NET, og måles på antallet af EU-ansøgninger, de hjælper med at udvikle.',
   'The clusters are to engage more companies in Horizon 2020, among other things through Horizon2020-NET, and are measured on the number of EU applications they help develop.'),
  ('B4', 'B', 4, 'Styrket samarbejde mellem klyngeindsatsen og infrastrukturen for internationalisering',
   'Stronger cooperation between the cluster effort and the infrastructure for internationalisation',
   'Samarbejde med Eksportrådet, Innovationscentrene, Invest in Denmark og Enterprise Europe Network gennem fælles arrangementer og workshops.',
   'Cooperation with the Trade Council, the Innovation Centres, Invest in Denmark and the Enterprise Europe Network through joint events and workshops.'),
  ('C1', 'C', 1, 'Øget synergi mellem lokale/regionale og nationale klyngeindsatser',
   'Greater synergy between local/regional and national cluster efforts',
   'Øget samarbejde mellem regionale og nationale klyngeindsatser, så virksomheder i hele landet får adgang til relevante klyngeaktiviteter.',
   'More cooperation between regional and national cluster efforts, so that companies throughout the country get access to relevant cluster activities.'),
  ('C2', 'C', 2, 'Styrket samarbejde mellem klynger, erhvervsfremmeorganisationer samt øvrige aktører i økosystemet',
   'Stronger cooperation between clusters, business promotion organisations and other actors in the ecosystem',
   'Dialogmøder, workshops og eventuelt samarbejdsaftaler, fx et fælles charter for klynger og væksthuse om rollefordeling.',
   'Dialogue meetings, workshops and possibly cooperation agreements, e.g. a joint charter for clusters and growth houses on the division of roles.'),
  ('C3', 'C', 3, 'Styrket forretningsudvikling og iværksætteri gennem klynger',
   'Stronger business development and entrepreneurship through clusters',
   'Klynger skal i højere grad understøtte forretningsudvikling, kommercialisering og iværksætteri, bl.a. i samarbejde med Team Vækst Danmark og venturefonde.',
   'Clusters are to do more for business development, commercialisation and entrepreneurship, among other things with Team Vækst Danmark and venture funds.'),
  ('C4', 'C', 4, 'Det offentlige som vækstdriver gennem klynger',
   'The public sector as a growth driver through clusters',
   'Klyngeorganisationer inddrages i at bygge bro mellem offentlige behov og virksomheder/videninstitutioner, fx gennem OPI og innovative indkøb.',
   'Cluster organisations help bridge public needs and companies/knowledge institutions, e.g. through public-private innovation and innovative procurement.'),
  ('D1', 'D', 1, 'Udvikling af de danske styrkepositioner gennem klyngesamarbejde',
   'Developing the Danish strongholds through cluster cooperation',
   'Cluster Excellence Denmark faciliterer samarbejde mellem tematisk beslægtede klynger, først med workshops om fødevarer og cleantech.',
   'Cluster Excellence Denmark facilitates cooperation between thematically related clusters, starting with workshops on food and cleantech.'),
  ('D2', 'D', 2, 'Klyngesamarbejde om udvikling af spirende vækstområder på tværs af sektorer',
   'Cluster cooperation on developing emerging growth areas across sectors',
   'Tværsektorielle samarbejder mellem klynger om spirende vækstområder, bl.a. syv pilotprojekter om deleøkonomi, blå vækst og biomarkører.',
   'Cross-sector cooperation between clusters on emerging growth areas, including seven pilot projects on the sharing economy, blue growth and biomarkers.'),
  ('D3', 'D', 3, 'Fortsat udvikling af danske Guld- og Sølvklynger og Labelsystemet',
   'Continued development of Danish Gold and Silver clusters and the label system',
   'Kompetenceudvikling og sparring mod målet om mindst 10 Guld- og 10 Sølvklynger, et internationalt forløb for Guldklynger og en evaluering af labelsystemet.',
   'Competence development and sparring towards at least 10 Gold and 10 Silver clusters, an international programme for Gold clusters and an evaluation of the label system.'),
  ('D4', 'D', 4, 'Kompetenceudvikling af spirende, regionale/lokale klyngeorganisationer',
   'Competence development of emerging regional/local cluster organisations',
   'Cluster Excellence Denmark undersøger de mindre og spirende klyngers behov for support, og hvordan de kan støttes i samarbejde med andre aktører.',
   'Cluster Excellence Denmark examines the support needs of smaller and emerging clusters and how they can be supported together with other actors.'),
  ('E1', 'E', 1, 'Bedre overblik over det danske klyngelandskab',
   'Better overview of the Danish cluster landscape',
   'Et forbedret katalog over væsentlige klynger og netværk, der viser fagområder og geografi, og et nyt katalog over mindre og spirende klynger.',
   'An improved catalogue of significant clusters and networks showing fields and geography, and a new catalogue of smaller and emerging clusters.'),
  ('E2', 'E', 2, 'Best practice katalog over samarbejdsmodeller mellem lokale, regionale og nationale klynger',
   'Best-practice catalogue of cooperation models between local, regional and national clusters',
   'Konkrete eksempler på arbejdsdeling og strategiske alliancer mellem klynger inden for samme fagområde.',
   'Concrete examples of division of labour and strategic alliances between clusters within the same field.'),
  ('E3', 'E', 3, 'Systematiske målinger af effekterne af klyngeindsatsen',
   'Systematic measurement of the effects of the cluster effort',
   'Fælles metoder til effektmåling, en analyse af virksomhedernes effekter hvert andet år og effektdata nedbrudt på regionalt niveau.',
   'Common methods for measuring effects, an analysis of companies'' effects every other year and effect data broken down by region.'),
  ('E4', 'E', 4, 'Øget samordning af myndighedernes finansieringsredskaber og krav til klyngerne',
   'Greater coordination of the authorities'' funding instruments and requirements for the clusters',
   'Koordineringsmøder mellem de bevilgende myndigheder for at harmonisere krav, procedurer og opfølgning ved finansiering af klynger.',
   'Coordination meetings between the funding authorities to harmonise requirements, procedures and follow-up when funding clusters.');
--> statement-breakpoint
-- Responsible parties as the strategy names them; the portal links a party to its organisation
-- where that organisation exists (the demo seed does so by name).
INSERT INTO strategy_responsible_parties (initiative_code, position, name_da, name_en)
SELECT v.code, v.pos, v.name_da, v.name_en FROM (VALUES
  ('A1', 1, 'Uddannelses- og Forskningsministeriet', 'Ministry of Higher Education and Science'),
  ('A1', 2, 'Universiteter og professionshøjskoler', 'Universities and university colleges'),
  ('A2', 1, 'Uddannelses- og Forskningsministeriet', 'Ministry of Higher Education and Science'),
  ('A2', 2, 'Regionerne', 'The regions'),
  ('A3', 1, 'Klyngeforum', 'Cluster Forum'),
  ('A3', 2, 'Uddannelses- og Forskningsministeriet', 'Ministry of Higher Education and Science'),
  ('A4', 1, 'Uddannelses- og Forskningsministeriet', 'Ministry of Higher Education and Science'),
  ('A4', 2, 'Innovationsfonden', 'Innovation Fund Denmark'),
  ('B1', 1, 'Cluster Excellence Denmark', 'Cluster Excellence Denmark'),
  ('B1', 2, 'Uddannelses- og Forskningsministeriet', 'Ministry of Higher Education and Science'),
  ('B1', 3, 'Regionerne', 'The regions'),
  ('B2', 1, 'Uddannelses- og Forskningsministeriet', 'Ministry of Higher Education and Science'),
  ('B2', 2, 'Klyngeforum', 'Cluster Forum'),
  ('B2', 3, 'Regionerne', 'The regions'),
  ('B3', 1, 'Uddannelses- og Forskningsministeriet', 'Ministry of Higher Education and Science'),
  ('B3', 2, 'Regionerne', 'The regions'),
  ('B4', 1, 'Klyngeforum', 'Cluster Forum'),
  ('B4', 2, 'Cluster Excellence Denmark', 'Cluster Excellence Denmark'),
  ('B4', 3, 'Eksportrådet', 'The Trade Council'),
  ('C1', 1, 'Klyngeforum', 'Cluster Forum'),
  ('C1', 2, 'Regionerne', 'The regions'),
  ('C1', 3, 'Kommunerne', 'The municipalities'),
  ('C2', 1, 'Klyngeforum', 'Cluster Forum'),
  ('C3', 1, 'Klyngeforum', 'Cluster Forum'),
  ('C3', 2, 'Danmarks Erhvervsfremmebestyrelse', 'Danish Board of Business Development'),
  ('C4', 1, 'Klyngeforum', 'Cluster Forum'),
  ('D1', 1, 'Cluster Excellence Denmark', 'Cluster Excellence Denmark'),
  ('D2', 1, 'Uddannelses- og Forskningsministeriet', 'Ministry of Higher Education and Science'),
  ('D2', 2, 'Cluster Excellence Denmark', 'Cluster Excellence Denmark'),
  ('D3', 1, 'Cluster Excellence Denmark', 'Cluster Excellence Denmark'),
  ('D3', 2, 'Klyngeforum', 'Cluster Forum'),
  ('D4', 1, 'Cluster Excellence Denmark', 'Cluster Excellence Denmark'),
  ('E1', 1, 'Klyngeforum', 'Cluster Forum'),
  ('E2', 1, 'Klyngeforum', 'Cluster Forum'),
  ('E3', 1, 'Klyngeforum', 'Cluster Forum'),
  ('E4', 1, 'Klyngeforum', 'Cluster Forum'),
  ('E4', 2, 'Uddannelses- og Forskningsministeriet', 'Ministry of Higher Education and Science'),
  ('E4', 3, 'Danmarks Erhvervsfremmebestyrelse', 'Danish Board of Business Development'),
  ('E4', 4, 'Regionerne', 'The regions')
) AS v(code, pos, name_da, name_en);
--> statement-breakpoint
-- From here on every change is audited row by row: who changed which status, milestone or link.
CREATE TRIGGER strategy_initiatives_audit AFTER INSERT OR UPDATE OR DELETE ON strategy_initiatives
  FOR EACH ROW EXECUTE FUNCTION klynge_audit_row('code');
--> statement-breakpoint
CREATE TRIGGER strategy_responsible_parties_audit AFTER INSERT OR UPDATE OR DELETE ON strategy_responsible_parties
  FOR EACH ROW EXECUTE FUNCTION klynge_audit_row('id');
--> statement-breakpoint
CREATE TRIGGER strategy_status_changes_audit AFTER INSERT OR UPDATE OR DELETE ON strategy_status_changes
  FOR EACH ROW EXECUTE FUNCTION klynge_audit_row('id');
--> statement-breakpoint
CREATE TRIGGER strategy_milestones_audit AFTER INSERT OR UPDATE OR DELETE ON strategy_milestones
  FOR EACH ROW EXECUTE FUNCTION klynge_audit_row('id');
--> statement-breakpoint
CREATE TRIGGER strategy_initiative_links_audit AFTER INSERT OR UPDATE OR DELETE ON strategy_initiative_links
  FOR EACH ROW EXECUTE FUNCTION klynge_audit_row('id');
