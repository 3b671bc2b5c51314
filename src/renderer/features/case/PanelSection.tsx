import { Group, Text } from '@mantine/core';
import type { ReactNode } from 'react';
import classes from './CasePanel.module.css';

/** A titled block of the case's right panel. */
export function PanelSection({ title, aside, children, testId }: { title: string; aside?: ReactNode; children: ReactNode; testId?: string }) {
  return (
    <section className={classes.section} data-testid={testId} aria-label={title}>
      <Group justify="space-between" gap="xs" wrap="nowrap" mb={6}>
        <Text component="h3" size="xs" fw={600} c="dimmed" tt="uppercase" m={0} style={{ letterSpacing: '0.04em' }}>
          {title}
        </Text>
        {aside}
      </Group>
      {children}
    </section>
  );
}
