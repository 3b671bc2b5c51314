import { Alert, Button, Group, Text, Textarea } from '@mantine/core';
import { IconAlertTriangle, IconCheck, IconUserCheck } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { canTakeStep, type ReviewStatus, type ReviewSubject } from '../../../shared/domain/review-workflow';
import { itemKey, useApprovalQueue } from './queue';
import { useSession } from '../../lib/session';
import { useCall } from '../../lib/useCall';

/**
 * The review actions of a draft under four eyes, one component for decisions and ARN responses:
 * submit (with who will approve it named before, or why nobody can), and for an approver of the
 * submitter a comment, return and approve. Approve is never offered on one's own submission.
 */
export function ReviewActions({
  subject,
  id,
  status,
  review,
  canSubmit,
  submitReady,
  busy,
  comment,
  onComment,
  onSubmit,
  onReturn,
  onApprove,
  testIds,
}: {
  subject: ReviewSubject;
  id: number;
  status: ReviewStatus;
  review: readonly { action: string; by: { id: number; name: string } }[];
  /** The draft may be submitted by this person now (a writer, editable, four eyes on). */
  canSubmit: boolean;
  /** No check stands in the way (the issues list is empty). */
  submitReady: boolean;
  busy: string | null;
  comment: string;
  onComment: (value: string) => void;
  onSubmit: () => void;
  onReturn: () => void;
  onApprove: () => void;
  testIds: { submit: string; comment: string; return: string; approve: string };
}) {
  const { t } = useTranslation();
  const { user } = useSession();
  const { queue } = useApprovalQueue();
  const submitter = review.filter((r) => r.action === 'submitted').at(-1)?.by;
  const ownSubmission = submitter?.id === user.id;
  const awaiting = canTakeStep('approved', status) || canTakeStep('returned', status);
  const showApprovers = user.role !== 'auditor' && (canSubmit || (awaiting && ownSubmission));
  const approvers = useCall('review:approvers', showApprovers ? {} : null);
  const inMyQueue = (queue?.waiting ?? []).some((i) => itemKey(i) === itemKey({ subject, id }));
  const mayReturn = awaiting && user.role !== 'auditor' && (user.role === 'ombudsman' || inMyQueue);
  const mayApprove = canTakeStep('approved', status) && !ownSubmission && user.role !== 'auditor' && (user.role === 'ombudsman' || inMyQueue);
  const nobody = approvers.data?.reason ?? null;
  const names = (approvers.data?.approvers ?? []).map((p) => p.name).join(', ');

  return (
    <>
      {showApprovers && approvers.data && (
        nobody ? (
          <Alert color="orange" p="xs" icon={<IconAlertTriangle size={16} />} data-testid="review-no-approver">
            <Text size="sm">{t(`collab.review.noApprover.${nobody}`)}</Text>
          </Alert>
        ) : (
          <Group gap={6} wrap="nowrap" data-testid="review-approvers">
            <IconUserCheck size={14} aria-hidden />
            <Text size="xs" c="dimmed">
              {ownSubmission && awaiting ? t('collab.review.waitingFor', { names }) : t('collab.review.approvedBy', { names })}
            </Text>
          </Group>
        )
      )}
      {canSubmit && (
        <Button size="xs" disabled={!submitReady || nobody !== null} loading={busy === 'submit'} onClick={onSubmit} data-testid={testIds.submit}>
          {subject === 'decision' ? t('decision.submit') : t('arnResponse.submit')}
        </Button>
      )}
      {mayReturn && (
        <>
          <Textarea size="xs" placeholder={t('decision.commentPlaceholder')} aria-label={t('collab.review.comment')} value={comment} onChange={(e) => onComment(e.currentTarget.value)} autosize minRows={2} data-testid={testIds.comment} />
          <Group gap="xs">
            <Button size="xs" variant="default" color="orange" disabled={!comment.trim()} loading={busy === 'return'} onClick={onReturn} data-testid={testIds.return}>
              {t('decision.return')}
            </Button>
            {mayApprove && (
              <Button size="xs" leftSection={<IconCheck size={14} />} loading={busy === 'approve'} onClick={onApprove} data-testid={testIds.approve}>
                {t('decision.approve')}
              </Button>
            )}
          </Group>
        </>
      )}
      {awaiting && ownSubmission && canTakeStep('approved', status) && (
        <Text size="xs" c="dimmed" data-testid="review-own-draft">
          {t('collab.review.ownDraft')}
        </Text>
      )}
    </>
  );
}
