import { ActionIcon, Menu, Text, Tooltip, useMantineColorScheme, type MantineColorScheme } from '@mantine/core';
import { IconCheck, IconClockHour4, IconDatabase, IconDeviceDesktop, IconKeyboard, IconMail, IconMoon, IconSettings, IconShieldCheck, IconSun, IconTemplate, IconUserCheck } from '@tabler/icons-react';
import { lazy, Suspense, useState } from 'react';
import { ApproverSettingsModal } from '../features/approvals/ApproverSettingsModal';
import { useTranslation } from 'react-i18next';
import { currentUiLanguage, setUiLanguage, UI_LANGUAGES } from '../i18n';
import { formatCount } from '../lib/format';
import { useSession } from '../lib/session';

// The mail settings validate with zod; loaded when opened, so the start stays free of it.
const MailSettingsModal = lazy(() => import('../features/send/MailSettingsModal').then((m) => ({ default: m.MailSettingsModal })));

const SCHEMES: { value: MantineColorScheme; key: 'appearanceAuto' | 'appearanceLight' | 'appearanceDark'; icon: typeof IconSun }[] = [
  { value: 'auto', key: 'appearanceAuto', icon: IconDeviceDesktop },
  { value: 'light', key: 'appearanceLight', icon: IconSun },
  { value: 'dark', key: 'appearanceDark', icon: IconMoon },
];

/** Language, light/dark, the deadline rules, the decision templates, the audit log, the shortcut list and what store is open. */
export function SettingsMenu({
  onShowShortcuts,
  onShowDeadlineRules,
  onOpenAudit,
  onOpenData,
  onOpenTemplates,
}: {
  onShowShortcuts: () => void;
  onShowDeadlineRules: () => void;
  onOpenAudit: () => void;
  onOpenData: () => void;
  onOpenTemplates: () => void;
}) {
  const { t } = useTranslation();
  const { colorScheme, setColorScheme } = useMantineColorScheme();
  const { info, user } = useSession();
  // The service refuses handlers too; the menu just does not offer what would be refused.
  const mayAudit = user.role === 'auditor' || user.role === 'ombudsman';
  const language = currentUiLanguage();
  const [approversOpen, setApproversOpen] = useState(false);
  const check = (on: boolean) => (on ? <IconCheck size={14} /> : <span style={{ width: 14, display: 'inline-block' }} />);
  const [mailSettings, setMailSettings] = useState(false);

  return (
    <>
    <ApproverSettingsModal opened={approversOpen} onClose={() => setApproversOpen(false)} />
    <Menu width={280} position="bottom-end">
      <Menu.Target>
        <Tooltip label={t('settings.menu')}>
          <ActionIcon aria-label={t('settings.menu')} data-testid="settings-menu" size="lg">
            <IconSettings size={18} stroke={1.75} />
          </ActionIcon>
        </Tooltip>
      </Menu.Target>
      <Menu.Dropdown>
        <Menu.Label>{t('settings.language')}</Menu.Label>
        {UI_LANGUAGES.map((lng) => (
          <Menu.Item key={lng} leftSection={check(language === lng)} onClick={() => void setUiLanguage(lng)} data-testid={`language-${lng}`} lang={lng}>
            {t(`language.${lng}`)}
          </Menu.Item>
        ))}
        <Menu.Divider />
        <Menu.Label>{t('settings.appearance')}</Menu.Label>
        {SCHEMES.map(({ value, key, icon: Icon }) => (
          <Menu.Item key={value} leftSection={check(colorScheme === value)} rightSection={<Icon size={14} />} onClick={() => setColorScheme(value)}>
            {t(`settings.${key}`)}
          </Menu.Item>
        ))}
        <Menu.Divider />
        <Menu.Item leftSection={<IconClockHour4 size={14} />} onClick={onShowDeadlineRules} data-testid="menu-deadline-rules">
          {t('deadlineRules.menu')}
        </Menu.Item>
        <Menu.Item leftSection={<IconTemplate size={14} />} onClick={onOpenTemplates} data-testid="open-templates">
          {t('templates.menu')}
        </Menu.Item>
        <Menu.Item leftSection={<IconKeyboard size={14} />} rightSection={<Text size="xs" c="dimmed">?</Text>} onClick={onShowShortcuts}>
          {t('settings.shortcuts')}
        </Menu.Item>
        {mayAudit && (
          <Menu.Item leftSection={<IconShieldCheck size={14} />} onClick={onOpenAudit} data-testid="open-audit">
            {t('audit.menu')}
          </Menu.Item>
        )}
        {user.role === 'ombudsman' && (
          <Menu.Item leftSection={<IconMail size={14} />} onClick={() => setMailSettings(true)} data-testid="open-mail-settings">
            {t('send.settings.menu')}
          </Menu.Item>
        )}
        {user.role === 'ombudsman' && (
          <Menu.Item leftSection={<IconUserCheck size={14} />} onClick={() => setApproversOpen(true)} data-testid="open-approver-settings">
            {t('collab.settings.menu')}
          </Menu.Item>
        )}
        {user.role === 'ombudsman' && (
          <Menu.Item leftSection={<IconDatabase size={14} />} onClick={onOpenData} data-testid="open-data-care">
            {t('dataCare.menu')}
          </Menu.Item>
        )}
        <Menu.Divider />
        <Menu.Label>{t('settings.store')}</Menu.Label>
        <Text size="xs" px="sm" pb={2} style={{ overflowWrap: 'anywhere' }} data-testid="store-path">
          {info.storePath}
        </Text>
        <StoreCounts cases={info.counts.cases} events={info.counts.events} />
        <Text size="xs" px="sm" pb="xs" c="dimmed" className="tabular">
          {t('settings.version', { version: info.appVersion, schema: info.schemaVersion })}
        </Text>
      </Menu.Dropdown>
    </Menu>
    {mailSettings && (
      <Suspense fallback={null}>
        <MailSettingsModal opened onClose={() => setMailSettings(false)} />
      </Suspense>
    )}
    </>
  );
}

/**
 * The store's size in the menu, formatted only when the menu opens (Mantine renders a closed
 * dropdown's content lazily): the first number format built in a window loads the locale's data,
 * about 60 ms that the start of the inbox need not wait for.
 */
function StoreCounts({ cases, events }: { cases: number; events: number }) {
  const { t, i18n } = useTranslation();
  return (
    <Text size="xs" px="sm" c="dimmed" className="tabular">
      {t('settings.storeCounts', { cases: formatCount(cases, i18n.language), events: formatCount(events, i18n.language) })}
    </Text>
  );
}
