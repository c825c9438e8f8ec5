import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Locale } from '../../../../contracts/common.js';
import type { Stage } from '../../../../contracts/practice.js';
import type { StrategySummary } from '../../../../contracts/strategies.js';
import { ErrorAlert } from '../../../components/ui/alert.js';
import { Loading } from '../../../components/ui/loading.js';
import { useStrategy } from '../api/get-strategy.js';
import { useStrategies } from '../api/list-strategies.js';

/** The text's own sections (h2) sit under the strategy's title (h3) here: move them down two levels. */
function nestHeadings(html: string): string {
  return html.replace(
    /<(\/?)h([1-6])(?=[\s>])/g,
    (_m, slash: string, level: string) => `<${slash}h${Math.min(6, Number(level) + 2)}`,
  );
}

const asLocale = (lang: string): Locale => (lang === 'es' ? 'es' : 'en');

/** "What helps in restore": the library's strategies for the relationship's stage. */
export function StrategiesSection({ stage }: { stage: Stage }) {
  const { t, i18n } = useTranslation();
  const lang = asLocale(i18n.language);
  const list = useStrategies(stage, lang);
  return (
    <section aria-labelledby="strategies-heading">
      <h2 id="strategies-heading">
        {t('practice.strategies.heading', { stage: t(`practice.stages.${stage}`) })}
      </h2>
      {list.isPending ? (
        <Loading />
      ) : list.isError ? (
        <ErrorAlert error={list.error} onRetry={() => void list.refetch()} />
      ) : list.data.strategies.length === 0 ? (
        <p>{t('practice.strategies.none')}</p>
      ) : (
        <ul className="plain-list strategy-list">
          {list.data.strategies.map((s) => (
            <StrategyItem key={s.slug} strategy={s} lang={lang} />
          ))}
        </ul>
      )}
    </section>
  );
}

function StrategyItem({ strategy, lang }: { strategy: StrategySummary; lang: Locale }) {
  const { t } = useTranslation();
  const [open, setOpen] = useState(false);
  const full = useStrategy(strategy.slug, lang, open);
  return (
    <li className="strategy">
      <h3>{strategy.title}</h3>
      <p>{strategy.summary}</p>
      <p className="hint">{t('practice.strategies.minutes', { count: strategy.minutes })}</p>
      <details onToggle={(e) => setOpen(e.currentTarget.open)}>
        <summary>
          {t('practice.strategies.readMore')}
          <span className="visually-hidden"> {strategy.title}</span>
        </summary>
        {!open ? null : full.isPending ? (
          <Loading />
        ) : full.isError ? (
          <ErrorAlert error={full.error} onRetry={() => void full.refetch()} />
        ) : (
          // Trusted: rendered on our server from the library's own Markdown, without raw HTML.
          <div
            className="strategy-text"
            dangerouslySetInnerHTML={{ __html: nestHeadings(full.data.html) }}
          />
        )}
      </details>
    </li>
  );
}
