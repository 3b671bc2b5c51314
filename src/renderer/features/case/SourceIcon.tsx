import { ThemeIcon, type MantineColor } from '@mantine/core';
import {
  IconArrowDownLeft,
  IconArrowsLeftRight,
  IconArrowUpRight,
  IconBuildingBank,
  IconBuildingStore,
  IconFileInvoice,
  IconFileText,
  IconLock,
  IconMail,
  IconMessageCircle,
  IconPhone,
} from '@tabler/icons-react';
import type { ComponentType } from 'react';
import type { Direction, EventSource } from '../../../shared/domain/history';

type Icon = ComponentType<{ size?: number; stroke?: number; 'aria-hidden'?: boolean }>;

export const SOURCE_ICONS: Record<EventSource, Icon> = {
  phone: IconPhone,
  chat: IconMessageCircle,
  mail: IconMail,
  invoice: IconFileInvoice,
  merchant: IconBuildingStore,
  document: IconFileText,
  internal: IconLock,
  authority: IconBuildingBank,
};

export const SOURCE_COLORS: Record<EventSource, MantineColor> = {
  phone: 'blue',
  chat: 'cyan',
  mail: 'indigo',
  invoice: 'orange',
  merchant: 'grape',
  document: 'gray',
  internal: 'teal',
  authority: 'red',
};

export const DIRECTION_ICONS: Record<Direction, Icon> = {
  inbound: IconArrowDownLeft,
  outbound: IconArrowUpRight,
  internal: IconArrowsLeftRight,
};

export function SourceIcon({ source, label }: { source: EventSource; label: string }) {
  const Icon = SOURCE_ICONS[source];
  return (
    <ThemeIcon variant="light" color={SOURCE_COLORS[source]} size={26} radius="xl" aria-label={label} role="img" data-source={source}>
      <Icon size={15} stroke={1.75} aria-hidden />
    </ThemeIcon>
  );
}
