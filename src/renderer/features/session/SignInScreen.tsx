import { refusalText } from '../../lib/refusalText';
import { Alert, Button, Center, Group, Paper, PasswordInput, SegmentedControl, Stack, Text, TextInput, Title } from '@mantine/core';
import { IconAlertTriangle, IconScale } from '@tabler/icons-react';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { ChannelOutput } from '../../../shared/ipc/contract';
import { currentUiLanguage, setUiLanguage, UI_LANGUAGES, type UiLanguage } from '../../i18n';
import { call } from '../../lib/api';
import { asRpcFailure } from '../../lib/useCall';

type SessionState = ChannelOutput<'session:get'>;

/**
 * The first screen of every start: sign in with a local account, or, on a store without
 * accounts, create the ombudsman's. The service decides; this form only asks.
 */
export function SignInScreen({ needsSetup, onSignedIn }: { needsSetup: boolean; onSignedIn: (state: SessionState) => void }) {
  const { t } = useTranslation();
  const [language, setLanguage] = useState<UiLanguage>(currentUiLanguage());
  const [username, setUsername] = useState('');
  const [displayName, setDisplayName] = useState('');
  const [password, setPassword] = useState('');
  const [confirm, setConfirm] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  const mismatch = needsSetup && confirm !== '' && confirm !== password;

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    if (mismatch) return;
    setBusy(true);
    setError(null);
    try {
      const state = needsSetup
        ? await call('session:setup', { username, displayName, password })
        : await call('session:signIn', { username, password });
      onSignedIn(state);
    } catch (failure) {
      const rpc = asRpcFailure(failure);
      setError(refusalText(t, rpc));
      setPassword('');
      setConfirm('');
    } finally {
      setBusy(false);
    }
  };

  return (
    <Center h="100%" p="xl" style={{ background: 'var(--mantine-color-body)' }}>
      <Stack w={380} gap="lg">
        <Group gap={10} justify="center">
          <IconScale size={28} stroke={1.75} color="var(--mantine-primary-color-filled)" aria-hidden />
          <Title order={1} size="h2" style={{ letterSpacing: '-0.01em' }}>
            {t('app.name')}
          </Title>
        </Group>
        <Paper withBorder p="lg" radius="md" component="form" onSubmit={submit} data-testid={needsSetup ? 'setup-form' : 'sign-in-form'}>
          <Stack gap="sm">
            <div>
              <Title order={2} size="h4">
                {needsSetup ? t('signIn.setupTitle') : t('signIn.title')}
              </Title>
              <Text size="sm" c="dimmed">
                {needsSetup ? t('signIn.setupIntro') : t('signIn.intro')}
              </Text>
            </div>
            <TextInput
              label={t('signIn.username')}
              value={username}
              onChange={(e) => setUsername(e.currentTarget.value)}
              autoComplete="username"
              autoFocus
              required
              data-testid="sign-in-username"
            />
            {needsSetup && (
              <TextInput
                label={t('signIn.displayName')}
                value={displayName}
                onChange={(e) => setDisplayName(e.currentTarget.value)}
                autoComplete="name"
                required
                data-testid="sign-in-display-name"
              />
            )}
            <PasswordInput
              label={t('signIn.password')}
              description={needsSetup ? t('signIn.passwordRule') : undefined}
              value={password}
              onChange={(e) => setPassword(e.currentTarget.value)}
              autoComplete={needsSetup ? 'new-password' : 'current-password'}
              required
              data-testid="sign-in-password"
            />
            {needsSetup && (
              <PasswordInput
                label={t('signIn.confirmPassword')}
                value={confirm}
                onChange={(e) => setConfirm(e.currentTarget.value)}
                autoComplete="new-password"
                error={mismatch ? t('signIn.mismatch') : undefined}
                required
                data-testid="sign-in-confirm"
              />
            )}
            {error && (
              <Alert color="red" variant="light" icon={<IconAlertTriangle size={16} />} role="alert" data-testid="sign-in-error">
                {error}
              </Alert>
            )}
            <Button type="submit" loading={busy} disabled={mismatch} fullWidth mt="xs" data-testid="sign-in-submit">
              {needsSetup ? t('signIn.create') : t('signIn.submit')}
            </Button>
          </Stack>
        </Paper>
        <Group justify="center">
          <SegmentedControl
            size="xs"
            value={language}
            onChange={(value) => {
              setLanguage(value as UiLanguage);
              void setUiLanguage(value as UiLanguage);
            }}
            data={UI_LANGUAGES.map((lng) => ({ value: lng, label: t(`language.${lng}`) }))}
            aria-label={t('settings.language')}
          />
        </Group>
      </Stack>
    </Center>
  );
}
