import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Navigate, useLocation, useNavigate } from 'react-router';
import { Alert } from '../../../components/ui/alert.js';
import { Button } from '../../../components/ui/button.js';
import { Loading } from '../../../components/ui/loading.js';
import { PageHeading } from '../../../components/ui/page-heading.js';
import { errorMessage } from '../../../lib/error-message.js';
import { useDocumentTitle } from '../../../lib/use-document-title.js';
import { useSession } from '../api/get-session.js';
import { useSignIn } from '../api/sign-in.js';

/** Where the session guard sent the person from, so sign-in can take them back. */
function returnPath(state: unknown): string {
  const from = (state as { from?: { pathname?: unknown } } | null)?.from?.pathname;
  return typeof from === 'string' && from.startsWith('/') && from !== '/sign-in' ? from : '/';
}

export function SignInPage() {
  const { t } = useTranslation();
  useDocumentTitle(t('signIn.title'));
  const session = useSession();
  const signIn = useSignIn();
  const navigate = useNavigate();
  const location = useLocation();
  const [username, setUsername] = useState('');
  const [password, setPassword] = useState('');

  if (session.isPending) return <Loading />;
  if (session.data && !signIn.isSuccess) return <Navigate to="/" replace />;

  function submit(event: FormEvent) {
    event.preventDefault();
    if (signIn.isPending) return;
    signIn.mutate(
      { username: username.trim(), password },
      { onSuccess: () => navigate(returnPath(location.state), { replace: true }) },
    );
  }

  return (
    <div className="narrow">
      <PageHeading lead={t('signIn.lead')}>{t('signIn.title')}</PageHeading>
      {signIn.isError ? (
        <Alert>
          <p>{errorMessage(signIn.error, t)}</p>
        </Alert>
      ) : null}
      <form className="form" onSubmit={submit}>
        <div className="field">
          <label htmlFor="sign-in-username">{t('signIn.username')}</label>
          <input
            id="sign-in-username"
            name="username"
            type="text"
            autoComplete="username"
            autoCapitalize="none"
            spellCheck={false}
            required
            maxLength={254}
            value={username}
            onChange={(e) => setUsername(e.target.value)}
          />
        </div>
        <div className="field">
          <label htmlFor="sign-in-password">{t('signIn.password')}</label>
          <input
            id="sign-in-password"
            name="password"
            type="password"
            autoComplete="current-password"
            required
            maxLength={1024}
            value={password}
            onChange={(e) => setPassword(e.target.value)}
          />
        </div>
        <Button type="submit" variant="primary" aria-disabled={signIn.isPending || undefined}>
          {signIn.isPending ? t('signIn.submitting') : t('signIn.submit')}
        </Button>
      </form>
    </div>
  );
}
