import { Alert, Button, Checkbox, Group, Modal, NumberInput, PasswordInput, Select, Stack, Switch, Text, TextInput, Title } from '@mantine/core';
import { IconAlertTriangle } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { MailSettingsView, SmtpSettings } from '../../../shared/domain/mail';
import { MARKETS, type Market } from '../../../shared/domain/market';
import { call } from '../../lib/api';
import { useCall } from '../../lib/useCall';
import { mailErrorText } from './MailPanel';

interface Form {
  offices: Record<Market, { name: string; address: string }>;
  useServer: boolean;
  host: string;
  port: number | string;
  security: SmtpSettings['security'];
  user: string;
  password: string;
  attachDocx: boolean;
  maxMb: number | string;
}

function toForm(view: MailSettingsView): Form {
  return {
    offices: { SE: { ...view.offices.SE }, DK: { ...view.offices.DK } },
    useServer: view.smtp !== null,
    host: view.smtp?.host ?? '',
    port: view.smtp?.port ?? 587,
    security: view.smtp?.security ?? 'starttls',
    user: view.smtp?.user ?? '',
    password: '',
    attachDocx: view.attachDocx,
    maxMb: Math.round((view.maxAttachmentBytes / 1024 / 1024) * 10) / 10,
  };
}

/**
 * The ombudsman's send settings: each market's From, the office's SMTP server, DOCX beside the PDF
 * and the attachment limit. The password goes to the OS keychain (desktop app); elsewhere the
 * screen says it comes from OMBUD_SMTP_PASSWORD. Main validates everything again.
 */
export function MailSettingsModal({ opened, onClose }: { opened: boolean; onClose: () => void }) {
  const { t } = useTranslation();
  const loaded = useCall('mail:settings', {});
  const [form, setForm] = useState<Form | null>(null);
  const [seen, setSeen] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [saved, setSaved] = useState(false);
  if (loaded.data !== seen) {
    setSeen(loaded.data);
    if (loaded.data) setForm(toForm(loaded.data));
  }
  const view = loaded.data;
  const set = (patch: Partial<Form>) => {
    setSaved(false);
    setForm((f) => (f ? { ...f, ...patch } : f));
  };

  const save = async () => {
    if (!form || !view) return;
    setBusy(true);
    setError(null);
    try {
      await call('mail:setSettings', {
        offices: form.offices,
        smtp: form.useServer ? { host: form.host.trim(), port: Number(form.port), security: form.security, user: form.user.trim() === '' ? null : form.user.trim() } : null,
        attachDocx: form.attachDocx,
        maxAttachmentBytes: Math.round(Number(form.maxMb) * 1024 * 1024),
        ...(view.keychain && form.password !== '' ? { password: form.password } : {}),
      });
      setSaved(true);
      loaded.reload();
    } catch (e) {
      setError(mailErrorText(t, e));
    } finally {
      setBusy(false);
    }
  };

  return (
    <Modal closeButtonProps={{ 'aria-label': t('app.close') }} opened={opened} onClose={onClose} title={t('send.settings.title')} size="lg" data-testid="mail-settings">
      {!form || !view ? (
        <Text size="sm">{t('send.settings.loading')}</Text>
      ) : (
        <Stack gap="sm">
          <Title order={4}>{t('send.settings.offices')}</Title>
          {MARKETS.map((m) => (
            <Group key={m} grow align="flex-start">
              <TextInput
                size="xs"
                label={t('send.settings.fromName', { market: t(`market.${m}`) })}
                value={form.offices[m].name}
                onChange={(e) => set({ offices: { ...form.offices, [m]: { ...form.offices[m], name: e.currentTarget.value } } })}
                data-testid={`mail-from-name-${m}`}
              />
              <TextInput
                size="xs"
                type="email"
                label={t('send.settings.fromAddress', { market: t(`market.${m}`) })}
                value={form.offices[m].address}
                onChange={(e) => set({ offices: { ...form.offices, [m]: { ...form.offices[m], address: e.currentTarget.value } } })}
                data-testid={`mail-from-address-${m}`}
              />
            </Group>
          ))}
          <Title order={4}>{t('send.settings.server')}</Title>
          <Switch label={t('send.settings.useServer')} checked={form.useServer} onChange={(e) => set({ useServer: e.currentTarget.checked })} data-testid="mail-use-server" />
          {form.useServer && (
            <>
              <Group grow align="flex-start">
                <TextInput size="xs" label={t('send.settings.host')} value={form.host} onChange={(e) => set({ host: e.currentTarget.value })} data-testid="mail-host" />
                <NumberInput size="xs" label={t('send.settings.port')} value={form.port} min={1} max={65535} allowDecimal={false} onChange={(v) => set({ port: v })} data-testid="mail-port" />
                <Select
                  size="xs"
                  label={t('send.settings.security')}
                  value={form.security}
                  allowDeselect={false}
                  comboboxProps={{ withinPortal: true }}
                  data={(['starttls', 'tls', 'none'] as const).map((s) => ({ value: s, label: t(`send.settings.securityKind.${s}`) }))}
                  onChange={(v) => v && set({ security: v as SmtpSettings['security'] })}
                  data-testid="mail-security"
                />
              </Group>
              <TextInput size="xs" label={t('send.settings.user')} description={t('send.settings.userHint')} value={form.user} onChange={(e) => set({ user: e.currentTarget.value })} data-testid="mail-user" />
              {view.keychain ? (
                <PasswordInput
                  size="xs"
                  label={t('send.settings.password')}
                  description={view.passwordStored ? t('send.settings.passwordStored') : t('send.settings.passwordKeychain')}
                  value={form.password}
                  onChange={(e) => set({ password: e.currentTarget.value })}
                  autoComplete="new-password"
                  data-testid="mail-password"
                />
              ) : (
                <Text size="xs" c="dimmed" data-testid="mail-password-env">
                  {view.passwordStored ? t('send.settings.passwordFromEnvSet') : t('send.settings.passwordFromEnv')}
                </Text>
              )}
            </>
          )}
          <Title order={4}>{t('send.settings.attachments')}</Title>
          <Checkbox label={t('send.settings.attachDocx')} checked={form.attachDocx} onChange={(e) => set({ attachDocx: e.currentTarget.checked })} data-testid="mail-attach-docx" />
          <NumberInput size="xs" label={t('send.settings.maxMb')} value={form.maxMb} min={0.1} max={100} decimalScale={1} onChange={(v) => set({ maxMb: v })} style={{ maxWidth: 240 }} data-testid="mail-max-mb" />
          {error && (
            <Alert color="red" p="xs" icon={<IconAlertTriangle size={16} />} role="alert" data-testid="mail-settings-error">
              <Text size="sm">{error}</Text>
            </Alert>
          )}
          <Group justify="flex-end" gap="xs">
            {saved && (
              <Text size="sm" c="teal" role="status" data-testid="mail-settings-saved">
                {t('send.settings.saved')}
              </Text>
            )}
            <Button size="xs" variant="default" onClick={onClose}>
              {t('send.settings.close')}
            </Button>
            <Button size="xs" loading={busy} onClick={() => void save()} data-testid="mail-settings-save">
              {t('send.settings.save')}
            </Button>
          </Group>
        </Stack>
      )}
    </Modal>
  );
}
