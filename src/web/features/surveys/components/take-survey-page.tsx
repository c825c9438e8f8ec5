// Answering one survey, signed in or through a one-time link's session (hence outside the
// session guard). One question per screen; each answer is saved as progress.
import { useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams, useSearchParams } from 'react-router';
import type { SurveyLang } from '../../../../contracts/instruments.js';
import type { TakeSurveyResponse } from '../../../../contracts/surveys.js';
import { QuestionFlow, type FlowValue } from '../../../components/question-flow/question-flow.js';
import { ErrorAlert } from '../../../components/ui/alert.js';
import { Button } from '../../../components/ui/button.js';
import { Loading } from '../../../components/ui/loading.js';
import { PageHeading } from '../../../components/ui/page-heading.js';
import { errorMessage } from '../../../lib/error-message.js';
import { useDocumentTitle } from '../../../lib/use-document-title.js';
import { useLinkSession } from '../api/redeem-link.js';
import { saveDraft } from '../api/save-draft.js';
import { useSubmitResponse } from '../api/submit-response.js';
import { useTakeSurvey } from '../api/take-survey.js';

export function TakeSurveyPage({ signedIn }: { signedIn: boolean }) {
  const { t } = useTranslation();
  const link = useLinkSession(!signedIn);
  useDocumentTitle(t('surveys.take.documentTitle'));
  if (!signedIn && link.isPending) return <Loading />;
  if (!signedIn && !link.data?.session)
    return (
      <>
        <PageHeading>{t('surveys.take.documentTitle')}</PageHeading>
        <p>{t('surveys.take.needSession')}</p>
        <p>
          <Link to="/sign-in">{t('surveys.take.signIn')}</Link>
        </p>
      </>
    );
  return <TakeSurvey />;
}

function TakeSurvey() {
  const { i18n } = useTranslation();
  const { administrationId = '' } = useParams();
  const [params] = useSearchParams();
  const subject = params.get('subject') ?? '';
  const [lang, setLang] = useState<SurveyLang | undefined>(i18n.language === 'es' ? 'es' : 'en');
  const survey = useTakeSurvey(administrationId, subject, lang);
  if (survey.isPending) return <Loading />;
  if (survey.isError)
    return <ErrorAlert error={survey.error} onRetry={() => void survey.refetch()} />;
  return (
    <SurveyFlow
      key={survey.data.language}
      survey={survey.data}
      onLanguage={(l) => {
        setLang(l);
        void i18n.changeLanguage(l);
      }}
    />
  );
}

function SurveyFlow({
  survey,
  onLanguage,
}: {
  survey: TakeSurveyResponse;
  onLanguage: (l: SurveyLang) => void;
}) {
  const { t } = useTranslation();
  const responseId = useRef(crypto.randomUUID());
  const submit = useSubmitResponse(survey.administrationId);
  const [share, setShare] = useState(false);
  const [people, setPeople] = useState<Record<string, string[]>>(() =>
    Object.fromEntries(survey.draft.map((d) => [d.itemId, d.people])),
  );
  const initial = Object.fromEntries(survey.draft.map((d) => [d.itemId, d.value]));
  const valuesRef = useRef<Record<string, FlowValue | null>>(initial);

  if (survey.finished || submit.isSuccess)
    return (
      <>
        <PageHeading>{t('surveys.take.thanks')}</PageHeading>
        <p>{t('surveys.take.thanksBody')}</p>
        <p>
          <Link to="/">{t('surveys.take.home')}</Link>
        </p>
      </>
    );

  const save = (itemId: string, value: FlowValue | null, named?: string[]) => {
    valuesRef.current = { ...valuesRef.current, [itemId]: value };
    const keep = typeof value === 'number' && value >= 3 ? (named ?? people[itemId] ?? []) : [];
    return saveDraft(survey.administrationId, {
      subjectKey: survey.subjectKey,
      itemId,
      value: typeof value === 'number' ? value : null,
      ...(keep.length ? { people: keep } : {}),
    });
  };

  return (
    <>
      <PageHeading lead={survey.intro}>{survey.title}</PageHeading>
      <p className="survey-privacy">
        {survey.mode === 'anonymous' ? t('surveys.take.anonymous') : t('surveys.take.confidential')}
      </p>
      {survey.languages.length > 1 && (
        <div className="survey-languages" role="group" aria-label={t('surveys.take.language')}>
          {survey.languages.map((l) => (
            <Button
              key={l}
              variant={l === survey.language ? 'primary' : 'secondary'}
              aria-pressed={l === survey.language}
              onClick={() => onLanguage(l)}
              lang={l}
            >
              {t(`surveys.take.lang.${l}`)}
            </Button>
          ))}
        </div>
      )}
      <QuestionFlow
        lang={survey.language}
        questions={survey.items.map((i) => ({ id: i.id, text: i.text, options: i.options }))}
        initialAnswers={initial}
        onAnswer={(id, value) => save(id, value)}
        renderExtra={(q, value) => {
          const item = survey.items.find((i) => i.id === q.id);
          if (
            item?.kind !== 'adult' ||
            typeof value !== 'number' ||
            value < 3 ||
            survey.adults.length === 0
          )
            return null;
          const chosen = people[q.id] ?? [];
          return (
            <fieldset className="survey-adults">
              <legend>{item.namePrompt ?? t('surveys.take.whichAdults')}</legend>
              {survey.adults.map((a) => (
                <div key={a.id}>
                  <input
                    type="checkbox"
                    id={`adult-${a.id}`}
                    checked={chosen.includes(a.id)}
                    onChange={(e) => {
                      const next = e.target.checked
                        ? [...chosen, a.id].slice(0, 5)
                        : chosen.filter((x) => x !== a.id);
                      setPeople((p) => ({ ...p, [q.id]: next }));
                      void save(q.id, value, next);
                    }}
                  />
                  <label htmlFor={`adult-${a.id}`}>{a.name}</label>
                </div>
              ))}
            </fieldset>
          );
        }}
        reviewExtra={
          survey.canShareWithTeacher ? (
            <div className="survey-share">
              <input
                type="checkbox"
                id="survey-share"
                checked={share}
                onChange={(e) => setShare(e.target.checked)}
              />
              <label htmlFor="survey-share">{t('surveys.take.share')}</label>
            </div>
          ) : null
        }
        finishing={submit.isPending}
        finishError={submit.isError ? errorMessage(submit.error, t) : null}
        onFinish={(answers) =>
          submit.mutate({
            responseId: responseId.current,
            subjectKey: survey.subjectKey,
            language: survey.language,
            shareWithTeacher: survey.canShareWithTeacher ? share : undefined,
            answers: Object.entries(answers)
              .filter((e): e is [string, number] => typeof e[1] === 'number')
              .map(([itemId, value]) => ({
                itemId,
                value,
                ...(people[itemId]?.length && value >= 3 ? { people: people[itemId] } : {}),
              })),
          })
        }
      />
    </>
  );
}
