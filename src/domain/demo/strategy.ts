import { sql } from 'drizzle-orm';
import type { Tx } from '../../db/client.ts';

const FUNDER_EMAIL = 'funder@demo.klyngeportalen.dk';

/**
 * The strategy's follow-up for the demo: responsible parties linked to the portal's organisations
 * of the same name, a few initiatives under way or completed with their status history,
 * milestones (some reached) and reported activities linked to them. Deterministic.
 */
export async function insertDemoStrategy(tx: Tx): Promise<void> {
  await tx.execute(sql`update strategy_responsible_parties p set organisation_id = o.id
                         from organisations o where o.name = p.name_da`);
  const funderId = sql`(select id from users where email = ${FUNDER_EMAIL})`;
  const changes: [string, string, string, string, string][] = [
    ['A1', 'not_started', 'in_progress', '2016-03-01T10:00:00Z', 'Dialog med universiteterne er indledt.'],
    ['B3', 'not_started', 'in_progress', '2016-02-15T10:00:00Z', 'Horizon2020-NET er bevilget.'],
    ['B3', 'in_progress', 'completed', '2017-12-18T10:00:00Z', 'Horizon2020-NET er afsluttet og evalueret.'],
    ['D3', 'not_started', 'in_progress', '2016-04-04T10:00:00Z', 'Sparringsforløb med klyngerne er i gang.'],
    ['E1', 'not_started', 'in_progress', '2016-05-02T10:00:00Z', 'Arbejdet med kataloget er startet.'],
    [
      'C4',
      'not_started',
      'discontinued',
      '2017-06-12T10:00:00Z',
      'Indgår i stedet i handlingsplanen for C1.',
    ],
  ];
  for (const [code, from, to, at, note] of changes) {
    await tx.execute(sql`insert into strategy_status_changes
        (initiative_code, from_status, to_status, note, changed_by, changed_by_label, changed_at)
      values (${code}, ${from}, ${to}, ${note}, ${funderId}, ${FUNDER_EMAIL}, ${at})`);
    await tx.execute(
      sql`update strategy_initiatives set status = ${to}, updated_at = ${at} where code = ${code}`,
    );
  }
  const milestones: [string, string, string, string | null][] = [
    ['A1', 'Kortlægning af barrierer for forskeres deltagelse i klynger', '2016-09-30', '2016-10-14'],
    ['A1', 'Klyngesamarbejde indgår i universiteternes strategier for vidensamspil', '2018-06-30', null],
    ['B3', 'Horizon2020-NET-klynger udpeget', '2016-03-31', '2016-03-22'],
    ['B3', 'Opgørelse af EU-ansøgninger udviklet med klyngerne', '2017-12-31', '2017-12-11'],
    ['D3', 'Internationalt forløb for Guldklynger', '2017-06-30', '2017-09-01'],
    ['D3', 'Evaluering af labelsystemet', '2018-12-31', null],
    ['E1', 'Katalog over mindre og spirende klynger', '2017-03-31', null],
  ];
  for (const [code, title, due, done] of milestones) {
    await tx.execute(sql`insert into strategy_milestones (initiative_code, title, due_on, done_on, created_by, created_at)
      values (${code}, ${title}, ${due}, ${done}, ${funderId}, '2016-01-12T09:00:00Z')`);
  }
  // The first reported activities of Odense Robotics carry out the knowledge-bridge and
  // professionalisation initiatives; the cluster as a whole takes part in the Gold-cluster track.
  await tx.execute(sql`insert into strategy_initiative_links (initiative_code, activity_id, created_by)
    select x.code, a.id, ${funderId}
      from (select a.id, row_number() over (order by a.start_date, a.id) as n
              from activities a join organisations o on o.id = a.cluster_id
             where o.slug = 'odense-robotics') a
      join (values (1, 'A1'), (2, 'A1'), (3, 'D3')) as x(n, code) on x.n = a.n`);
  await tx.execute(sql`insert into strategy_initiative_links (initiative_code, cluster_id, created_by)
    select 'D3', id, ${funderId} from organisations where slug = 'odense-robotics'`);
}
