import { Badge, Button, CloseButton, Group, Notification, Text } from '@mantine/core';
import { IconChecklist } from '@tabler/icons-react';
import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { newSince, useApprovalQueue, type QueueItem, type ReviewQueue } from '../../shared/review/queue';

/**
 * "Att godkänna" in the top bar, with the number of drafts waiting for the signed-in person's
 * approval, and a notice when one arrives or when one of theirs is returned.
 */
export function ApprovalsNavButton({ active, onOpen }: { active: boolean; onOpen: () => void }) {
  const { t } = useTranslation();
  const { queue } = useApprovalQueue();
  const previous = useRef<ReviewQueue | undefined>(undefined);
  const [notice, setNotice] = useState<{ kind: 'arrived' | 'returned'; item: QueueItem; more: number } | null>(null);

  useEffect(() => {
    if (!queue) return;
    const { arrived, returned } = newSince(previous.current, queue);
    previous.current = queue;
    if (returned.length > 0) setNotice({ kind: 'returned', item: returned[0]!, more: returned.length - 1 });
    else if (arrived.length > 0) setNotice({ kind: 'arrived', item: arrived[0]!, more: arrived.length - 1 });
  }, [queue]);

  const count = queue?.waiting.length ?? 0;
  const what = (item: QueueItem) => t(`collab.approvals.subject.${item.subject}`, { number: item.caseNumber });
  return (
    <>
      <Button
        size="compact-sm"
        variant={active ? 'light' : 'subtle'}
        color={active ? undefined : 'gray'}
        leftSection={<IconChecklist size={16} stroke={1.75} />}
        rightSection={
          count > 0 ? (
            <Badge size="sm" circle color="red" data-testid="approvals-count">
              {count}
            </Badge>
          ) : undefined
        }
        onClick={onOpen}
        aria-label={count > 0 ? t('collab.approvals.navWithCount', { count }) : t('collab.approvals.nav')}
        data-testid="nav-approvals"
      >
        {t('collab.approvals.nav')}
      </Button>
      {notice && (
        <Notification
          withCloseButton={false}
          color={notice.kind === 'returned' ? 'orange' : 'blue'}
          title={t(`collab.approvals.notice.${notice.kind}Title`)}
          style={{ position: 'fixed', top: 48, right: 16, zIndex: 300, width: 360 }}
          role="status"
          data-testid="approval-notice"
        >
          <Group gap="xs" wrap="nowrap" align="flex-start">
            <Text size="sm" style={{ flex: 1 }}>
              {t(`collab.approvals.notice.${notice.kind}`, { what: what(notice.item), name: (notice.kind === 'returned' ? notice.item.lastBy?.name : notice.item.submittedBy?.name) ?? '' })}
              {notice.more > 0 ? ` ${t('collab.approvals.notice.more', { count: notice.more })}` : ''}
            </Text>
            <Button
              size="compact-xs"
              variant="light"
              onClick={() => {
                setNotice(null);
                onOpen();
              }}
            >
              {t('collab.approvals.notice.open')}
            </Button>
            <CloseButton size="sm" aria-label={t('collab.approvals.notice.dismiss')} onClick={() => setNotice(null)} />
          </Group>
        </Notification>
      )}
    </>
  );
}
