// Chooses the screen from where the desk stands: starting, setup, sign-in, recovery, must-change-password, lock, or the shell.
import { Center, Loader, Stack, Text } from '@mantine/core';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { MustChangePasswordScreen } from '../screens/account/MustChangePasswordScreen';
import { LockScreen } from '../screens/lock/LockScreen';
import { RecoveryScreen } from '../screens/recovery/RecoveryScreen';
import { SetupScreen } from '../screens/setup/SetupScreen';
import { SignInScreen } from '../screens/signin/SignInScreen';
import { UnavailableScreen } from '../screens/startup/UnavailableScreen';
import { useDeskState, useSessionActions } from './session';
import { Shell } from './Shell';

export function DeskView() {
  const { t } = useTranslation();
  const state = useDeskState();
  const { start } = useSessionActions();
  const [route, setRoute] = useState('home');

  useEffect(() => {
    void start();
  }, [start]);

  useEffect(() => {
    if (state.phase === 'signedOut') setRoute('home');
  }, [state.phase]);

  switch (state.phase) {
    case 'starting':
      return (
        <Center mih="100vh">
          <Stack align="center" gap="sm" role="status">
            <Loader aria-hidden />
            <Text>{t('startup.loading')}</Text>
          </Stack>
        </Center>
      );
    case 'unavailable':
      return <UnavailableScreen error={state.error} />;
    case 'setup':
      return <SetupScreen />;
    case 'signedOut':
      return state.view === 'recovery' ? <RecoveryScreen /> : <SignInScreen notice={state.notice} />;
    case 'signedIn':
      if (state.session.locked) return <LockScreen key={state.generation} />;
      if (state.session.mustChangePassword) return <MustChangePasswordScreen key={state.generation} />;
      // A new key after every lock and sign-in: no form or component state of before survives.
      return <Shell key={state.generation} route={route} onNavigate={setRoute} />;
  }
}
