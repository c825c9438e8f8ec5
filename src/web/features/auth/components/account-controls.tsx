import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { Button } from '../../../components/ui/button.js';
import { useSession } from '../api/get-session.js';
import { useSignOut } from '../api/sign-out.js';

/** The signed-in person's name and Sign out; nothing when signed out. */
export function AccountControls() {
  const { t } = useTranslation();
  const session = useSession();
  const signOut = useSignOut();
  const navigate = useNavigate();
  const user = session.data?.user;
  if (!user) return null;
  return (
    <div className="account-controls">
      <span className="user-name">{user.displayName}</span>
      <Button
        variant="quiet"
        onClick={() =>
          signOut.mutate(undefined, { onSettled: () => navigate('/sign-in', { replace: true }) })
        }
      >
        {t('app.signOut')}
      </Button>
    </div>
  );
}
