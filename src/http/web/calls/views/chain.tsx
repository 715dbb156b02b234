import { allDone, doneFor } from '../../../../domain/calls/chain.ts';
import type { CallProcessing } from '../../../../domain/calls/processing.ts';
import { formatDateTime } from '../../../../domain/reference/danish.ts';
import type { Lang } from '../../../paths.ts';
import type { ChainMessages } from '../chain-messages.ts';
import { ProcessForm, Table } from './processing.tsx';

/**
 * The joint decision chain on a call's processing page: every step with its parties, who took it
 * and when, and the one form each party may use now. The domain refuses a step out of turn; the
 * page only offers the steps that are due.
 */

interface Props {
  t: ChainMessages;
  lang: Lang;
  csrfToken: string;
  processing: CallProcessing;
}

export function DecisionChain({ t, lang, csrfToken, processing }: Props) {
  const { chain, setup, actions, ranked } = processing;
  if (!chain) return null;
  const slug = setup.call.slug;
  const status = setup.call.status;
  const nameOfApplication = (id: string) =>
    ranked.find((r) => r.application.id === id)?.application.organisationName ?? '';
  const recommending = actions.manage && status === 'assessed' && !allDone(chain, 'recommendation');
  const signing = allDone(chain, 'recommendation') && status === 'assessed';
  const signed = doneFor(chain, 'sign_off');
  const finishing = allDone(chain, 'selection');
  const finished = doneFor(chain, 'allocation');
  const granting = actions.manage && allDone(chain, 'allocation') && !allDone(chain, 'grants');
  const funderName = (id: string) =>
    chain.steps.flatMap((s) => s.parties).find((p) => p.organisationId === id)?.organisationName ?? '';
  return (
    <section>
      <h2>{t.chain}</h2>
      <p>{t.chainLead(chain.deciderName)}</p>
      <Table
        caption={t.chain}
        head={[t.step, t.party, t.doneBy, t.doneAt]}
        rows={chain.steps.flatMap((s) =>
          s.parties.map((p) => [
            t.steps[s.step] ?? s.step,
            p.organisationName,
            p.doneByName ?? '',
            p.doneAt ? formatDateTime(p.doneAt, lang) : t.notYet,
          ]),
        )}
      />
      {chain.recommended.length > 0 && (
        <>
          <h3>{t.recommended}</h3>
          <ol>
            {chain.recommended.map((r) => (
              <li>{nameOfApplication(r.applicationId)}</li>
            ))}
          </ol>
        </>
      )}
      {recommending && (
        <ProcessForm lang={lang} csrfToken={csrfToken} slug={slug} what="recommend">
          <fieldset>
            <legend class="h3">{t.recommend}</legend>
            {ranked
              .filter((r) => r.application.status === 'eligible')
              .map((r) => (
                <div class="form-group-checkbox">
                  <input
                    class="form-checkbox"
                    type="checkbox"
                    id={`recommend-${r.application.id}`}
                    name="recommended"
                    value={r.application.id}
                  />
                  <label for={`recommend-${r.application.id}`}>
                    {r.rank}. {r.application.organisationName}
                  </label>
                </div>
              ))}
            <button type="submit" class="button button-primary">
              {t.recommendAction}
            </button>
          </fieldset>
        </ProcessForm>
      )}
      {signing &&
        actions.signOffFor
          .filter((id) => !signed.has(id))
          .map((funderId) => (
            <ProcessForm lang={lang} csrfToken={csrfToken} slug={slug} what="signOff">
              <input type="hidden" name="funderId" value={funderId} />
              <button type="submit" class="button button-primary">
                {t.signOff(funderName(funderId))}
              </button>
            </ProcessForm>
          ))}
      {finishing &&
        actions.allocateFor
          .filter((id) => !finished.has(id))
          .map((funderId) => (
            <ProcessForm lang={lang} csrfToken={csrfToken} slug={slug} what="finishAllocation">
              <input type="hidden" name="funderId" value={funderId} />
              <button type="submit" class="button button-secondary">
                {t.finishAllocation(funderName(funderId))}
              </button>
            </ProcessForm>
          ))}
      {granting && (
        <ProcessForm lang={lang} csrfToken={csrfToken} slug={slug} what="createGrants">
          <button type="submit" class="button button-primary">
            {t.createGrants}
          </button>
        </ProcessForm>
      )}
    </section>
  );
}
