import { Group, Kbd, Modal, Stack, Table, Text } from '@mantine/core';
import { Fragment } from 'react';
import { useTranslation } from 'react-i18next';

type ShortcutKey = 'next' | 'previous' | 'firstLast' | 'page' | 'open' | 'back' | 'nextEvent' | 'toggleEvent' | 'help' | 'search' | 'clearSearch' | 'searchCase' | 'saveForm';

const GROUPS: { title: 'general' | 'inbox' | 'case'; rows: { keys: string[][]; label: ShortcutKey }[] }[] = [
  {
    title: 'inbox',
    rows: [
      { keys: [['↓'], ['j']], label: 'next' },
      { keys: [['↑'], ['k']], label: 'previous' },
      { keys: [['Home'], ['End']], label: 'firstLast' },
      { keys: [['PgUp'], ['PgDn']], label: 'page' },
      { keys: [['Enter']], label: 'open' },
      { keys: [['/'], ['Ctrl', 'F']], label: 'search' },
      { keys: [['Esc']], label: 'clearSearch' },
    ],
  },
  {
    title: 'case',
    rows: [
      { keys: [['j'], ['k']], label: 'nextEvent' },
      { keys: [['Enter']], label: 'toggleEvent' },
      { keys: [['/'], ['Ctrl', 'F']], label: 'searchCase' },
      { keys: [['Ctrl', 'Enter']], label: 'saveForm' },
      { keys: [['Esc']], label: 'back' },
    ],
  },
  { title: 'general', rows: [{ keys: [['?']], label: 'help' }] },
];

/** The keyboard shortcuts, listed under `?` as the house style asks. */
export function ShortcutsModal({ opened, onClose }: { opened: boolean; onClose: () => void }) {
  const { t } = useTranslation();
  return (
    <Modal closeButtonProps={{ 'aria-label': t('app.close') }} opened={opened} onClose={onClose} title={t('shortcuts.title')} size="md" data-testid="shortcuts">
      <Stack gap="md">
        {GROUPS.map((group) => (
          <div key={group.title}>
            <Text size="xs" fw={600} c="dimmed" tt="uppercase" mb={4}>
              {t(`shortcuts.${group.title}`)}
            </Text>
            <Table verticalSpacing={4} withRowBorders={false}>
              <Table.Tbody>
                {group.rows.map((row) => (
                  <Table.Tr key={row.label}>
                    <Table.Td w={140}>
                      <Group gap={4} wrap="nowrap">
                        {row.keys.map((combo, i) => (
                          <Fragment key={i}>
                            {i > 0 && (
                              <Text span size="xs" c="dimmed">
                                /
                              </Text>
                            )}
                            {combo.map((k) => (
                              <Kbd key={k}>{k}</Kbd>
                            ))}
                          </Fragment>
                        ))}
                      </Group>
                    </Table.Td>
                    <Table.Td>{t(`shortcuts.${row.label}`)}</Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </div>
        ))}
      </Stack>
    </Modal>
  );
}
