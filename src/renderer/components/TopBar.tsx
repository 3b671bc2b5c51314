import { ActionIcon, Badge, Group, Text, Tooltip, UnstyledButton } from '@mantine/core';
import { IconLogout, IconScale } from '@tabler/icons-react';
import type { Ref } from 'react';
import { useTranslation } from 'react-i18next';
import { useSession } from '../lib/session';
import { SearchField } from './SearchField';
import { SettingsMenu } from './SettingsMenu';

/** The app's top bar: name (back to the inbox), search, the signed-in user and the settings menu. */
export function TopBar({
  onHome,
  onShowShortcuts,
  onShowDeadlineRules,
  onOpenAudit,
  onOpenData,
  search,
  onSearchChange,
  searchRef,
}: {
  onHome: () => void;
  onShowShortcuts: () => void;
  onShowDeadlineRules: () => void;
  onOpenAudit: () => void;
  onOpenData: () => void;
  search: string;
  onSearchChange: (value: string) => void;
  searchRef: Ref<HTMLInputElement>;
}) {
  const { t } = useTranslation();
  const { user, signOut } = useSession();
  return (
    <Group
      component="header"
      h={40}
      px="md"
      gap="md"
      justify="space-between"
      wrap="nowrap"
      style={{ flex: 'none', borderBottom: '1px solid var(--mantine-color-default-border)' }}
      data-testid="top-bar"
    >
      <UnstyledButton onClick={onHome} aria-label={t('nav.inbox')} style={{ flex: '1 1 0', minWidth: 0 }}>
        <Group gap={8} wrap="nowrap">
          <IconScale size={20} stroke={1.75} color="var(--mantine-primary-color-filled)" aria-hidden />
          <Text fw={700} size="lg" style={{ letterSpacing: '-0.01em' }}>
            {t('app.name')}
          </Text>
          <Text size="sm" c="dimmed" visibleFrom="lg" truncate>
            {t('app.tagline')}
          </Text>
        </Group>
      </UnstyledButton>
      <div role="search" style={{ flex: '0 1 30rem', display: 'flex', justifyContent: 'center', minWidth: '14rem' }}>
        <SearchField value={search} onChange={onSearchChange} inputRef={searchRef} />
      </div>
      <Group gap="sm" wrap="nowrap" justify="flex-end" style={{ flex: '1 1 0', minWidth: 0 }}>
        <Text size="sm" data-testid="session-user">
          {user.name}
        </Text>
        <Badge variant="default" size="sm">
          {t(`role.${user.role}`)}
        </Badge>
        <SettingsMenu onShowShortcuts={onShowShortcuts} onShowDeadlineRules={onShowDeadlineRules} onOpenAudit={onOpenAudit} onOpenData={onOpenData} />
        <Tooltip label={t('signIn.signOut')}>
          <ActionIcon aria-label={t('signIn.signOut')} onClick={signOut} size="lg" variant="subtle" color="gray" data-testid="sign-out">
            <IconLogout size={18} stroke={1.75} />
          </ActionIcon>
        </Tooltip>
      </Group>
    </Group>
  );
}
