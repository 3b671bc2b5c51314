import { ActionIcon, Badge, Button, Group, Text, Tooltip, UnstyledButton } from '@mantine/core';
import { IconBuildingBank, IconFileImport, IconLogout, IconScale, IconTargetArrow } from '@tabler/icons-react';
import type { Ref } from 'react';
import { useTranslation } from 'react-i18next';
import { useSession } from '../lib/session';
import { ApprovalsNavButton } from '../features/approvals/ApprovalsNavButton';
import { SearchField } from './SearchField';
import { SettingsMenu } from './SettingsMenu';

/** The app's top bar: name (back to the inbox), search, the signed-in user and the settings menu. */
export function TopBar({
  onHome,
  onImport,
  onShowShortcuts,
  onShowDeadlineRules,
  onShowMatters,
  mattersActive,
  onShowZero,
  zeroActive,
  onOpenAudit,
  onOpenData,
  onOpenTemplates,
  onShowApprovals,
  approvalsActive,
  search,
  onSearchChange,
  searchRef,
}: {
  onHome: () => void;
  onImport: () => void;
  onShowShortcuts: () => void;
  onShowDeadlineRules: () => void;
  onShowMatters: () => void;
  mattersActive: boolean;
  onShowZero: () => void;
  zeroActive: boolean;
  onOpenAudit: () => void;
  onOpenData: () => void;
  onOpenTemplates: () => void;
  onShowApprovals: () => void;
  approvalsActive: boolean;
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
      {/* The right side takes what its buttons need; the tagline on the left gives way first. */}
      <Group gap="sm" wrap="nowrap" justify="flex-end" style={{ flex: '1 0 auto', minWidth: 0 }}>
        {user.role !== 'auditor' && <ApprovalsNavButton active={approvalsActive} onOpen={onShowApprovals} />}
        <Button
          size="compact-sm"
          variant={mattersActive ? 'light' : 'subtle'}
          color={mattersActive ? undefined : 'gray'}
          leftSection={<IconBuildingBank size={16} stroke={1.75} />}
          onClick={onShowMatters}
          data-testid="nav-matters"
        >
          {t('matters.nav')}
        </Button>
        <Button
          size="compact-sm"
          variant={zeroActive ? 'light' : 'subtle'}
          color={zeroActive ? undefined : 'gray'}
          leftSection={<IconTargetArrow size={16} stroke={1.75} />}
          onClick={onShowZero}
          data-testid="nav-zero"
        >
          {t('zero.nav')}
        </Button>
        <Text size="sm" style={{ whiteSpace: 'nowrap' }} data-testid="session-user">
          {user.name}
        </Text>
        <Badge variant="default" size="sm">
          {t(`role.${user.role}`)}
        </Badge>
        <Tooltip label={t('import.open')}>
          <ActionIcon aria-label={t('import.open')} onClick={onImport} size="lg" variant="subtle" color="gray" data-testid="open-import">
            <IconFileImport size={18} stroke={1.75} />
          </ActionIcon>
        </Tooltip>
        <SettingsMenu onShowShortcuts={onShowShortcuts} onShowDeadlineRules={onShowDeadlineRules} onOpenAudit={onOpenAudit} onOpenData={onOpenData} onOpenTemplates={onOpenTemplates} />
        <Tooltip label={t('signIn.signOut')}>
          <ActionIcon aria-label={t('signIn.signOut')} onClick={signOut} size="lg" variant="subtle" color="gray" data-testid="sign-out">
            <IconLogout size={18} stroke={1.75} />
          </ActionIcon>
        </Tooltip>
      </Group>
    </Group>
  );
}
