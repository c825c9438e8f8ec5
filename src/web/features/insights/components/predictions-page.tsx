import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { PredictionItem, PredictionsResponse } from '../../../../contracts/insights.js';
import { ErrorAlert } from '../../../components/ui/alert.js';
import { Button } from '../../../components/ui/button.js';
import { Loading } from '../../../components/ui/loading.js';
import { PageHeading } from '../../../components/ui/page-heading.js';
import { LiveMessage } from '../../../components/ui/live-message.js';
import { useDocumentTitle } from '../../../lib/use-document-title.js';
import { usePredictions } from '../api/get-predictions.js';
import { useRevealAnswers } from '../api/reveal-answers.js';
import { useSavePrediction } from '../api/save-prediction.js';

type Lang = 'en' | 'es';
const langOf = (l: string): Lang => (l.startsWith('es') ? 'es' : 'en');
const percent = (x: number, locale: string) =>
  new Intl.NumberFormat(locale, { style: 'percent', maximumFractionDigits: 0 }).format(x);

/** One item: the options to pick from (grouped by category when the catalogue has them). */
function PredictForm({
  item,
  saved,
  studentId,
  name,
}: {
  item: PredictionItem;
  saved: string[] | undefined;
  studentId: string;
  name: string;
}) {
  const { t, i18n } = useTranslation();
  const lang = langOf(i18n.language);
  const [picked, setPicked] = useState<string[]>(saved ?? []);
  const save = useSavePrediction(studentId);
  const [message, setMessage] = useState('');
  const groups = new Map<string, { label: string; options: PredictionItem['options'] }>();
  for (const o of item.options) {
    const key = o.category?.id ?? '';
    const g = groups.get(key) ?? { label: o.category?.label[lang] ?? '', options: [] };
    g.options.push(o);
    groups.set(key, g);
  }
  const toggle = (id: string, on: boolean) =>
    setPicked((p) => (item.kind === 'single' ? [id] : on ? [...p, id] : p.filter((x) => x !== id)));
  const onSubmit = (e: FormEvent) => {
    e.preventDefault();
    setMessage('');
    save.mutate(
      { itemId: item.itemId, optionIds: picked },
      { onSuccess: () => setMessage(t('insights.predict.saved')) },
    );
  };
  const inputId = (o: string) => `predict-${item.itemId}-${o}`;
  return (
    <form onSubmit={onSubmit} className="predict-item">
      <fieldset>
        <legend>{item.prompt[lang]}</legend>
        <p className="hint">
          {item.kind === 'single'
            ? t('insights.predict.pickOne', { name })
            : t('insights.predict.pickMany', { name, count: item.maxChoices })}
        </p>
        {[...groups.entries()].map(([key, g]) => (
          <div
            key={key || 'options'}
            role={key ? 'group' : undefined}
            aria-label={key ? g.label : undefined}
          >
            {key ? <p className="option-group-label">{g.label}</p> : null}
            {g.options.map((o) => (
              <div key={o.id} className="choice">
                <input
                  id={inputId(o.id)}
                  type={item.kind === 'single' ? 'radio' : 'checkbox'}
                  name={`predict-${item.itemId}`}
                  value={o.id}
                  checked={picked.includes(o.id)}
                  onChange={(e) => toggle(o.id, e.target.checked)}
                />
                <label htmlFor={inputId(o.id)}>{o.label[lang]}</label>
              </div>
            ))}
          </div>
        ))}
      </fieldset>
      <Button type="submit" variant="primary" aria-disabled={save.isPending}>
        {t('insights.predict.save')}
      </Button>
      <LiveMessage>{message}</LiveMessage>
      {save.isError ? <ErrorAlert error={save.error} /> : null}
    </form>
  );
}

/** After the reveal: each prediction beside the student's answer, with its score. */
function Results({ data }: { data: PredictionsResponse }) {
  const { t, i18n } = useTranslation();
  const lang = langOf(i18n.language);
  const actual = new Map((data.actual ?? []).map((a) => [a.itemId, a.optionIds]));
  const predicted = new Map(data.predictions.map((p) => [p.itemId, p]));
  const labels = (item: PredictionItem, ids: string[] | undefined) =>
    ids && ids.length > 0
      ? ids.map((id) => item.options.find((o) => o.id === id)?.label[lang] ?? id).join(', ')
      : '—';
  return (
    <section aria-labelledby="results-heading">
      <h2 id="results-heading">{t('insights.predict.resultsHeading')}</h2>
      <p>
        {data.accuracy === null
          ? t('insights.predict.noScore')
          : t('insights.predict.accuracy', { value: percent(data.accuracy, i18n.language) })}
      </p>
      <p className="hint">{t('insights.predict.scoring')}</p>
      <div className="table-scroll" role="region" aria-labelledby="results-caption" tabIndex={0}>
        <table>
          <caption id="results-caption" className="visually-hidden">
            {t('insights.predict.resultsCaption', { name: data.displayName })}
          </caption>
          <thead>
            <tr>
              <th scope="col">{t('insights.predict.question')}</th>
              <th scope="col">{t('insights.predict.yourGuess')}</th>
              <th scope="col">{t('insights.predict.theirAnswer', { name: data.displayName })}</th>
              <th scope="col" className="num">
                {t('insights.predict.score')}
              </th>
            </tr>
          </thead>
          <tbody>
            {data.items.map((item) => {
              const p = predicted.get(item.itemId);
              return (
                <tr key={item.itemId}>
                  <th scope="row">{item.prompt[lang]}</th>
                  <td>{labels(item, p?.optionIds)}</td>
                  <td>{labels(item, actual.get(item.itemId))}</td>
                  <td className="num">
                    {p?.score === null || p?.score === undefined
                      ? '—'
                      : percent(p.score, i18n.language)}
                  </td>
                </tr>
              );
            })}
          </tbody>
        </table>
      </div>
    </section>
  );
}

/**
 * Perspective taking for one student: predict some of their answers, then reveal what they
 * shared and see how close you were (Gehlbach et al. 2023).
 */
export function PredictionsPage({ studentId }: { studentId: string }) {
  const { t } = useTranslation();
  const predictions = usePredictions(studentId);
  const reveal = useRevealAnswers(studentId);
  const name = predictions.data?.displayName ?? '';
  const title = name ? t('insights.predict.titleFor', { name }) : t('insights.predict.title');
  useDocumentTitle(title);
  if (predictions.isPending) return <Loading />;
  if (predictions.isError)
    return <ErrorAlert error={predictions.error} onRetry={() => void predictions.refetch()} />;
  const d = predictions.data;
  const saved = new Map(d.predictions.map((p) => [p.itemId, p.optionIds]));
  return (
    <>
      <PageHeading lead={t('insights.predict.lead', { name })}>{title}</PageHeading>
      <p>
        <Link to={`/students/${encodeURIComponent(studentId)}`}>
          {t('insights.predict.backTo', { name })}
        </Link>
        {' · '}
        <Link to="/insights/accuracy">{t('insights.accuracy.title')}</Link>
      </p>
      {d.revealedAt ? (
        <Results data={d} />
      ) : (
        <>
          <p>{t('insights.predict.howItWorks', { name })}</p>
          {d.items.map((item) => (
            <PredictForm
              key={item.itemId}
              item={item}
              saved={saved.get(item.itemId)}
              studentId={studentId}
              name={name}
            />
          ))}
          <section aria-labelledby="reveal-heading">
            <h2 id="reveal-heading">{t('insights.predict.revealHeading')}</h2>
            {d.studentShared ? (
              <>
                <p>{t('insights.predict.revealHint', { count: d.predictions.length })}</p>
                <Button
                  variant="primary"
                  aria-disabled={reveal.isPending}
                  onClick={() => {
                    if (!reveal.isPending) reveal.mutate();
                  }}
                >
                  {t('insights.predict.reveal', { name })}
                </Button>
                {reveal.isError ? <ErrorAlert error={reveal.error} /> : null}
              </>
            ) : (
              <p>{t('insights.predict.notSharedYet', { name })}</p>
            )}
          </section>
        </>
      )}
    </>
  );
}
